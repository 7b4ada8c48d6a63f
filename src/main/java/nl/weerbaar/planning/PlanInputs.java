package nl.weerbaar.planning;

import org.springframework.stereotype.Component;

/**
 * Gathers a scenario's input from the areas, points and stock modules, as the signed-in caller may
 * see them. Call it on the caller's thread: the run itself happens in the background.
 */
@Component
public class PlanInputs {

    public PlanInput collect(Scenario scenario) {
        throw new UnsupportedOperationException();
    }
}
