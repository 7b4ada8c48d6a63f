package nl.weerbaar.planning;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one more unit at a depot is worth in an optimal plan: the cheapest path from that depot
 * through the residual network to the end. A path that ends in an unsupplied tranche of some
 * municipality's demand means the unit would be supplied there (possibly by re-routing other
 * stock); a path worth nothing means the unit would sit unused. These are the dual values of the
 * depots' stock, read off by shortest paths (Bellman-Ford, label-correcting) because OR-Tools'
 * min-cost flow does not expose node potentials.
 */
final class MarginalValues {

    private static final Logger log = LoggerFactory.getLogger(MarginalValues.class);
    private static final long UNREACHED = Long.MAX_VALUE / 4;

    private final FlowNetwork graph;
    private final long[] flows;
    private final int end;

    MarginalValues(FlowNetwork graph, long[] flows, int end) {
        this.graph = graph;
        this.flows = flows;
        this.end = end;
    }

    /** Per depot index; depots absent from the map are worth nothing (or could not be measured). */
    Map<Integer, PlanResult.Marginal> fromDepots(int[][] depotIn, boolean[] depotUsed, int[][] areaNode,
                                                 String[] municipalityCodes, long step) {
        int nodes = graph.nodeCount();
        // Residual arcs stored by head, so distances to the end spread backwards from it.
        int arcs = graph.arcCount();
        int[] count = new int[nodes + 1];
        for (int a = 0; a < arcs; a++) {
            if (flows[a] < graph.capacity(a)) {
                count[graph.head(a) + 1]++;
            }
            if (flows[a] > 0) {
                count[graph.tail(a) + 1]++;
            }
        }
        for (int n = 0; n < nodes; n++) {
            count[n + 1] += count[n];
        }
        int[] fill = Arrays.copyOf(count, nodes);
        int[] from = new int[count[nodes]];
        long[] weight = new long[count[nodes]];
        for (int a = 0; a < arcs; a++) {
            int tail = graph.tail(a);
            int head = graph.head(a);
            long cost = graph.cost(a);
            if (flows[a] < graph.capacity(a)) {
                from[fill[head]] = tail;
                weight[fill[head]++] = cost;
            }
            if (flows[a] > 0) {
                from[fill[tail]] = head;
                weight[fill[tail]++] = -cost;
            }
        }
        long[] distance = new long[nodes];
        int[] next = new int[nodes];
        Arrays.fill(distance, UNREACHED);
        Arrays.fill(next, -1);
        distance[end] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean[] queued = new boolean[nodes];
        queue.add(end);
        queued[end] = true;
        long budget = 200L * (from.length + nodes);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            queued[node] = false;
            for (int i = count[node]; i < count[node + 1]; i++) {
                int before = from[i];
                long candidate = distance[node] + weight[i];
                if (candidate < distance[before]) {
                    distance[before] = candidate;
                    next[before] = node;
                    if (!queued[before]) {
                        queue.add(before);
                        queued[before] = true;
                    }
                }
                if (--budget < 0) {
                    log.warn("Marginal values not measured: the residual network did not settle within its budget");
                    return Map.of();
                }
            }
        }
        Map<Integer, int[]> areaOfNode = new HashMap<>();
        for (int t = 0; t < areaNode.length; t++) {
            for (int m = 0; m < areaNode[t].length; m++) {
                if (areaNode[t][m] != 0) {
                    areaOfNode.put(areaNode[t][m], new int[] {m, t});
                }
            }
        }
        Map<Integer, PlanResult.Marginal> values = new HashMap<>();
        for (int d = 0; d < depotIn.length; d++) {
            if (!depotUsed[d]) {
                continue;
            }
            int best = -1;
            for (int node : depotIn[d]) {
                if (distance[node] < UNREACHED && (best < 0 || distance[node] < distance[best])) {
                    best = node;
                }
            }
            if (best < 0 || distance[best] >= 0) {
                continue;
            }
            int[] served = lastAreaOnPath(best, next, areaOfNode);
            long gain = -distance[best];
            values.put(d, new PlanResult.Marginal(1, served == null ? null : municipalityCodes[served[0]],
                    served == null ? null : served[1], Math.max(1, Math.round((double) gain / step))));
        }
        return values;
    }

    private int[] lastAreaOnPath(int start, int[] next, Map<Integer, int[]> areaOfNode) {
        int[] last = null;
        int node = start;
        for (int hops = 0; node != end && node >= 0 && hops < 10_000; hops++) {
            int[] area = areaOfNode.get(node);
            if (area != null) {
                last = area;
            }
            node = next[node];
        }
        return last;
    }
}
