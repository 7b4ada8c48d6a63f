package nl.weerbaar.planning;

import org.springframework.stereotype.Component;

/**
 * Turns a scenario's input into a plan: demand per point, day and item from where residents live
 * and which points stay lit; then distribution from depots by min-cost flow (OR-Tools), lot by lot
 * first-expiry-first, fair between municipalities, least road distance; every unmet unit with its
 * reason. Pure: reads nothing but its input.
 */
@Component
public class Planner {

    public PlanResult plan(PlanInput input, PlanProgress progress) {
        throw new UnsupportedOperationException();
    }
}
