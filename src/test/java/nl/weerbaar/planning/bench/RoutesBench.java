package nl.weerbaar.planning.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.ReferenceAreas;
import nl.weerbaar.planning.Fairness;
import nl.weerbaar.planning.Hazard;
import nl.weerbaar.planning.PlanInput;
import nl.weerbaar.planning.PlanProgress;
import nl.weerbaar.planning.PlanResult;
import nl.weerbaar.planning.Planner;
import nl.weerbaar.planning.RoutePlan;
import nl.weerbaar.planning.RoutePlanner;
import nl.weerbaar.planning.RouteProblem;
import nl.weerbaar.planning.RouteProblems;
import nl.weerbaar.planning.Scenario;
import nl.weerbaar.points.BenchNetwork;
import nl.weerbaar.stock.BenchStock;

/**
 * The routes benchmark of bench/routes: the 72-hour blackout of Amsterdam-Amstelland (VR13, as in
 * examples/scenarios/blackout-72h-vr13.json) planned on the demo network sample and demo stock, then
 * every depot's deliveries on one day turned into routes to all the region's points that receive
 * something. Prints per depot and in all: stops, vehicles, km against the nearest-neighbour rule
 * and against the lower bound, and the time, against the aim of 60 s for the whole day.
 *
 * <pre>
 *   bench/routes/run [--region VR13] [--day 1] [--seconds 50] [--points 4500]
 * </pre>
 */
public final class RoutesBench {

    static final double AIM_SECONDS = 60;

    /** Weight and volume per unit as the catalogue's migration sets them (V140). */
    static final Map<String, RouteProblems.ItemInfo> ITEMS = Map.of(
            "drinking-water", new RouteProblems.ItemInfo("Drinkwater in flessen", "l", 1.05, 1.15),
            "emergency-ration", new RouteProblems.ItemInfo("Noodrantsoen 2.100 kcal", "rantsoen", 0.5, 0.6));

    private RoutesBench() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String region = options.getOrDefault("region", "VR13");
        int day = Integer.parseInt(options.getOrDefault("day", "1")) - 1;
        double budget = Double.parseDouble(options.getOrDefault("seconds", "50"));
        int pointCount = Integer.parseInt(options.getOrDefault("points", "4500"));

        long started = System.nanoTime();
        Areas areas = ReferenceAreas.fromShippedFiles();
        Set<String> municipalities = areas.municipalitiesInRegion(region).stream().map(Municipality::code).collect(Collectors.toSet());
        List<PlanInput.PointSite> points = BenchNetwork.sites(areas, pointCount, NationalPlanningBench.SAMPLE_SEED).stream()
                .filter(p -> municipalities.contains(p.municipality())).toList();
        BenchStock.Parts stock = BenchStock.build(areas, NationalPlanningBench.START.toLocalDate());
        List<PlanInput.ItemNeed> items = List.of(new PlanInput.ItemNeed("drinking-water", "Drinkwater in flessen", "l", 3),
                new PlanInput.ItemNeed("emergency-ration", "Noodrantsoen 2.100 kcal", "rantsoen", 1));
        Scenario scenario = new Scenario("Benchmark: blackout 72 h, " + region, "bench/routes", Hazard.POWER_OUTAGE,
                List.of(region), NationalPlanningBench.START, 72, 0.15, 0.6,
                items.stream().map(i -> new Scenario.ItemNeed(i.item(), BigDecimal.valueOf(i.perPersonPerDay()))).toList(),
                List.of("hub", "local"), List.of(), false, 5.0, 8, 1.3, null, Fairness.WORST_SERVED_FIRST, List.of(), List.of(), null);
        List<PlanInput.Zone> zones = NationalPlanningBench.zones(areas).stream()
                .filter(z -> municipalities.contains(z.municipality())).toList();
        PlanInput input = new PlanInput(scenario, zones, points, stock.depots(), stock.lots(), items);
        PlanResult result = new Planner().plan(input, PlanProgress.NONE);
        double planSeconds = (System.nanoTime() - started) / 1e9;

        Map<Long, PlanInput.PointSite> sites = new HashMap<>();
        points.forEach(p -> sites.put(p.id(), p));
        List<RouteProblems.DepotDay> depotDays = RouteProblems.depotDays(result).stream().filter(d -> d.day() == day).toList();
        long stops = depotDays.stream().mapToLong(RouteProblems.DepotDay::visits).sum();
        System.out.println("== bench/routes: " + scenario.name() + ", day " + (day + 1) + " (" + result.dates().get(day) + ")");
        System.out.printf(Locale.ROOT, "input       %d municipalities, %,d points (%d receive deliveries on the day), %d depots send%n",
                municipalities.size(), points.size(), result.dayDeliveries().stream().filter(d -> d.day() == day)
                        .map(PlanResult.DayDelivery::point).distinct().count(), depotDays.size());
        System.out.printf(Locale.ROOT, "plan        %.2f s (%s, %s)%n", planSeconds, result.statistics().solver(),
                result.statistics().optimality());
        System.out.printf(Locale.ROOT, "fleet       per depot: 18 t trucks (8,000 kg, 40,000 l), shift 07:00 + 9 h, 10 min a stop + 6 min a tonne, "
                + "40 km/h, detour 1.3; opening: hubs day and night, local points 8.00-22.00%n");
        System.out.printf(Locale.ROOT, "search      %.0f s in all, shared by the depots in proportion to their stops%n%n", budget);

        long routeStarted = System.nanoTime();
        double km = 0;
        double baselineKm = 0;
        double bound = 0;
        int vehicles = 0;
        int baselineVehicles = 0;
        int missed = 0;
        int baselineMissed = 0;
        int late = 0;
        System.out.printf(Locale.ROOT, "%-42s %6s %5s %9s %9s %9s %7s %6s %7s%n", "depot", "visits", "veh.", "km", "NN km", "bound km",
                "gap", "missed", "seconds");
        for (RouteProblems.DepotDay depotDay : depotDays) {
            Duration limit = Duration.ofMillis(Math.max(500, Math.round(1000 * budget * depotDay.visits() / Math.max(1, stops))));
            RouteProblem problem = RouteProblems.of(result, depotDay.depot(), day, id -> details(sites.get(id)), ITEMS, 1.3,
                    new RouteProblems.Settings(null, null, null, null, null, null, null, null, limit), null, List.of());
            RoutePlan plan = new RoutePlanner().plan(problem);
            System.out.printf(Locale.ROOT, "%-42s %6d %5d %9.1f %9.1f %9.1f %6.1f%% %6d %7.2f%n", trim(depotDay.name()), plan.visits(),
                    plan.vehiclesUsed(), plan.km(), plan.baseline().km(), plan.lowerBoundKm(), 100 * plan.gap(), plan.missed().size(),
                    plan.seconds());
            km += plan.km();
            baselineKm += plan.baseline().km();
            bound += plan.lowerBoundKm();
            vehicles += plan.vehiclesUsed();
            baselineVehicles += plan.baseline().vehicles();
            missed += plan.missed().size();
            baselineMissed += plan.baseline().missedStops();
            late += plan.lateStops();
        }
        double routeSeconds = (System.nanoTime() - routeStarted) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "routes             %.1f km with %d vehicles, %d late, %d missed%n", km, vehicles, late, missed);
        System.out.printf(Locale.ROOT, "nearest neighbour  %.1f km with %d vehicles, %d missed%n", baselineKm, baselineVehicles, baselineMissed);
        System.out.printf(Locale.ROOT, "=> the routes drive %.1f %% fewer km than the nearest-neighbour rule (%.3f× its km)%n",
                baselineKm == 0 ? 0 : 100 * (baselineKm - km) / baselineKm, baselineKm == 0 ? 0 : km / baselineKm);
        System.out.printf(Locale.ROOT, "lower bound        %.1f km: the routes are at most %.1f %% above the best possible%n", bound,
                km == 0 ? 0 : 100 * (km - bound) / km);
        System.out.printf(Locale.ROOT, "routing seconds    %.2f for the whole day (aim %.0f s: %.2f× the aim); plan + routes %.2f s%n",
                routeSeconds, AIM_SECONDS, routeSeconds / AIM_SECONDS, planSeconds + routeSeconds);
        System.out.printf(Locale.ROOT, "machine            %d CPUs, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /** The opening texts of the demo network: hubs open day and night, local points from 8 to 22. */
    private static RouteProblems.PointDetails details(PlanInput.PointSite site) {
        if (site == null) {
            return null;
        }
        return new RouteProblems.PointDetails(null, "hub".equals(site.tier())
                ? "Bij langdurige uitval binnen 2 uur open, dag en nacht."
                : "Bij langdurige uitval binnen 4 uur open, van 8.00 tot 22.00 uur.");
    }

    private static String trim(String name) {
        return name.length() > 42 ? name.substring(0, 41) + "…" : name;
    }
}
