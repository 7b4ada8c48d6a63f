package nl.weerbaar.planning.bench;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.areas.ReferenceAreas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.planning.DeliverTo;
import nl.weerbaar.planning.Fairness;
import nl.weerbaar.planning.Hazard;
import nl.weerbaar.planning.PlanInput;
import nl.weerbaar.planning.PlanProgress;
import nl.weerbaar.planning.PlanStage;
import nl.weerbaar.planning.PlanResult;
import nl.weerbaar.planning.Planner;
import nl.weerbaar.planning.Scenario;
import nl.weerbaar.points.BenchNetwork;
import nl.weerbaar.stock.BenchStock;
import nl.weerbaar.system.Codes;

/**
 * The national planning benchmark of bench/planning: all 342 municipalities, about 4,500 support
 * points of which about 1,000 hubs, the demo depots and stock, eight items, fourteen days. The
 * input is built in memory from the shipped reference data and the demo generators (no
 * database), the same every run; then {@code new Planner().plan(input, progress)} runs a warm-up
 * and a number of measured times in this one JVM.
 *
 * <pre>
 *   bench/planning/run [--runs 3] [--warmup 1] [--points 4500] [--days 14] [--hazard drinking-water-outage]
 *                      [--help-seeking 0.15] [--vehicle-capacity UNITS] [--deliver-to municipality|support-point]
 * </pre>
 */
public final class NationalPlanningBench {

    static final double AIM_SECONDS = 10;
    static final long SAMPLE_SEED = 20_261_201L;
    static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T06:00:00+01:00");

    /** Eight items: catalogue code, name, unit, and what one person who seeks help receives a day. */
    static final List<PlanInput.ItemNeed> ITEMS = List.of(
            new PlanInput.ItemNeed("drinking-water", "Drinkwater in flessen", "l", 3),
            new PlanInput.ItemNeed("emergency-ration", "Noodrantsoen 2.100 kcal", "rantsoen", 1),
            new PlanInput.ItemNeed("infant-formula", "Zuigelingenvoeding", "blik", 0.01),
            new PlanInput.ItemNeed("hygiene-kit", "Hygiënepakket", "set", 0.05),
            new PlanInput.ItemNeed("blanket", "Deken", "stuk", 0.05),
            new PlanInput.ItemNeed("medication-kit", "Basismedicatie (pijnstilling, ORS)", "set", 0.01),
            new PlanInput.ItemNeed("power-bank", "Powerbank 20.000 mAh", "stuk", 0.01),
            new PlanInput.ItemNeed("first-aid-kit", "EHBO-set", "set", 0.002));

    private NationalPlanningBench() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        int pointCount = Integer.parseInt(options.getOrDefault("points", "4500"));
        int days = Integer.parseInt(options.getOrDefault("days", "14"));
        Hazard hazard = Codes.parse(Hazard.class, options.getOrDefault("hazard", "drinking-water-outage"))
                .orElseThrow(() -> new IllegalArgumentException("--hazard is one of " + Codes.list(Hazard.class)));
        double helpSeeking = Double.parseDouble(options.getOrDefault("help-seeking", "0.15"));
        Long vehicles = options.containsKey("vehicle-capacity") ? Long.valueOf(options.get("vehicle-capacity")) : null;
        DeliverTo deliverTo = Codes.parse(DeliverTo.class, options.getOrDefault("deliver-to", "municipality"))
                .orElseThrow(() -> new IllegalArgumentException("--deliver-to is one of " + Codes.list(DeliverTo.class)));

        long buildStarted = System.nanoTime();
        Areas areas = ReferenceAreas.fromShippedFiles();
        PlanInput input = input(areas, pointCount, days, hazard, helpSeeking, vehicles, deliverTo);
        double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;
        describe(input, buildSeconds);

        Planner planner = new Planner();
        List<PlanResult.Statistics> measured = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        PlanResult last = null;
        for (int run = 1; run <= warmup + runs; run++) {
            boolean warm = run <= warmup;
            String label = warm ? "warm-up " + run : "run " + (run - warmup);
            long started = System.nanoTime();
            PlanResult result = planner.plan(input, new Progress(label));
            double seconds = (System.nanoTime() - started) / 1e9;
            PlanResult.Statistics s = result.statistics();
            System.out.printf(Locale.ROOT, "%-10s solve %7.3f s  total %7.3f s  wall %7.3f s  optimal %-5s gap %s  supplied %,d of %,d%n",
                    label, s.solveSeconds(), s.totalSeconds(), seconds, s.optimal(), gap(s), s.supplied(), s.demand());
            if (!warm) {
                measured.add(s);
                wall.add(seconds);
            }
            last = result;
        }
        report(measured, wall);
        if (last != null) {
            shares(last);
        }
    }

    /** The whole national input: zones, points, depots, lots and items, the same every time. */
    static PlanInput input(Areas areas, int pointCount, int days, Hazard hazard, double helpSeeking, Long vehicles,
                           DeliverTo deliverTo) {
        List<PlanInput.Zone> zones = zones(areas);
        List<PlanInput.PointSite> points = BenchNetwork.sites(areas, pointCount, SAMPLE_SEED);
        BenchStock.Parts stock = BenchStock.build(areas, START.toLocalDate());
        List<String> regions = areas.regions().stream().map(Region::code).toList();
        List<Scenario.ItemNeed> needs = ITEMS.stream()
                .map(item -> new Scenario.ItemNeed(item.item(), BigDecimal.valueOf(item.perPersonPerDay()))).toList();
        Scenario scenario = new Scenario("Benchmark: national " + hazard.code() + ", " + days + " days",
                "bench/planning: all 342 municipalities, about 4,500 points, demo depots and stock, eight items",
                hazard, regions, START, days * 24, helpSeeking, 0.5, needs, List.of("hub", "local"), List.of(), true, 5.0, 8, 1.3,
                vehicles, Fairness.WORST_SERVED_FIRST, List.of(), List.of(), deliverTo);
        return new PlanInput(scenario, zones, points, stock.depots(), stock.lots(), ITEMS);
    }

    /**
     * Postcode areas with a population figure (2021), scaled so each municipality adds up to its
     * 2024 population; a municipality without any such postcode is one zone at its own point.
     */
    static List<PlanInput.Zone> zones(Areas areas) {
        Map<String, Long> counted = new HashMap<>();
        for (PostcodeArea postcode : areas.postcodeAreas()) {
            if (postcode.population() != null && postcode.population() > 0) {
                counted.merge(postcode.municipalityCode(), (long) postcode.population(), Long::sum);
            }
        }
        List<PlanInput.Zone> zones = new ArrayList<>();
        for (PostcodeArea postcode : areas.postcodeAreas()) {
            if (postcode.population() == null || postcode.population() <= 0) {
                continue;
            }
            Municipality municipality = areas.municipality(postcode.municipalityCode()).orElseThrow();
            double scale = (double) municipality.population() / counted.get(municipality.code());
            zones.add(new PlanInput.Zone(postcode.postcode(), municipality.code(), municipality.regionCode(), postcode.lat(),
                    postcode.lon(), postcode.population() * scale));
        }
        for (Municipality municipality : areas.municipalities()) {
            if (!counted.containsKey(municipality.code())) {
                zones.add(new PlanInput.Zone(municipality.code(), municipality.code(), municipality.regionCode(),
                        municipality.lat(), municipality.lon(), municipality.population()));
            }
        }
        return zones;
    }

    private static void describe(PlanInput input, double buildSeconds) {
        long hubs = input.points().stream().filter(p -> p.tier().equals("hub")).count();
        long municipalities = input.zones().stream().map(PlanInput.Zone::municipality).distinct().count();
        double residents = input.zones().stream().mapToDouble(PlanInput.Zone::population).sum();
        Map<String, Long> levels = new HashMap<>();
        input.depots().forEach(d -> levels.merge(d.level(), 1L, Long::sum));
        Scenario s = input.scenario();
        System.out.println("== bench/planning: " + s.name());
        System.out.printf(Locale.ROOT, "area        %d safety regions, %d municipalities, %,d zones (postcode areas), %,.0f residents%n",
                s.areas().size(), municipalities, input.zones().size(), residents);
        System.out.printf(Locale.ROOT, "points      %,d (%,d hubs, %,d local), demo network sample%n",
                input.points().size(), hubs, input.points().size() - hubs);
        System.out.printf(Locale.ROOT, "depots      %d (%d national, %d regional, %d municipal), %,d lots%n", input.depots().size(),
                levels.getOrDefault("national", 0L), levels.getOrDefault("regional", 0L), levels.getOrDefault("municipal", 0L),
                input.lots().size());
        System.out.printf(Locale.ROOT, "items       %d: %s%n", input.items().size(),
                String.join(", ", input.items().stream().map(i -> i.item() + " " + i.perPersonPerDay() + " " + i.unit()).toList()));
        System.out.printf(Locale.ROOT, "scenario    %s from %s, %d days, help-seeking %.3f/day, self-reliance %.2f, fairness %s, "
                        + "vehicles %s, deliveries to each %s%n", s.hazard().code(), s.start(), s.days(), s.helpSeekingShare(), s.selfRelianceShare(),
                s.fairness().code(), s.vehicleCapacityPerDepotPerDay() == null ? "unlimited"
                        : String.format(Locale.ROOT, "%,d units per depot a day", s.vehicleCapacityPerDepotPerDay()),
                s.deliverTo().code());
        System.out.printf(Locale.ROOT, "input built in %.2f s (reference data, demo network and stock generators)%n%n", buildSeconds);
    }

    private static void report(List<PlanResult.Statistics> runs, List<Double> wall) {
        if (runs.isEmpty()) {
            return;
        }
        PlanResult.Statistics last = runs.getLast();
        double[] solve = runs.stream().mapToDouble(PlanResult.Statistics::solveSeconds).sorted().toArray();
        double[] total = runs.stream().mapToDouble(PlanResult.Statistics::totalSeconds).sorted().toArray();
        double[] walls = wall.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double more = last.baselineSupplied() == 0 ? Double.NaN
                : 100.0 * (last.supplied() - last.baselineSupplied()) / last.baselineSupplied();
        System.out.println();
        System.out.printf(Locale.ROOT, "network            %,d nodes, %,d arcs (%s)%n", last.networkNodes(), last.networkArcs(), last.solver());
        System.out.printf(Locale.ROOT, "demand             %,d units (all items, all days)%n", last.demand());
        System.out.printf(Locale.ROOT, "supplied           %,d units (%.1f %%), unmet %,d%n", last.supplied(),
                last.demand() == 0 ? 0 : 100.0 * last.supplied() / last.demand(), last.unmet());
        System.out.printf(Locale.ROOT, "baseline supplied  %,d units: greedy nearest-depot plan on the same input%n", last.baselineSupplied());
        System.out.printf(Locale.ROOT, "=> the plan supplies %.1f %% more demand than the greedy nearest-depot baseline%n", more);
        long proven = runs.stream().filter(PlanResult.Statistics::optimal).count();
        System.out.printf(Locale.ROOT, "optimal            %s in %d of %d measured runs; optimality gap %s%n",
                proven == runs.size() ? "proven" : "NOT proven", proven, runs.size(), gap(last));
        System.out.printf(Locale.ROOT, "solve seconds      min %.3f  median %.3f  (aim %.0f s: median is %.2f× the aim)%n",
                solve[0], median(solve), AIM_SECONDS, median(solve) / AIM_SECONDS);
        System.out.printf(Locale.ROOT, "total seconds      min %.3f  median %.3f  (demand model + solve + results: %.2f× the aim)%n",
                total[0], median(total), median(total) / AIM_SECONDS);
        System.out.printf(Locale.ROOT, "wall seconds       min %.3f  median %.3f  (Planner.plan as a caller sees it)%n", walls[0], median(walls));
        System.out.printf(Locale.ROOT, "machine            %d CPUs, Java %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * How the plan shares what it supplies, which the total alone does not show: the municipality
     * with the smallest share of its demand supplied, and the road distance per unit delivered.
     */
    private static void shares(PlanResult result) {
        Map<String, long[]> byMunicipality = new HashMap<>();
        for (PlanResult.AreaDay row : result.areaDays()) {
            long[] totals = byMunicipality.computeIfAbsent(row.municipality(), m -> new long[2]);
            totals[0] += row.demand();
            totals[1] += row.supplied();
        }
        String worst = null;
        double worstShare = 2;
        int belowHalf = 0;
        for (Map.Entry<String, long[]> entry : byMunicipality.entrySet()) {
            long[] totals = entry.getValue();
            if (totals[0] == 0) {
                continue;
            }
            double share = (double) totals[1] / totals[0];
            if (share < worstShare || (share == worstShare && entry.getKey().compareTo(worst) < 0)) {
                worst = entry.getKey();
                worstShare = share;
            }
            if (share < 0.5) {
                belowHalf++;
            }
        }
        double units = 0;
        double unitKm = 0;
        for (PlanResult.Delivery delivery : result.deliveries()) {
            units += delivery.quantity();
            unitKm += delivery.quantity() * delivery.roadKm();
        }
        Map<String, Long> firstShortfall = new HashMap<>();
        result.shortfalls().forEach(s -> firstShortfall.merge(s.item(), (long) s.day(), Math::min));
        if (worst != null) {
            System.out.printf(Locale.ROOT, "fairness           worst-served municipality %s gets %.1f %% of its demand; %d of %d municipalities below 50 %%%n",
                    worst, 100 * worstShare, belowHalf, byMunicipality.size());
        }
        System.out.printf(Locale.ROOT, "transport          %,.0f units delivered, %.1f road km per unit on average%n", units,
                units == 0 ? 0 : unitKm / units);
        System.out.printf(Locale.ROOT, "first shortfall    %s%n", firstShortfall.isEmpty() ? "none"
                : String.join(", ", firstShortfall.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " day " + e.getValue()).toList()));
    }

    private static String gap(PlanResult.Statistics statistics) {
        Object gap = statistics.optimalityGap();
        return gap == null ? "none proven" : String.valueOf(gap);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> known = List.of("runs", "warmup", "points", "days", "hazard", "help-seeking", "vehicle-capacity",
                "deliver-to");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options: --" + String.join(" N, --", known));
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + Arrays.toString(known.toArray()));
            }
            options.put(name, value);
        }
        return options;
    }

    /** Prints the stage each time the planner moves on by 10 %, on standard error. */
    private static final class Progress implements PlanProgress {
        private final String label;
        private int lastTenth = -1;

        Progress(String label) {
            this.label = label;
        }

        @Override
        public void report(double done, PlanStage stage) {
            int tenth = (int) Math.floor(done * 10);
            if (tenth != lastTenth) {
                System.err.printf(Locale.ROOT, "  [%s %3.0f%%] %s%n", label, done * 100, stage.key() + (stage.item() == null ? "" : " " + stage.item()));
                lastTenth = tenth;
            }
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }
    }
}
