package nl.weerbaar.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Builds a {@link RouteProblem} from a plan: what one depot sends to each support point on one day
 * ({@link PlanResult#dayDeliveries()}). A scenario that plans to each point ({@link DeliverTo#SUPPORT_POINT})
 * has chosen those deliveries itself. Otherwise the plan carries transport to each municipality's
 * distribution centre and shares what arrives over its points in proportion to what each needs
 * (the residents who walk to it); each depot brings its part to the points nearest it, the depot
 * nearest the municipality first ({@code ItemDistribution}), so the stops are those points.
 */
public final class RouteProblems {

    /** Default search time per depot and day. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    /** What a sheet shows of a point beyond the plan: its address and opening text. */
    public record PointDetails(String address, String opening) {}

    /** An item as loaded: its name and unit, and weight and volume per unit. */
    public record ItemInfo(String name, String unit, double kgPerUnit, double litresPerUnit) {}

    /** A depot and day the plan sends something on. */
    public record DepotDay(long depot, String name, int day, long visits) {}

    /**
     * @param vehicles how many vehicles; null: enough for a quarter more than the day's load, plus one
     * @param speedKmh null: the fleet default
     */
    public record Settings(Integer vehicles, Double payloadKg, Double volumeLitres, java.time.LocalTime shiftStart,
                           Integer shiftHours, Integer serviceMinutes, Double speedKmh, Double detourFactor, Duration timeLimit) {

        public static Settings defaults() {
            return new Settings(null, null, null, null, null, null, null, null, null);
        }
    }

    private RouteProblems() {}

    /** The depots and days a plan sends deliveries on, by day and depot. */
    public static List<DepotDay> depotDays(PlanResult result) {
        Map<Long, String> names = new HashMap<>();
        result.depots().forEach(d -> names.put(d.depot(), d.name()));
        Map<String, TreeSet<Long>> points = new java.util.TreeMap<>();
        for (PlanResult.DayDelivery delivery : deliveries(result)) {
            points.computeIfAbsent(String.format("%05d/%012d", delivery.day(), delivery.depot()), k -> new TreeSet<>())
                    .add(delivery.point());
        }
        List<DepotDay> days = new ArrayList<>();
        points.forEach((key, set) -> {
            int day = Integer.parseInt(key.substring(0, 5));
            long depot = Long.parseLong(key.substring(6));
            days.add(new DepotDay(depot, names.getOrDefault(depot, "#" + depot), day, set.size()));
        });
        return days;
    }

    static List<PlanResult.DayDelivery> deliveries(PlanResult result) {
        return result.dayDeliveries() == null ? List.of() : result.dayDeliveries();
    }

    /**
     * The deliveries of {@code depot} on {@code day} as stops.
     *
     * @param details     address and opening text of a point (null when unknown)
     * @param items       per item code; an item missing counts as 1 kg and 1 litre per unit
     * @param scenarioDetour the scenario's detour factor, used unless the settings name one
     */
    public static RouteProblem of(PlanResult result, long depot, int day, LongFunction<PointDetails> details,
                                  Map<String, ItemInfo> items, double scenarioDetour, Settings settings, RoadDistances roads,
                                  List<RoutePlan.Route> locked) {
        PlanResult.DepotOutcome depotOutcome = result.depots().stream().filter(d -> d.depot() == depot).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plan has no depot " + depot));
        Map<Long, PlanResult.PointOutcome> pointById = new HashMap<>();
        result.points().forEach(p -> pointById.putIfAbsent(p.point(), p));
        Map<Long, List<RouteProblem.Load>> loads = new LinkedHashMap<>();
        for (PlanResult.DayDelivery delivery : deliveries(result)) {
            if (delivery.depot() == depot && delivery.day() == day && delivery.quantity() > 0) {
                ItemInfo item = items.getOrDefault(delivery.item(), new ItemInfo(delivery.item(), "", 1, 1));
                loads.computeIfAbsent(delivery.point(), p -> new ArrayList<>()).add(new RouteProblem.Load(delivery.item(),
                        item.name(), item.unit(), delivery.quantity(), delivery.quantity() * item.kgPerUnit(),
                        delivery.quantity() * item.litresPerUnit()));
            }
        }
        List<RouteProblem.Stop> stops = new ArrayList<>();
        loads.forEach((id, pointLoads) -> {
            PlanResult.PointOutcome point = pointById.get(id);
            PointDetails detail = details.apply(id);
            String opening = detail == null ? null : detail.opening();
            OpeningHours.Window window = OpeningHours.read(opening).orElse(OpeningHours.Window.ALL_DAY);
            stops.add(new RouteProblem.Stop(id, point == null ? "#" + id : point.name(), detail == null ? null : detail.address(),
                    point == null ? depotOutcome.lat() : point.lat(), point == null ? depotOutcome.lon() : point.lon(), opening,
                    window.opens().equals(java.time.LocalTime.MIN) ? null : window.opens(),
                    window.closes().equals(java.time.LocalTime.MAX) ? null : window.closes(), List.copyOf(pointLoads)));
        });
        RouteProblem.Fleet base = RouteProblem.Fleet.defaults(1, settings.detourFactor() != null ? settings.detourFactor()
                : scenarioDetour, settings.timeLimit() != null ? settings.timeLimit() : TIME_LIMIT);
        RouteProblem.Fleet sized = new RouteProblem.Fleet(1, or(settings.payloadKg(), base.payloadKg()),
                or(settings.volumeLitres(), base.volumeLitres()), settings.shiftStart() != null ? settings.shiftStart() : base.shiftStart(),
                settings.shiftHours() != null ? Duration.ofHours(settings.shiftHours()) : base.shift(),
                settings.serviceMinutes() != null ? Duration.ofMinutes(settings.serviceMinutes()) : base.servicePerStop(),
                base.unloadPerTonne(), or(settings.speedKmh(), base.speedKmh()), base.detourFactor(), base.timeLimit());
        int vehicles = settings.vehicles() != null ? settings.vehicles() : enough(stops, sized) + (locked == null ? 0 : locked.size());
        RouteProblem.Fleet fleet = new RouteProblem.Fleet(vehicles, sized.payloadKg(), sized.volumeLitres(), sized.shiftStart(),
                sized.shift(), sized.servicePerStop(), sized.unloadPerTonne(), sized.speedKmh(), sized.detourFactor(), sized.timeLimit());
        RouteProblem.Place place = new RouteProblem.Place(depot, depotOutcome.name(), null, depotOutcome.lat(), depotOutcome.lon());
        return new RouteProblem(day, place, stops, fleet, roads, locked);
    }

    /** A quarter more vehicles than the day's load fills, plus one: room for opening times and the shift. */
    static int enough(List<RouteProblem.Stop> stops, RouteProblem.Fleet fleet) {
        double loads = 0;
        for (RouteProblem.Stop stop : stops) {
            loads += fleet.share(stop.kg(), stop.litres());
        }
        return (int) Math.ceil(loads * 1.25) + 1;
    }

    private static double or(Double value, double otherwise) {
        return value != null ? value : otherwise;
    }
}
