package nl.weerbaar.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.SpatialIndex;

/**
 * The distribution of one item from depots to support points over the days of a scenario, as a
 * min-cost flow solved by OR-Tools:
 * <pre>
 * stock (depot, expiry) ─▶ depot on day t ─[vehicles]─▶ area on day t ─[tranches of its demand]─▶ end
 *        └──────────────────────── left unused ───────────────────────────────────────────────────▶ end
 * </pre>
 * An area is where transport ends ({@link DeliverTo}): a municipality's distribution centre, or
 * one support point.
 * Stock reaches a day only while it has not expired. Supplying demand earns a reward that is larger
 * than any transport cost, so the flow first supplies as much as it can; the rewards fall by
 * priority level (the fairness rule: an area's demand on a day is cut in 20 tranches of 5 %,
 * and a less-supplied tranche earns more), and among plans that supply the same, the one with the
 * least road distance wins. The optimum is exact (integer min-cost flow).
 *
 * <p>By default transport runs to each municipality's distribution centre (the middle of its
 * support points); its points share what arrives in proportion to their demand, so no point in a
 * municipality is favoured for being nearer a depot. Planning to municipalities rather than to
 * each of 4,500 points keeps a national two-week plan to about a second and loses only the last
 * few kilometres of transport distance. Planned to each point, every point is an area of its own:
 * the same network, with the distance to each point and the fairness rule between points.
 */
final class ItemDistribution {

    static final int TRANCHES = 20;
    /** Depots holding the item an area can be supplied from, nearest first, besides the national ones. */
    static final int DEPOTS_PER_MUNICIPALITY = 12;
    /** Depots nearest an area, whatever they hold: where extra stock might help it. */
    static final int NEARBY_DEPOTS = 4;

    record DepotUse(long startStock, long delivered, long expiredUnused, long left, PlanResult.Marginal marginal) {}

    /**
     * @param supplied  [day][point]
     * @param unmet     [day] per area index, by reason; absent where all was supplied
     * @param deliveries per depot index and point index (packed as depot * points + point)
     * @param dailyDeliveries the same per day (index = day)
     * @param depotUse  per depot index, for depots holding the item or reached by it
     * @param vehicleUse [depot][day] units sent out, to take off the next item's vehicle capacity
     * @param objective the flow's cost (rewards negative), to compare with a joint plan's bound
     */
    record Outcome(long[][] supplied, List<Map<Integer, Map<UnmetReason, Long>>> unmet, Map<Long, Long> deliveries,
                   List<Map<Long, Long>> dailyDeliveries, Map<Integer, DepotUse> depotUse, long[][] vehicleUse, long nodes,
                   long arcs, long objective) {}

    private final PlanInput input;
    private final PlanInput.ItemNeed item;
    private final long[][] demand;
    private final List<LocalDate> dates;
    private final int[] areaOfPoint;
    private final String[] municipalityOfArea;
    private final int areas;
    private final long[][] vehicleCapacity;
    /** Per area index: the indexes of its points. */
    private final int[][] pointsOf;
    private final double[][] centre;
    private final long[][] areaDemand;
    private final List<StockClass> stock;
    /** Per depot index: whether it holds any of this item. */
    private final boolean[] holds;
    private final int[][] reach;
    private final long[][] cost;

    /**
     * @param demand             [day][point] units of this item
     * @param areaOfPoint        index of the area each point is supplied through (its municipality, or itself)
     * @param municipalityOfArea each area's municipality code, to say where extra stock would help
     * @param vehicleCapacity    [depot][day] units the depot can still send out; null for no limit
     */
    ItemDistribution(PlanInput input, PlanInput.ItemNeed item, long[][] demand, List<LocalDate> dates,
                     int[] areaOfPoint, String[] municipalityOfArea, long[][] vehicleCapacity) {
        this.input = input;
        this.item = item;
        this.demand = demand;
        this.dates = dates;
        this.areaOfPoint = areaOfPoint;
        this.municipalityOfArea = municipalityOfArea;
        this.areas = municipalityOfArea.length;
        this.vehicleCapacity = vehicleCapacity;
        this.pointsOf = pointsByArea();
        this.centre = distributionCentres();
        this.areaDemand = areaDemand();
        this.stock = stockClasses();
        this.holds = new boolean[input.depots().size()];
        stock.forEach(s -> holds[s.depot()] = true);
        this.reach = depotsInReach();
        this.cost = transportCosts();
    }

    /** Stock of this item at one depot that expires on one date (null: not within the scenario). */
    private record StockClass(int depot, LocalDate expiry, long quantity) {
        boolean usableOn(LocalDate date) {
            return expiry == null || !expiry.isBefore(date);
        }
    }

    /**
     * The item's flow network, built but not solved: its vehicle arcs are where a joint plan of
     * several items shares the vehicles ({@link JointDistribution}).
     */
    record Network(FlowNetwork graph, int end, long step, boolean[] depotUsed, int[][] depotIn, int[][] vehicleArc,
                   int[] unusedArc, int[][] areaNode, int[][][] deliveryArcs) {}

    /** One step of reward, more than any transport cost of this item: the step a plan of this item alone uses. */
    long minimumStep() {
        return Arrays.stream(cost).flatMapToLong(Arrays::stream).max().orElse(0) + 1;
    }

    Outcome solve() {
        return solve(minimumStep());
    }

    /** The optimal plan with rewards {@code step} apart (see {@link #build}). */
    Outcome solve(long step) {
        Network network = build(step);
        return outcome(network, network.graph().solve(item.name()));
    }

    /** The network with rewards {@code step} apart (at least {@link #minimumStep()}; larger to plan items on one scale). */
    Network build(long step) {
        int days = dates.size();
        List<PlanInput.DepotSite> depots = input.depots();
        int levels = days * TRANCHES;

        FlowNetwork graph = new FlowNetwork();
        int end = graph.node();
        boolean[] depotUsed = new boolean[depots.size()];
        for (int[] near : reach) {
            for (int d : near) {
                depotUsed[d] = true;
            }
        }
        stock.forEach(s -> depotUsed[s.depot()] = true);
        int[][] depotIn = new int[depots.size()][];
        int[][] depotOut = new int[depots.size()][];
        int[][] vehicleArc = new int[depots.size()][];
        for (int d = 0; d < depots.size(); d++) {
            if (!depotUsed[d]) {
                continue;
            }
            depotIn[d] = new int[days];
            depotOut[d] = new int[days];
            vehicleArc[d] = new int[days];
            for (int t = 0; t < days; t++) {
                depotIn[d][t] = graph.node();
                if (vehicleCapacity == null) {
                    depotOut[d][t] = depotIn[d][t];
                    vehicleArc[d][t] = -1;
                } else {
                    depotOut[d][t] = graph.node();
                    vehicleArc[d][t] = graph.arc(depotIn[d][t], depotOut[d][t], vehicleCapacity[d][t], 0);
                }
            }
        }
        long totalStock = 0;
        int[] unusedArc = new int[stock.size()];
        for (int s = 0; s < stock.size(); s++) {
            StockClass lot = stock.get(s);
            int node = graph.node();
            totalStock += lot.quantity();
            graph.supply(node, lot.quantity());
            for (int t = 0; t < days; t++) {
                if (lot.usableOn(dates.get(t))) {
                    graph.arc(node, depotIn[lot.depot()][t], lot.quantity(), 0);
                }
            }
            unusedArc[s] = graph.arc(node, end, lot.quantity(), 0);
        }
        graph.supply(end, -totalStock);

        int[][] areaNode = new int[days][areas];
        int[][][] deliveryArcs = new int[days][areas][];
        for (int t = 0; t < days; t++) {
            for (int m = 0; m < areas; m++) {
                if (areaDemand[t][m] == 0) {
                    continue;
                }
                areaNode[t][m] = graph.node();
                addTranches(graph, areaNode[t][m], end, areaDemand[t][m], t, days, levels, step);
                deliveryArcs[t][m] = new int[reach[m].length];
                for (int r = 0; r < reach[m].length; r++) {
                    deliveryArcs[t][m][r] = graph.arc(depotOut[reach[m][r]][t], areaNode[t][m], areaDemand[t][m], cost[m][r]);
                }
            }
        }

        return new Network(graph, end, step, depotUsed, depotIn, vehicleArc, unusedArc, areaNode, deliveryArcs);
    }

    /** The plan read from a flow on the network (an optimal one: the marginal values assume it). */
    Outcome outcome(Network network, long[] flows) {
        int days = dates.size();
        List<PlanInput.DepotSite> depots = input.depots();
        FlowNetwork graph = network.graph();
        int[][][] deliveryArcs = network.deliveryArcs();
        int[] unusedArc = network.unusedArc();
        boolean[] depotUsed = network.depotUsed();
        long[][] areaSupplied = new long[days][areas];
        long[][][] fromDepot = new long[days][areas][];
        long[] delivered = new long[depots.size()];
        long[][] vehicleUse = new long[depots.size()][days];
        for (int t = 0; t < days; t++) {
            for (int m = 0; m < areas; m++) {
                if (deliveryArcs[t][m] == null) {
                    continue;
                }
                fromDepot[t][m] = new long[reach[m].length];
                for (int r = 0; r < reach[m].length; r++) {
                    long sent = flows[deliveryArcs[t][m][r]];
                    fromDepot[t][m][r] = sent;
                    areaSupplied[t][m] += sent;
                    delivered[reach[m][r]] += sent;
                    vehicleUse[reach[m][r]][t] += sent;
                }
            }
        }
        long[][] supplied = shareOutToPoints(areaSupplied);
        List<Map<Long, Long>> dailyDeliveries = deliveriesToPoints(fromDepot, supplied, areaSupplied);
        Map<Long, Long> deliveries = new LinkedHashMap<>();
        dailyDeliveries.forEach(day -> day.forEach((key, quantity) -> deliveries.merge(key, quantity, Long::sum)));
        long[] unused = new long[stock.size()];
        for (int s = 0; s < stock.size(); s++) {
            unused[s] = flows[unusedArc[s]];
        }
        List<Map<Integer, Map<UnmetReason, Long>>> unmet = explainUnmet(areaSupplied, unused, network.vehicleArc(), flows);
        Map<Integer, PlanResult.Marginal> marginals = hasUnmet(unmet)
                ? new MarginalValues(graph, flows, network.end()).fromDepots(network.depotIn(), depotUsed, network.areaNode(),
                        municipalityOfArea, network.step())
                : Map.of();
        Map<Integer, DepotUse> depotUse = new LinkedHashMap<>();
        for (int d = 0; d < depots.size(); d++) {
            if (!depotUsed[d]) {
                continue;
            }
            long start = 0;
            long expiredUnused = 0;
            long left = 0;
            for (int s = 0; s < stock.size(); s++) {
                StockClass lot = stock.get(s);
                if (lot.depot() == d) {
                    start += lot.quantity();
                    boolean expiresWithin = lot.expiry() != null && lot.expiry().isBefore(dates.getLast());
                    if (expiresWithin) {
                        expiredUnused += unused[s];
                    } else {
                        left += unused[s];
                    }
                }
            }
            depotUse.put(d, new DepotUse(start, delivered[d], expiredUnused, left,
                    marginals.getOrDefault(d, new PlanResult.Marginal(0, null, null, 0))));
        }
        long objective = 0;
        for (int a = 0; a < flows.length; a++) {
            objective += flows[a] * graph.cost(a);
        }
        return new Outcome(supplied, unmet, deliveries, dailyDeliveries, depotUse, vehicleUse, graph.nodeCount(), graph.arcCount(),
                objective);
    }

    /** What reached an area on a day, shared by its points in proportion to their demand (all of it, for a point's own area). */
    private long[][] shareOutToPoints(long[][] areaSupplied) {
        int days = dates.size();
        long[][] supplied = new long[days][input.points().size()];
        for (int t = 0; t < days; t++) {
            for (int m = 0; m < areas; m++) {
                if (areaSupplied[t][m] > 0) {
                    long[] share = proportional(areaSupplied[t][m], pointsOf[m], demand[t]);
                    for (int i = 0; i < pointsOf[m].length; i++) {
                        supplied[t][pointsOf[m][i]] = share[i];
                    }
                }
            }
        }
        return supplied;
    }

    /**
     * Per day, depot and point: what each depot brings to each point. What a point receives is
     * fixed already (its share of its area's supply, in proportion to its demand); here the
     * depots are matched to the points so that a point is served by as few depots as possible,
     * which is what routes need: the depot nearest the area's centre first, each depot to
     * the points nearest it until what it sends is used up. At most one point fewer than there are
     * depots gets its share from two depots or more. An area of one point takes the flow as it is.
     */
    private List<Map<Long, Long>> deliveriesToPoints(long[][][] fromDepot, long[][] supplied, long[][] areaSupplied) {
        int pointCount = input.points().size();
        List<Map<Long, Long>> perDay = new ArrayList<>();
        for (int t = 0; t < fromDepot.length; t++) {
            Map<Long, Long> deliveries = new LinkedHashMap<>();
            perDay.add(deliveries);
            for (int m = 0; m < areas; m++) {
                if (fromDepot[t][m] == null || areaSupplied[t][m] == 0) {
                    continue;
                }
                int[] members = pointsOf[m];
                long[] left = new long[members.length];
                for (int i = 0; i < members.length; i++) {
                    left[i] = supplied[t][members[i]];
                }
                int area = m;
                Integer[] depotOrder = new Integer[reach[m].length];
                for (int r = 0; r < depotOrder.length; r++) {
                    depotOrder[r] = r;
                }
                Arrays.sort(depotOrder, Comparator.comparingLong(r -> cost[area][r]));
                for (int r : depotOrder) {
                    long amount = fromDepot[t][m][r];
                    if (amount == 0) {
                        continue;
                    }
                    PlanInput.DepotSite depot = input.depots().get(reach[m][r]);
                    Integer[] pointOrder = new Integer[members.length];
                    for (int i = 0; i < members.length; i++) {
                        pointOrder[i] = i;
                    }
                    Arrays.sort(pointOrder, Comparator.comparingDouble(i -> roadMetres(depot, input.points().get(members[i]))));
                    for (int i : pointOrder) {
                        long take = Math.min(amount, left[i]);
                        if (take > 0) {
                            deliveries.merge((long) reach[m][r] * pointCount + members[i], take, Long::sum);
                            left[i] -= take;
                            amount -= take;
                        }
                        if (amount == 0) {
                            break;
                        }
                    }
                }
            }
        }
        return perDay;
    }

    /** {@code total} split over {@code points} in proportion to {@code weights}, whole units, largest remainders first. */
    private static long[] proportional(long total, int[] points, long[] weights) {
        long weightSum = 0;
        for (int p : points) {
            weightSum += weights[p];
        }
        long[] share = new long[points.length];
        if (weightSum == 0) {
            return share;
        }
        double[] remainder = new double[points.length];
        long given = 0;
        for (int i = 0; i < points.length; i++) {
            double exact = (double) total * weights[points[i]] / weightSum;
            share[i] = (long) Math.floor(exact);
            remainder[i] = exact - share[i];
            given += share[i];
        }
        Integer[] order = new Integer[points.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < total && k < order.length; k++, given++) {
            share[order[k]]++;
        }
        return share;
    }

    /**
     * What the plain rule of thumb supplies on the same input: every area draws from its
     * nearest depot holding the item, day by day, earliest expiry first, within the vehicles left;
     * when that depot is empty, it is short. The benchmark's baseline.
     */
    long greedySupplied() {
        return greedySupplied(vehicleCapacity == null ? null : Arrays.stream(vehicleCapacity).map(long[]::clone).toArray(long[][]::new));
    }

    /** The same, taking the vehicles it uses off {@code vehicles} ([depot][day]; null for no limit). */
    long greedySupplied(long[][] vehicles) {
        int days = dates.size();
        long[] remaining = new long[stock.size()];
        Map<Integer, List<Integer>> classesByDepot = new HashMap<>();
        for (int s = 0; s < stock.size(); s++) {
            remaining[s] = stock.get(s).quantity();
            classesByDepot.computeIfAbsent(stock.get(s).depot(), d -> new ArrayList<>()).add(s);
        }
        classesByDepot.values().forEach(classes -> classes.sort(Comparator.comparing(
                (Integer s) -> stock.get(s).expiry(), Comparator.nullsLast(Comparator.naturalOrder()))));
        long supplied = 0;
        for (int t = 0; t < days; t++) {
            for (int m = 0; m < areas; m++) {
                long need = areaDemand[t][m];
                int d = nearestHolding(m);
                if (d >= 0) {
                    for (int s : classesByDepot.getOrDefault(d, List.of())) {
                        if (need == 0) {
                            break;
                        }
                        if (!stock.get(s).usableOn(dates.get(t))) {
                            continue;
                        }
                        long take = Math.min(need, remaining[s]);
                        if (vehicles != null) {
                            take = Math.min(take, vehicles[d][t]);
                            vehicles[d][t] -= take;
                        }
                        remaining[s] -= take;
                        need -= take;
                        supplied += take;
                    }
                }
            }
        }
        return supplied;
    }

    /** The nearest depot in reach that holds the item, or -1. */
    private int nearestHolding(int area) {
        int best = -1;
        for (int r = 0; r < reach[area].length; r++) {
            if (holds[reach[area][r]] && (best < 0 || cost[area][r] < cost[area][best])) {
                best = r;
            }
        }
        return best < 0 ? -1 : reach[area][best];
    }

    /**
     * An area's demand on a day in tranches of 5 %; each tranche's reward follows the
     * fairness rule's priority level, one {@code step} (more than any transport cost) apart.
     */
    private void addTranches(FlowNetwork graph, int area, int end, long areaDemand, int day, int days, int levels, long step) {
        Fairness fairness = input.scenario().fairness();
        if (fairness == Fairness.MOST_SUPPLIED) {
            graph.arc(area, end, areaDemand, -step);
            return;
        }
        long before = 0;
        for (int k = 0; k < TRANCHES; k++) {
            long upTo = (long) Math.ceil(areaDemand * (k + 1) / (double) TRANCHES);
            long size = upTo - before;
            before = upTo;
            if (size == 0) {
                continue;
            }
            int level = fairness == Fairness.WORST_SERVED_FIRST ? day * TRANCHES + k : k * days + day;
            graph.arc(area, end, size, -step * (levels - level));
        }
    }

    private List<StockClass> stockClasses() {
        Map<Long, Integer> depotIndex = new HashMap<>();
        for (int d = 0; d < input.depots().size(); d++) {
            depotIndex.put(input.depots().get(d).id(), d);
        }
        LocalDate last = dates.getLast();
        Map<String, StockClass> classes = new LinkedHashMap<>();
        for (PlanInput.StockLot lot : input.lots()) {
            Integer depot = depotIndex.get(lot.depot());
            if (depot == null || !lot.item().equals(item.item()) || lot.quantity() <= 0) {
                continue;
            }
            LocalDate expiry = lot.expiry() == null || lot.expiry().isAfter(last) ? null : lot.expiry();
            classes.merge(depot + "/" + expiry, new StockClass(depot, expiry, lot.quantity()),
                    (a, b) -> new StockClass(a.depot(), a.expiry(), a.quantity() + b.quantity()));
        }
        return new ArrayList<>(classes.values());
    }

    private int[][] pointsByArea() {
        List<List<Integer>> members = new ArrayList<>();
        for (int m = 0; m < areas; m++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < areaOfPoint.length; p++) {
            members.get(areaOfPoint[p]).add(p);
        }
        return members.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Each area's distribution centre: the middle of its support points. */
    private double[][] distributionCentres() {
        double[][] centres = new double[areas][];
        for (int m = 0; m < areas; m++) {
            if (pointsOf[m].length > 0) {
                double lat = 0;
                double lon = 0;
                for (int p : pointsOf[m]) {
                    lat += input.points().get(p).lat();
                    lon += input.points().get(p).lon();
                }
                centres[m] = new double[] {lat / pointsOf[m].length, lon / pointsOf[m].length};
            }
        }
        return centres;
    }

    private long[][] areaDemand() {
        long[][] total = new long[dates.size()][areas];
        for (int t = 0; t < total.length; t++) {
            for (int p = 0; p < areaOfPoint.length; p++) {
                total[t][areaOfPoint[p]] += demand[t][p];
            }
        }
        return total;
    }

    /**
     * For every area: the nearest depots holding this item, the national ones and its
     * points' own stores; and the nearest depots whatever they hold, so that the plan can say what
     * stock would do there too.
     */
    private int[][] depotsInReach() {
        List<PlanInput.DepotSite> depots = input.depots();
        List<Integer> all = new ArrayList<>();
        List<Integer> holding = new ArrayList<>();
        for (int d = 0; d < depots.size(); d++) {
            all.add(d);
            if (holds[d]) {
                holding.add(d);
            }
        }
        Map<Long, Integer> areaOfPointId = new HashMap<>();
        for (int p = 0; p < areaOfPoint.length; p++) {
            areaOfPointId.put(input.points().get(p).id(), areaOfPoint[p]);
        }
        SpatialIndex<Integer> holdingIndex = SpatialIndex.of(holding, d -> depots.get(d).lat(), d -> depots.get(d).lon());
        SpatialIndex<Integer> allIndex = SpatialIndex.of(all, d -> depots.get(d).lat(), d -> depots.get(d).lon());
        int[][] inReach = new int[areas][];
        for (int m = 0; m < areas; m++) {
            LinkedHashSet<Integer> near = new LinkedHashSet<>();
            if (centre[m] != null && !all.isEmpty()) {
                if (!holding.isEmpty()) {
                    holdingIndex.nearest(centre[m][0], centre[m][1], DEPOTS_PER_MUNICIPALITY).forEach(n -> near.add(n.item()));
                }
                allIndex.nearest(centre[m][0], centre[m][1], NEARBY_DEPOTS).forEach(n -> near.add(n.item()));
                for (int d : holding) {
                    PlanInput.DepotSite depot = depots.get(d);
                    Integer storeOf = depot.supportPoint() == null ? null : areaOfPointId.get(depot.supportPoint());
                    if ("national".equals(depot.level()) || Integer.valueOf(m).equals(storeOf)) {
                        near.add(d);
                    }
                }
            }
            inReach[m] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        return inReach;
    }

    /** Road distance to each area's centre in units of 100 m: straight line times the detour factor. */
    private long[][] transportCosts() {
        long[][] costs = new long[reach.length][];
        for (int m = 0; m < reach.length; m++) {
            costs[m] = new long[reach[m].length];
            for (int r = 0; r < reach[m].length; r++) {
                PlanInput.DepotSite depot = input.depots().get(reach[m][r]);
                costs[m][r] = Math.round(roadMetres(depot, centre[m][0], centre[m][1]) / 100);
            }
        }
        return costs;
    }

    double roadMetres(PlanInput.DepotSite depot, double lat, double lon) {
        return SpatialIndex.distanceMetres(depot.lat(), depot.lon(), lat, lon) * input.scenario().detourFactor();
    }

    double roadMetres(PlanInput.DepotSite depot, PlanInput.PointSite point) {
        return roadMetres(depot, point.lat(), point.lon());
    }

    /**
     * Why demand stayed unmet in an area on a day: a depot in reach still had usable stock
     * but no vehicles left; else stock in reach expired before the day; else there was none.
     */
    private List<Map<Integer, Map<UnmetReason, Long>>> explainUnmet(long[][] areaSupplied, long[] unused, int[][] vehicleArc,
                                                                    long[] flows) {
        int days = dates.size();
        int depotCount = input.depots().size();
        long[][] usableLeft = new long[depotCount][days];
        long[][] expiredLeft = new long[depotCount][days];
        for (int s = 0; s < stock.size(); s++) {
            StockClass lot = stock.get(s);
            for (int t = 0; t < days; t++) {
                if (lot.usableOn(dates.get(t))) {
                    usableLeft[lot.depot()][t] += unused[s];
                } else {
                    expiredLeft[lot.depot()][t] += unused[s];
                }
            }
        }
        List<Map<Integer, Map<UnmetReason, Long>>> unmet = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            Map<Integer, Map<UnmetReason, Long>> today = new HashMap<>();
            for (int m = 0; m < areas; m++) {
                long missing = areaDemand[t][m] - areaSupplied[t][m];
                if (missing <= 0) {
                    continue;
                }
                long blockedByVehicles = 0;
                long expired = 0;
                for (int d : reach[m]) {
                    if (vehicleCapacity != null && usableLeft[d][t] > 0 && flows[vehicleArc[d][t]] >= vehicleCapacity[d][t]) {
                        blockedByVehicles += usableLeft[d][t];
                    }
                    expired += expiredLeft[d][t];
                }
                Map<UnmetReason, Long> reasons = new EnumMap<>(UnmetReason.class);
                long transport = Math.min(missing, blockedByVehicles);
                long stale = Math.min(missing - transport, expired);
                putPositive(reasons, UnmetReason.NO_TRANSPORT_CAPACITY, transport);
                putPositive(reasons, UnmetReason.STOCK_EXPIRED, stale);
                putPositive(reasons, UnmetReason.NO_STOCK, missing - transport - stale);
                today.put(m, reasons);
            }
            unmet.add(today);
        }
        return unmet;
    }

    private static void putPositive(Map<UnmetReason, Long> reasons, UnmetReason reason, long units) {
        if (units > 0) {
            reasons.put(reason, units);
        }
    }

    private static boolean hasUnmet(List<Map<Integer, Map<UnmetReason, Long>>> unmet) {
        return unmet.stream().anyMatch(day -> !day.isEmpty());
    }
}
