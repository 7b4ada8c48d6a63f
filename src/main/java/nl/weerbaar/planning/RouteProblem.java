package nl.weerbaar.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * One depot's deliveries on one day, to be driven as vehicle routes ({@link RoutePlanner}).
 *
 * @param day    the scenario's day (from 0)
 * @param depot  where every route starts and ends
 * @param stops  the points to deliver to, with what each receives
 * @param fleet  the vehicles and how they work
 * @param roads  road distances in km between places; null: straight line × {@link Fleet#detourFactor()}
 * @param locked routes fixed by the planner: kept as they are, their loads taken off the stops
 */
public record RouteProblem(int day, Place depot, List<Stop> stops, Fleet fleet, RoadDistances roads, List<RoutePlan.Route> locked) {

    public RouteProblem {
        stops = List.copyOf(stops);
        locked = locked == null ? List.of() : List.copyOf(locked);
    }

    public record Place(long id, String name, String address, double lat, double lon) {}

    /**
     * A support point to deliver to. {@code opens}/{@code closes} are its opening time that day as
     * read from its opening text ({@link OpeningHours}), null for from midnight and until midnight;
     * delivering after closing counts as late.
     */
    public record Stop(long point, String name, String address, double lat, double lon, String opening, LocalTime opens,
                       LocalTime closes, List<Load> loads) {

        double kg() {
            return loads.stream().mapToDouble(Load::kg).sum();
        }

        double litres() {
            return loads.stream().mapToDouble(Load::litres).sum();
        }
    }

    /** Units of one item, with their weight and volume from the catalogue. */
    public record Load(String item, String name, String unit, long quantity, double kg, double litres) {}

    /**
     * @param vehicles       how many vehicles the depot has that day (one route each within the shift)
     * @param payloadKg      what one vehicle may carry
     * @param volumeLitres   the load space of one vehicle
     * @param shiftStart     when the vehicles may leave the depot
     * @param shift          the longest a route may take, depot to depot
     * @param servicePerStop time at each stop besides unloading
     * @param unloadPerTonne time to unload one tonne
     * @param speedKmh       average speed on the road
     * @param detourFactor   road distance as straight line × this factor, where no road distance is given
     * @param timeLimit      how long the route search may take
     */
    public record Fleet(int vehicles, double payloadKg, double volumeLitres, LocalTime shiftStart, Duration shift,
                        Duration servicePerStop, Duration unloadPerTonne, double speedKmh, double detourFactor,
                        Duration timeLimit) {

        /** A rigid 18-tonne box truck: 8,000 kg payload, 16 pallets (about 40,000 litres), a 9-hour shift from 07:00. */
        public static Fleet defaults(int vehicles, double detourFactor, Duration timeLimit) {
            return new Fleet(vehicles, 8_000, 40_000, LocalTime.of(7, 0), Duration.ofHours(9), Duration.ofMinutes(10),
                    Duration.ofMinutes(6), 40, detourFactor, timeLimit);
        }

        /** How full a load makes one vehicle: the larger of its weight and volume share. */
        double share(double kg, double litres) {
            return Math.max(kg / payloadKg, litres / volumeLitres);
        }
    }
}
