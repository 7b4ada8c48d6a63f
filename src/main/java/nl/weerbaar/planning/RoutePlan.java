package nl.weerbaar.planning;

import java.time.LocalTime;
import java.util.List;

/**
 * Vehicle routes for one depot and day.
 *
 * @param km           all routes together, depot to depot
 * @param lateStops    visits that arrive after the point's closing time
 * @param missed       deliveries no route could take (too few vehicles, or not within the shift)
 * @param lowerBoundKm no set of routes that serves the same visits can be shorter: see {@code lowerBound}
 * @param lowerBound   which bound, in words
 * @param gap          (km − lowerBoundKm) / km; 0 when the bound is met
 * @param baseline     the same deliveries by the nearest-neighbour rule, for comparison
 * @param distances    where distances come from: straight line × detour factor, or a file
 */
public record RoutePlan(int day, RouteProblem.Place depot, List<Route> routes, List<Missed> missed, double km, int vehiclesUsed,
                        int lateStops, double lowerBoundKm, String lowerBound, double gap, Baseline baseline, String solver,
                        double seconds, String distances) {

    /** One vehicle's route; {@code locked}: fixed by the planner and kept when the rest is planned again. */
    public record Route(int vehicle, boolean locked, LocalTime leaves, LocalTime returns, double km, double kg, double litres,
                        List<Visit> visits) {}

    /** A stop on a route, in order from 1; {@code part} numbers the visits when a point needs more than one vehicle-load. */
    public record Visit(int sequence, long point, String name, String address, double lat, double lon, LocalTime arrives,
                        String opening, LocalTime opens, LocalTime closes, boolean late, double kmFromPrevious,
                        List<RouteProblem.Load> loads) {}

    public record Missed(long point, String name, double kg, double litres, List<RouteProblem.Load> loads) {}

    /** What the nearest-neighbour rule makes of the same deliveries with the same vehicles. */
    public record Baseline(String method, double km, int vehicles, int missedStops, int lateStops) {}

    public long visits() {
        return routes.stream().mapToLong(r -> r.visits().size()).sum();
    }
}
