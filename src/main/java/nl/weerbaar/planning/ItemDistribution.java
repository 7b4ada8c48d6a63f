package nl.weerbaar.planning;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.SpatialIndex;

/**
 * The distribution of one item from depots to support points over the days of a scenario, as a
 * min-cost flow solved by OR-Tools:
 * <pre>
 * stock (depot, expiry) ─▶ depot on day t ─[vehicles]─▶ point on day t ─[demand]─▶ municipality on day t ─[tranches]─▶ end
 *        └──────────────────────────── left unused ─────────────────────────────────────────────────────────────────▶ end
 * </pre>
 * Stock reaches a day only while it has not expired. Supplying demand earns a reward that is larger
 * than any transport cost, so the flow first supplies as much as it can; the rewards fall by
 * priority level (the fairness rule: a municipality's demand on a day is cut in 20 tranches of 5 %,
 * and a less-supplied tranche earns more), and among plans that supply the same, the one with the
 * least road distance wins. The optimum is exact (integer min-cost flow).
 */
final class ItemDistribution {

    static final int TRANCHES = 20;
    /** Depots a point can be supplied from, nearest first, besides the national ones. */
    static final int DEPOTS_PER_POINT = 12;

    record DepotUse(long startStock, long delivered, long expiredUnused, long left, PlanResult.Marginal marginal) {}

    /**
     * @param supplied  [day][point]
     * @param unmet     [day][point] by reason; null where all was supplied
     * @param deliveries per depot index and point index (packed as depot * points + point)
     * @param depotUse  per depot index, for depots holding the item or reached by it
     * @param vehicleUse [depot][day] units sent out, to take off the next item's vehicle capacity
     */
    record Outcome(long[][] supplied, List<Map<Integer, Map<UnmetReason, Long>>> unmet, Map<Long, Long> deliveries,
                   Map<Integer, DepotUse> depotUse, long[][] vehicleUse, long nodes, long arcs, boolean optimal) {}

    private final PlanInput input;
    private final PlanInput.ItemNeed item;
    private final long[][] demand;
    private final List<LocalDate> dates;
    private final int[] municipalityOfPoint;
    private final String[] municipalityCodes;
    private final int municipalities;
    private final long[][] vehicleCapacity;

    /**
     * @param demand              [day][point] units of this item
     * @param municipalityOfPoint index of each point's municipality in {@code municipalityCodes}
     * @param vehicleCapacity     [depot][day] units the depot can still send out; null for no limit
     */
    ItemDistribution(PlanInput input, PlanInput.ItemNeed item, long[][] demand, List<LocalDate> dates,
                     int[] municipalityOfPoint, String[] municipalityCodes, long[][] vehicleCapacity) {
        this.input = input;
        this.item = item;
        this.demand = demand;
        this.dates = dates;
        this.municipalityOfPoint = municipalityOfPoint;
        this.municipalityCodes = municipalityCodes;
        this.municipalities = municipalityCodes.length;
        this.vehicleCapacity = vehicleCapacity;
    }

    /** Stock of this item at one depot that expires on one date (null: not within the scenario). */
    private record StockClass(int depot, LocalDate expiry, long quantity) {
        boolean usableOn(LocalDate date) {
            return expiry == null || !expiry.isBefore(date);
        }
    }

    private List<StockClass> stock;
    private int[][] reach;
    private long[][] cost;

    private void prepare() {
        if (stock == null) {
            stock = stockClasses();
            reach = depotsInReach(stock);
            cost = transportCosts(reach);
        }
    }

    Outcome solve() {
        prepare();
        int days = dates.size();
        int pointCount = input.points().size();
        List<PlanInput.DepotSite> depots = input.depots();
        long step = Arrays.stream(cost).flatMapToLong(Arrays::stream).max().orElse(0) + 1;
        int levels = days * TRANCHES;

        Graph graph = new Graph();
        int end = graph.node();
        int[] stockNode = new int[stock.size()];
        for (int s = 0; s < stock.size(); s++) {
            stockNode[s] = graph.node();
        }
        int[][] depotIn = new int[depots.size()][];
        int[][] depotOut = new int[depots.size()][];
        int[][] vehicleArc = new int[depots.size()][];
        boolean[] depotUsed = new boolean[depots.size()];
        for (int[] near : reach) {
            for (int d : near) {
                depotUsed[d] = true;
            }
        }
        stock.forEach(s -> depotUsed[s.depot()] = true);
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
            totalStock += lot.quantity();
            graph.supply(stockNode[s], lot.quantity());
            for (int t = 0; t < days; t++) {
                if (lot.usableOn(dates.get(t))) {
                    graph.arc(stockNode[s], depotIn[lot.depot()][t], lot.quantity(), 0);
                }
            }
            unusedArc[s] = graph.arc(stockNode[s], end, lot.quantity(), 0);
        }
        graph.supply(end, -totalStock);

        int[][] areaNode = new int[days][municipalities];
        long[][] areaDemand = new long[days][municipalities];
        for (int t = 0; t < days; t++) {
            for (int p = 0; p < pointCount; p++) {
                areaDemand[t][municipalityOfPoint[p]] += demand[t][p];
            }
            for (int m = 0; m < municipalities; m++) {
                if (areaDemand[t][m] > 0) {
                    areaNode[t][m] = graph.node();
                    addTranches(graph, areaNode[t][m], end, areaDemand[t][m], t, days, levels, step);
                }
            }
        }
        int[][] demandArc = new int[days][pointCount];
        int[][][] deliveryArcs = new int[days][pointCount][];
        for (int t = 0; t < days; t++) {
            for (int p = 0; p < pointCount; p++) {
                if (demand[t][p] == 0) {
                    demandArc[t][p] = -1;
                    continue;
                }
                int pointNode = graph.node();
                demandArc[t][p] = graph.arc(pointNode, areaNode[t][municipalityOfPoint[p]], demand[t][p], 0);
                deliveryArcs[t][p] = new int[reach[p].length];
                for (int r = 0; r < reach[p].length; r++) {
                    deliveryArcs[t][p][r] = graph.arc(depotOut[reach[p][r]][t], pointNode, demand[t][p], cost[p][r]);
                }
            }
        }

        MinCostFlow flow = graph.build();
        MinCostFlowBase.Status status = flow.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            flow.delete();
            throw new IllegalStateException("Planning " + item.item() + " failed in the solver: " + status);
        }
        long[] flows = new long[graph.arcCount()];
        for (int a = 0; a < flows.length; a++) {
            flows[a] = flow.getFlow(a);
        }
        flow.delete();

        long[][] supplied = new long[days][pointCount];
        Map<Long, Long> deliveries = new LinkedHashMap<>();
        long[] delivered = new long[depots.size()];
        long[][] vehicleUse = new long[depots.size()][days];
        for (int t = 0; t < days; t++) {
            for (int p = 0; p < pointCount; p++) {
                if (demandArc[t][p] < 0) {
                    continue;
                }
                supplied[t][p] = flows[demandArc[t][p]];
                for (int r = 0; r < reach[p].length; r++) {
                    long sent = flows[deliveryArcs[t][p][r]];
                    if (sent > 0) {
                        int d = reach[p][r];
                        deliveries.merge((long) d * pointCount + p, sent, Long::sum);
                        delivered[d] += sent;
                        vehicleUse[d][t] += sent;
                    }
                }
            }
        }
        long[] unused = new long[stock.size()];
        for (int s = 0; s < stock.size(); s++) {
            unused[s] = flows[unusedArc[s]];
        }
        List<Map<Integer, Map<UnmetReason, Long>>> unmet = explainUnmet(supplied, reach, stock, unused, vehicleArc, flows);
        Map<Integer, PlanResult.Marginal> marginals = hasUnmet(unmet)
                ? new MarginalValues(graph, flows, end).fromDepots(depotIn, depotUsed, areaNode, municipalityCodes, step)
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
        return new Outcome(supplied, unmet, deliveries, depotUse, vehicleUse, graph.nodeCount(), graph.arcCount(), true);
    }

    /**
     * What a plain rule of thumb supplies on the same input: day by day, point by point, take from
     * the nearest depot in reach that still has usable stock (earliest expiry first), within the
     * vehicles left. The benchmark's baseline.
     */
    long greedySupplied() {
        prepare();
        int days = dates.size();
        long[][] remaining = new long[stock.size()][];
        for (int s = 0; s < stock.size(); s++) {
            remaining[s] = new long[] {stock.get(s).quantity()};
        }
        Map<Integer, List<Integer>> classesByDepot = new HashMap<>();
        for (int s = 0; s < stock.size(); s++) {
            classesByDepot.computeIfAbsent(stock.get(s).depot(), d -> new ArrayList<>()).add(s);
        }
        classesByDepot.values().forEach(classes -> classes.sort(java.util.Comparator.comparing(
                (Integer s) -> stock.get(s).expiry(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))));
        long[][] vehicles = vehicleCapacity == null ? null : Arrays.stream(vehicleCapacity).map(long[]::clone).toArray(long[][]::new);
        long supplied = 0;
        for (int t = 0; t < days; t++) {
            for (int p = 0; p < demand[t].length; p++) {
                long need = demand[t][p];
                Integer[] order = new Integer[reach[p].length];
                for (int r = 0; r < order.length; r++) {
                    order[r] = r;
                }
                long[] costs = cost[p];
                Arrays.sort(order, java.util.Comparator.comparingLong(r -> costs[r]));
                for (int r : order) {
                    int d = reach[p][r];
                    for (int s : classesByDepot.getOrDefault(d, List.of())) {
                        if (need == 0) {
                            break;
                        }
                        if (!stock.get(s).usableOn(dates.get(t))) {
                            continue;
                        }
                        long take = Math.min(need, remaining[s][0]);
                        if (vehicles != null) {
                            take = Math.min(take, vehicles[d][t]);
                            vehicles[d][t] -= take;
                        }
                        remaining[s][0] -= take;
                        need -= take;
                        supplied += take;
                    }
                }
            }
        }
        return supplied;
    }

    /**
     * A municipality's demand on a day in tranches of 5 %; each tranche's reward follows the
     * fairness rule's priority level, one {@code step} (more than any transport cost) apart.
     */
    private void addTranches(Graph graph, int area, int end, long areaDemand, int day, int days, int levels, long step) {
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

    /** For every point: the nearest depots holding this item, the national ones, and its own store. */
    private int[][] depotsInReach(List<StockClass> stock) {
        List<PlanInput.DepotSite> depots = input.depots();
        boolean[] holds = new boolean[depots.size()];
        stock.forEach(s -> holds[s.depot()] = true);
        List<Integer> holding = new ArrayList<>();
        for (int d = 0; d < depots.size(); d++) {
            if (holds[d]) {
                holding.add(d);
            }
        }
        SpatialIndex<Integer> index = SpatialIndex.of(holding, d -> depots.get(d).lat(), d -> depots.get(d).lon());
        int[][] reach = new int[input.points().size()][];
        for (int p = 0; p < reach.length; p++) {
            PlanInput.PointSite point = input.points().get(p);
            java.util.LinkedHashSet<Integer> near = new java.util.LinkedHashSet<>();
            if (!holding.isEmpty()) {
                index.nearest(point.lat(), point.lon(), DEPOTS_PER_POINT).forEach(n -> near.add(n.item()));
            }
            for (int d : holding) {
                PlanInput.DepotSite depot = depots.get(d);
                if ("national".equals(depot.level()) || Long.valueOf(point.id()).equals(depot.supportPoint())) {
                    near.add(d);
                }
            }
            reach[p] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        return reach;
    }

    /** Road distance in units of 100 m: straight line times the detour factor. */
    private long[][] transportCosts(int[][] reach) {
        long[][] cost = new long[reach.length][];
        for (int p = 0; p < reach.length; p++) {
            PlanInput.PointSite point = input.points().get(p);
            cost[p] = new long[reach[p].length];
            for (int r = 0; r < reach[p].length; r++) {
                cost[p][r] = Math.round(roadMetres(input.depots().get(reach[p][r]), point) / 100);
            }
        }
        return cost;
    }

    double roadMetres(PlanInput.DepotSite depot, PlanInput.PointSite point) {
        return SpatialIndex.distanceMetres(depot.lat(), depot.lon(), point.lat(), point.lon()) * input.scenario().detourFactor();
    }

    /**
     * Why demand stayed unmet at a point on a day: a depot in reach still had usable stock but no
     * vehicles left; else stock in reach expired before the day; else there was none.
     */
    private List<Map<Integer, Map<UnmetReason, Long>>> explainUnmet(long[][] supplied, int[][] reach, List<StockClass> stock,
                                                                    long[] unused, int[][] vehicleArc, long[] flows) {
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
            for (int p = 0; p < supplied[t].length; p++) {
                long missing = demand[t][p] - supplied[t][p];
                if (missing <= 0) {
                    continue;
                }
                long blockedByVehicles = 0;
                long expired = 0;
                for (int d : reach[p]) {
                    if (vehicleCapacity != null && usableLeft[d][t] > 0) {
                        int arc = vehicleArc[d][t];
                        if (flows[arc] >= vehicleCapacity[d][t]) {
                            blockedByVehicles += usableLeft[d][t];
                        }
                    }
                    expired += expiredLeft[d][t];
                }
                Map<UnmetReason, Long> reasons = new EnumMap<>(UnmetReason.class);
                long transport = Math.min(missing, blockedByVehicles);
                long stale = Math.min(missing - transport, expired);
                long none = missing - transport - stale;
                putPositive(reasons, UnmetReason.NO_TRANSPORT_CAPACITY, transport);
                putPositive(reasons, UnmetReason.STOCK_EXPIRED, stale);
                putPositive(reasons, UnmetReason.NO_STOCK, none);
                today.put(p, reasons);
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

    /** Arcs collected first, so the residual network can be read back after the solve. */
    static final class Graph {
        private int nodes;
        private final LongList supplies = new LongList();
        final IntList tails = new IntList();
        final IntList heads = new IntList();
        final LongList capacities = new LongList();
        final LongList costs = new LongList();

        int node() {
            supplies.add(0);
            return nodes++;
        }

        void supply(int node, long units) {
            supplies.set(node, supplies.get(node) + units);
        }

        int arc(int tail, int head, long capacity, long cost) {
            tails.add(tail);
            heads.add(head);
            capacities.add(capacity);
            costs.add(cost);
            return tails.size() - 1;
        }

        int nodeCount() {
            return nodes;
        }

        int arcCount() {
            return tails.size();
        }

        MinCostFlow build() {
            MinCostFlow flow = new MinCostFlow(nodes, tails.size());
            for (int a = 0; a < tails.size(); a++) {
                flow.addArcWithCapacityAndUnitCost(tails.get(a), heads.get(a), capacities.get(a), costs.get(a));
            }
            for (int n = 0; n < nodes; n++) {
                if (supplies.get(n) != 0) {
                    flow.setNodeSupply(n, supplies.get(n));
                }
            }
            return flow;
        }
    }

    static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }
    }

    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long get(int index) {
            return values[index];
        }

        void set(int index, long value) {
            values[index] = value;
        }
    }
}
