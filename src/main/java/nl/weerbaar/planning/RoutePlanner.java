package nl.weerbaar.planning;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.Assignment;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.SpatialIndex;

/**
 * Turns one depot's deliveries on one day into vehicle routes with OR-Tools routing: vehicles
 * limited by weight and volume, a shift, the points' opening times as time windows (arriving after
 * closing is allowed at a price and reported as late), time per stop, and a visit left out only
 * when no vehicle can take it (reported as missed). Guided local search runs until the time limit.
 *
 * <p>A point that needs more than a vehicle-load is visited more than once, each visit at most a
 * full vehicle. Against the result stand a lower bound on the distance ({@link #LOWER_BOUND}) and
 * the nearest-neighbour rule on the same vehicles. Pure: the API, the command line and the benchmark route alike.
 */
public final class RoutePlanner {

    public static final String SOLVER = "OR-Tools 9.15 routing (parallel cheapest insertion, guided local search)";
    static final String LOWER_BOUND = "the larger of the forest bound (k routes are k paths through the visits, at least the "
            + "minimum spanning tree of the visits less its k-1 longest edges, plus the 2k shortest depot edges; least over k from "
            + "the vehicle-loads needed) and the radial bound (twice each visit's distance from the depot times the share of a "
            + "vehicle it fills; straight-line distances only)";
    private static final long LATE_PENALTY_PER_SECOND = 20; // one minute late weighs as 1.2 km driven
    private static final long MISSED_PENALTY = 10_000_000; // 10,000 km: leave a visit out only when it cannot be driven

    static {
        Loader.loadNativeLibraries();
    }

    /** One visit to drive: a stop, or a vehicle-load of it. */
    private record Part(RouteProblem.Stop stop, List<RouteProblem.Load> loads, double kg, double litres) {}

    public RoutePlan plan(RouteProblem problem) {
        long started = System.nanoTime();
        RouteProblem.Fleet fleet = problem.fleet();
        List<Part> parts = parts(remainingAfterLocks(problem), fleet);
        int vehicles = Math.max(0, fleet.vehicles() - problem.locked().size());
        int n = parts.size() + 1;
        long[][] metres = distances(problem, parts);
        long[][] seconds = new long[n][n];
        long[] service = new long[n];
        for (int i = 1; i < n; i++) {
            service[i] = serviceSeconds(fleet, parts.get(i - 1).kg());
        }
        double metresPerSecond = fleet.speedKmh() / 3.6;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                seconds[i][j] = service[i] + Math.round(metres[i][j] / metresPerSecond);
            }
        }
        long shiftStart = fleet.shiftStart().toSecondOfDay();
        long shiftEnd = shiftStart + fleet.shift().toSeconds();

        List<List<Integer>> sequences = new ArrayList<>();
        boolean[] served = new boolean[n];
        if (vehicles > 0 && !parts.isEmpty()) {
            RoutingIndexManager manager = new RoutingIndexManager(n, vehicles, 0);
            RoutingModel routing = new RoutingModel(manager);
            int distance = routing.registerTransitMatrix(metres);
            routing.setArcCostEvaluatorOfAllVehicles(distance);
            long[] grams = new long[n];
            long[] decilitres = new long[n];
            for (int i = 1; i < n; i++) {
                grams[i] = Math.round(parts.get(i - 1).kg() * 1000);
                decilitres[i] = Math.round(parts.get(i - 1).litres() * 10);
            }
            long[] gramCapacity = new long[vehicles];
            long[] decilitreCapacity = new long[vehicles];
            java.util.Arrays.fill(gramCapacity, Math.round(fleet.payloadKg() * 1000));
            java.util.Arrays.fill(decilitreCapacity, Math.round(fleet.volumeLitres() * 10));
            routing.addDimensionWithVehicleCapacity(routing.registerUnaryTransitVector(grams), 0, gramCapacity, true, "Weight");
            routing.addDimensionWithVehicleCapacity(routing.registerUnaryTransitVector(decilitres), 0, decilitreCapacity, true, "Volume");
            routing.addDimension(routing.registerTransitMatrix(seconds), 24 * 3600, 2 * 24 * 3600, false, "Time");
            RoutingDimension time = routing.getMutableDimension("Time");
            for (int i = 1; i < n; i++) {
                long index = manager.nodeToIndex(i);
                RouteProblem.Stop stop = parts.get(i - 1).stop();
                time.cumulVar(index).setRange(opens(stop), 2 * 24 * 3600);
                time.setCumulVarSoftUpperBound(index, closes(stop), LATE_PENALTY_PER_SECOND);
                routing.addDisjunction(new long[] {index}, MISSED_PENALTY);
            }
            for (int v = 0; v < vehicles; v++) {
                time.cumulVar(routing.start(v)).setRange(shiftStart, shiftEnd);
                time.cumulVar(routing.end(v)).setRange(shiftStart, shiftEnd);
                time.setSpanUpperBoundForVehicle(fleet.shift().toSeconds(), v);
            }
            RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                    .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION)
                    .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                    .setTimeLimit(com.google.protobuf.Duration.newBuilder().setSeconds(fleet.timeLimit().toSeconds())
                            .setNanos(fleet.timeLimit().toNanosPart()))
                    .build();
            Assignment solution = routing.solveWithParameters(parameters);
            if (solution != null) {
                for (int v = 0; v < vehicles; v++) {
                    List<Integer> sequence = new ArrayList<>();
                    long index = solution.value(routing.nextVar(routing.start(v)));
                    while (!routing.isEnd(index)) {
                        int node = manager.indexToNode(index);
                        sequence.add(node);
                        served[node] = true;
                        index = solution.value(routing.nextVar(index));
                    }
                    if (!sequence.isEmpty()) {
                        sequences.add(sequence);
                    }
                }
            }
        }

        List<RoutePlan.Route> routes = new ArrayList<>(problem.locked());
        int late = (int) problem.locked().stream().flatMap(r -> r.visits().stream()).filter(RoutePlan.Visit::late).count();
        double km = problem.locked().stream().mapToDouble(RoutePlan.Route::km).sum();
        for (List<Integer> sequence : sequences) {
            RoutePlan.Route route = route(routes.size() + 1, sequence, parts, metres, seconds, shiftStart);
            late += (int) route.visits().stream().filter(RoutePlan.Visit::late).count();
            int previous = 0;
            for (int node : sequence) {
                km += metres[previous][node] / 1000.0;
                previous = node;
            }
            km += metres[previous][0] / 1000.0;
            routes.add(route);
        }
        List<RoutePlan.Missed> missed = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (!served[i]) {
                Part part = parts.get(i - 1);
                missed.add(new RoutePlan.Missed(part.stop().point(), part.stop().name(), round1(part.kg()), round1(part.litres()),
                        part.loads()));
            }
        }
        double bound = lowerBoundMetres(metres, parts, served, fleet, problem.roads() == null) / 1000
                + problem.locked().stream().mapToDouble(RoutePlan.Route::km).sum();
        double gap = km <= 0 ? 0 : Math.max(0, (km - bound) / km);
        RoutePlan.Baseline baseline = nearestNeighbour(parts, metres, seconds, fleet, vehicles, shiftStart, shiftEnd);
        String source = problem.roads() == null
                ? String.format(java.util.Locale.ROOT, "straight line × detour factor %.2f", fleet.detourFactor())
                : "road distances from a file (" + problem.roads().size() + " pairs); other pairs straight line × detour factor";
        return new RoutePlan(problem.day(), problem.depot(), routes, missed, round1(km), routes.size(), late, round1(bound),
                LOWER_BOUND, Math.round(gap * 10_000) / 10_000.0, baseline, SOLVER, (System.nanoTime() - started) / 1e9, source);
    }

    /** The stops with what locked routes already bring them taken off; stops left with nothing dropped. */
    private static List<RouteProblem.Stop> remainingAfterLocks(RouteProblem problem) {
        Map<String, Long> brought = new HashMap<>();
        problem.locked().forEach(route -> route.visits().forEach(visit -> visit.loads().forEach(load ->
                brought.merge(visit.point() + "/" + load.item(), load.quantity(), Long::sum))));
        List<RouteProblem.Stop> stops = new ArrayList<>();
        for (RouteProblem.Stop stop : problem.stops()) {
            List<RouteProblem.Load> loads = new ArrayList<>();
            for (RouteProblem.Load load : stop.loads()) {
                long left = load.quantity() - brought.getOrDefault(stop.point() + "/" + load.item(), 0L);
                if (left > 0) {
                    loads.add(scaled(load, left));
                }
            }
            if (!loads.isEmpty()) {
                stops.add(new RouteProblem.Stop(stop.point(), stop.name(), stop.address(), stop.lat(), stop.lon(), stop.opening(),
                        stop.opens(), stop.closes(), loads));
            }
        }
        return stops;
    }

    private static RouteProblem.Load scaled(RouteProblem.Load load, long quantity) {
        double per = load.quantity() == 0 ? 0 : 1.0 / load.quantity();
        return new RouteProblem.Load(load.item(), load.name(), load.unit(), quantity, load.kg() * per * quantity,
                load.litres() * per * quantity);
    }

    /** Each stop as one visit, or as several of at most a vehicle-load each, every item split evenly. */
    private static List<Part> parts(List<RouteProblem.Stop> stops, RouteProblem.Fleet fleet) {
        List<Part> parts = new ArrayList<>();
        for (RouteProblem.Stop stop : stops) {
            int pieces = Math.max(1, (int) Math.ceil(fleet.share(stop.kg(), stop.litres()) - 1e-9));
            while (true) {
                List<Part> split = new ArrayList<>();
                boolean fits = true;
                for (int k = 0; k < pieces; k++) {
                    List<RouteProblem.Load> loads = new ArrayList<>();
                    for (RouteProblem.Load load : stop.loads()) {
                        long quantity = load.quantity() * (k + 1) / pieces - load.quantity() * k / pieces;
                        if (quantity > 0) {
                            loads.add(scaled(load, quantity));
                        }
                    }
                    double kg = loads.stream().mapToDouble(RouteProblem.Load::kg).sum();
                    double litres = loads.stream().mapToDouble(RouteProblem.Load::litres).sum();
                    fits &= fleet.share(kg, litres) <= 1 + 1e-9;
                    if (!loads.isEmpty()) {
                        split.add(new Part(stop, loads, kg, litres));
                    }
                }
                if (fits || pieces > 1_000) {
                    parts.addAll(split);
                    break;
                }
                pieces++;
            }
        }
        return parts;
    }

    private static long serviceSeconds(RouteProblem.Fleet fleet, double kg) {
        return fleet.servicePerStop().toSeconds() + Math.round(fleet.unloadPerTonne().toSeconds() * kg / 1000);
    }

    private static long opens(RouteProblem.Stop stop) {
        return stop.opens() == null ? 0 : stop.opens().toSecondOfDay();
    }

    private static long closes(RouteProblem.Stop stop) {
        return stop.closes() == null || stop.closes().equals(LocalTime.MAX) ? 24 * 3600 : stop.closes().toSecondOfDay();
    }

    /** Road metres between the depot (0) and the visits (1…): from the file where it has the pair, else straight line × detour. */
    private static long[][] distances(RouteProblem problem, List<Part> parts) {
        int n = parts.size() + 1;
        double[] lat = new double[n];
        double[] lon = new double[n];
        String[] key = new String[n];
        lat[0] = problem.depot().lat();
        lon[0] = problem.depot().lon();
        key[0] = RoadDistances.depot(problem.depot().id());
        for (int i = 1; i < n; i++) {
            RouteProblem.Stop stop = parts.get(i - 1).stop();
            lat[i] = stop.lat();
            lon[i] = stop.lon();
            key[i] = RoadDistances.point(stop.point());
        }
        long[][] metres = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                Double km = problem.roads() == null ? null : problem.roads().km(key[i], key[j]);
                metres[i][j] = km != null ? Math.round(km * 1000)
                        : Math.round(SpatialIndex.distanceMetres(lat[i], lon[i], lat[j], lon[j]) * problem.fleet().detourFactor());
            }
        }
        return metres;
    }

    private static RoutePlan.Route route(int vehicle, List<Integer> sequence, List<Part> parts, long[][] metres, long[][] seconds,
                                         long shiftStart) {
        List<RoutePlan.Visit> visits = new ArrayList<>();
        long clock = shiftStart;
        int previous = 0;
        long total = 0;
        double kg = 0;
        double litres = 0;
        // Leave as late as the first opening time allows, so nobody waits at a closed door.
        if (!sequence.isEmpty()) {
            long firstOpens = opens(parts.get(sequence.getFirst() - 1).stop());
            clock = Math.max(shiftStart, firstOpens - seconds[0][sequence.getFirst()]);
        }
        long leaves = clock;
        for (int node : sequence) {
            Part part = parts.get(node - 1);
            clock = Math.max(clock + seconds[previous][node], opens(part.stop()));
            total += metres[previous][node];
            kg += part.kg();
            litres += part.litres();
            RouteProblem.Stop stop = part.stop();
            visits.add(new RoutePlan.Visit(visits.size() + 1, stop.point(), stop.name(), stop.address(), stop.lat(), stop.lon(),
                    time(clock), stop.opening(), stop.opens(), stop.closes(), clock > closes(stop),
                    round1(metres[previous][node] / 1000.0), part.loads()));
            previous = node;
        }
        clock += seconds[previous][0];
        total += metres[previous][0];
        return new RoutePlan.Route(vehicle, false, time(leaves), time(clock), round1(total / 1000.0), round1(kg), round1(litres),
                visits);
    }

    /** A time of day in whole minutes, as a driver reads it (seconds dropped). */
    private static LocalTime time(long secondOfDay) {
        return LocalTime.ofSecondOfDay(Math.min(24 * 3600 - 60, Math.max(0, secondOfDay)) / 60 * 60);
    }

    /**
     * Metres no set of routes serving the served visits can beat: the larger of two bounds on the
     * symmetric distances min(d(i,j), d(j,i)).
     * <ul>
     * <li>The forest bound: k routes are k paths through the visits (together a spanning forest of
     * k trees, so at least the minimum spanning tree of the visits less its k − 1 longest edges)
     * plus 2k depot edges (at least the 2k shortest, each visit's edge counted at most twice);
     * minimised over every k from the vehicle-loads needed up to one route per visit.</li>
     * <li>The radial bound (straight-line distances only, as it needs the triangle inequality):
     * twice each visit's distance from the depot times the share of a vehicle it fills.</li>
     * </ul>
     */
    private static double lowerBoundMetres(long[][] metres, List<Part> parts, boolean[] served, RouteProblem.Fleet fleet,
                                           boolean radialHolds) {
        List<Integer> visits = new ArrayList<>();
        double radial = 0;
        double loads = 0;
        for (int i = 1; i < served.length; i++) {
            if (served[i]) {
                visits.add(i);
                Part part = parts.get(i - 1);
                double share = Math.min(1, fleet.share(part.kg(), part.litres()));
                radial += 2 * Math.min(metres[0][i], metres[i][0]) * share;
                loads += share;
            }
        }
        int m = visits.size();
        if (m == 0) {
            return 0;
        }
        // Prim's minimum spanning tree over the visits, keeping its edges.
        double[] best = new double[m];
        boolean[] in = new boolean[m];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        best[0] = 0;
        double[] edges = new double[m - 1];
        int edgeCount = 0;
        double tree = 0;
        for (int step = 0; step < m; step++) {
            int next = -1;
            for (int k = 0; k < m; k++) {
                if (!in[k] && (next < 0 || best[k] < best[next])) {
                    next = k;
                }
            }
            in[next] = true;
            if (step > 0) {
                edges[edgeCount++] = best[next];
                tree += best[next];
            }
            for (int k = 0; k < m; k++) {
                if (!in[k]) {
                    int a = visits.get(next);
                    int b = visits.get(k);
                    best[k] = Math.min(best[k], Math.min(metres[a][b], metres[b][a]));
                }
            }
        }
        java.util.Arrays.sort(edges);
        double[] depotSlots = new double[2 * m];
        for (int k = 0; k < m; k++) {
            int v = visits.get(k);
            depotSlots[2 * k] = Math.min(metres[0][v], metres[v][0]);
            depotSlots[2 * k + 1] = depotSlots[2 * k];
        }
        java.util.Arrays.sort(depotSlots);
        int fewest = Math.max(1, (int) Math.ceil(loads - 1e-9));
        double forest = Double.MAX_VALUE;
        double paths = tree;
        double depotEdges = 0;
        for (int k = 1; k <= m; k++) {
            if (k > 1) {
                paths -= edges[m - k]; // drop the longest tree edge left
            }
            depotEdges += depotSlots[2 * k - 2] + depotSlots[2 * k - 1];
            if (k >= fewest) {
                forest = Math.min(forest, paths + depotEdges);
            }
        }
        return radialHolds ? Math.max(forest, radial) : forest;
    }

    /**
     * The rule of thumb: each vehicle in turn leaves the depot and drives to the nearest visit it
     * can still load and reach before closing and get back from within its shift, until none is left.
     */
    private static RoutePlan.Baseline nearestNeighbour(List<Part> parts, long[][] metres, long[][] seconds, RouteProblem.Fleet fleet,
                                                       int vehicles, long shiftStart, long shiftEnd) {
        int n = parts.size() + 1;
        boolean[] done = new boolean[n];
        long total = 0;
        int used = 0;
        int left = parts.size();
        for (int v = 0; v < vehicles && left > 0; v++) {
            int at = 0;
            long clock = shiftStart;
            double kg = 0;
            double litres = 0;
            boolean moved = false;
            while (true) {
                int next = -1;
                for (int j = 1; j < n; j++) {
                    if (done[j] || (next >= 0 && metres[at][j] >= metres[at][next])) {
                        continue;
                    }
                    Part part = parts.get(j - 1);
                    long arrives = Math.max(clock + seconds[at][j], opens(part.stop()));
                    boolean fits = fleet.share(kg + part.kg(), litres + part.litres()) <= 1 + 1e-9;
                    if (fits && arrives <= closes(part.stop()) && arrives + seconds[j][0] <= shiftEnd) {
                        next = j;
                    }
                }
                if (next < 0) {
                    break;
                }
                Part part = parts.get(next - 1);
                clock = Math.max(clock + seconds[at][next], opens(part.stop()));
                total += metres[at][next];
                kg += part.kg();
                litres += part.litres();
                done[next] = true;
                left--;
                at = next;
                moved = true;
            }
            if (moved) {
                total += metres[at][0];
                used++;
            }
        }
        return new RoutePlan.Baseline("nearest neighbour (each vehicle to the nearest visit it can still take)",
                round1(total / 1000.0), used, left, 0);
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
