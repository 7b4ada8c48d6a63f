package nl.weerbaar.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a run found. Quantities are whole units of the item. Days count from 0 (the first day of
 * the scenario); {@code dates.get(day)} is its calendar date.
 *
 * @param areaDays    demand, supplied and unmet per municipality, day and item, unmet by reason
 * @param shortfalls  the first day with unmet demand per municipality and item (none: no row)
 * @param points      per support point and item over the whole scenario, for maps
 * @param depots      per depot and item: stock at the start, what went out, what expired unused,
 *                    what is left, and what one more unit there would do
 * @param deliveries  per depot, point and item over the whole scenario
 * @param dayDeliveries per day, depot, point and item: what the vehicles carry (routes); null in
 *                    runs stored before it existed
 */
public record PlanResult(List<LocalDate> dates, List<AreaDay> areaDays, List<Shortfall> shortfalls,
                         List<PointOutcome> points, List<DepotOutcome> depots, List<Delivery> deliveries,
                         Statistics statistics, List<DayDelivery> dayDeliveries) {

    /** A result without deliveries per day (as runs stored before they existed). */
    public PlanResult(List<LocalDate> dates, List<AreaDay> areaDays, List<Shortfall> shortfalls, List<PointOutcome> points,
                      List<DepotOutcome> depots, List<Delivery> deliveries, Statistics statistics) {
        this(dates, areaDays, shortfalls, points, depots, deliveries, statistics, null);
    }

    public record AreaDay(String municipality, String region, int day, String item, long demand, long supplied,
                          Map<UnmetReason, Long> unmet) {

        public long unmetTotal() {
            return unmet.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public record Shortfall(String municipality, String region, String item, int day) {}

    /**
     * One point and item: totals over the scenario, and per day (index = day) what its residents
     * needed there and what reached it. {@code darkFromDay} null: the point stayed open throughout.
     *
     * @param peopleIfLit residents a day who had no lit point within reach and would have this one,
     *                    were it lit: the value of a generator (or, with one, of fuel) there; 0 when lit
     * @param generator   whether the point has a generator of its own (then it went dark for want of fuel)
     */
    public record PointOutcome(long point, String name, String municipality, double lat, double lon, Integer darkFromDay,
                               String item, long demand, long supplied, long unmet, List<Long> demandPerDay,
                               List<Long> suppliedPerDay, long peopleIfLit, boolean generator) {}

    public record DepotOutcome(long depot, String name, String level, double lat, double lon, String item,
                               long startStock, long delivered, long expiredUnused, long left, Marginal marginal) {}

    /**
     * What one more unit at a depot would do, read from the optimal plan (the cheapest way through
     * the residual network to unmet demand, re-routing other stock where that helps).
     *
     * @param suppliedUnits 1 when the extra unit reaches unmet demand, 0 when it would sit unused
     * @param municipality  where the extra unit would end up supplying; null when it would not
     * @param day           on which day; null when it would not
     * @param priority      higher is more urgent (earlier day, worse-served area); 0 when it would not help
     */
    public record Marginal(double suppliedUnits, String municipality, Integer day, long priority) {}

    public record Delivery(long depot, long point, String item, long quantity, double roadKm) {}

    /** What one depot sends to one point on one day (day counts from 0). */
    public record DayDelivery(int day, long depot, long point, String item, long quantity) {}

    /**
     * @param optimal        the solver proved the plan optimal for its objective
     * @param optimalityGap  0 for a proven optimum; for items planned together under shared vehicles
     *                       whose LP split is fractional, how far the plan's cost is above the LP bound
     *                       (relative); null when not proven (items planned one after another, as runs
     *                       stored before the joint plan were)
     * @param baselineSupplied what a greedy nearest-depot plan supplies on the same input
     * @param optimality     the same in words, for people reading the API: {@link #PROVEN} or {@link #NOT_PROVEN}
     *                       (derived from the other fields, also for runs stored before it existed)
     */
    public record Statistics(long demand, long supplied, long unmet, long baselineSupplied, boolean optimal,
                             Double optimalityGap, String optimality, String solver, long networkNodes, long networkArcs,
                             double demandSeconds, double solveSeconds, double totalSeconds) {

        public static final String PROVEN = "proven optimal";
        public static final String NOT_PROVEN = "not proven optimal: items were planned one after another under the shared vehicle limit";

        public Statistics {
            optimality = optimal ? PROVEN
                    : optimalityGap == null ? NOT_PROVEN
                    : String.format(java.util.Locale.ROOT, "within %.2f %% of the optimum", 100 * optimalityGap);
        }
    }
}
