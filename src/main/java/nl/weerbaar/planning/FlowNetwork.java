package nl.weerbaar.planning;

import com.google.ortools.graph.MinCostFlow;
import java.util.Arrays;

/**
 * A flow network collected in plain arrays before it goes to OR-Tools, so that after the solve
 * the residual network can be read back ({@link MarginalValues}): the solver keeps its own copy
 * and does not expose node potentials.
 */
final class FlowNetwork {

    private int nodes;
    private long[] supplies = new long[1024];
    private int[] tails = new int[1024];
    private int[] heads = new int[1024];
    private long[] capacities = new long[1024];
    private long[] costs = new long[1024];
    private int arcs;

    int node() {
        if (nodes == supplies.length) {
            supplies = Arrays.copyOf(supplies, nodes * 2);
        }
        return nodes++;
    }

    void supply(int node, long units) {
        supplies[node] += units;
    }

    int arc(int tail, int head, long capacity, long cost) {
        if (arcs == tails.length) {
            tails = Arrays.copyOf(tails, arcs * 2);
            heads = Arrays.copyOf(heads, arcs * 2);
            capacities = Arrays.copyOf(capacities, arcs * 2);
            costs = Arrays.copyOf(costs, arcs * 2);
        }
        tails[arcs] = tail;
        heads[arcs] = head;
        capacities[arcs] = capacity;
        costs[arcs] = cost;
        return arcs++;
    }

    int nodeCount() {
        return nodes;
    }

    long supplyOf(int node) {
        return supplies[node];
    }

    int arcCount() {
        return arcs;
    }

    int tail(int arc) {
        return tails[arc];
    }

    int head(int arc) {
        return heads[arc];
    }

    long capacity(int arc) {
        return capacities[arc];
    }

    long cost(int arc) {
        return costs[arc];
    }

    /** The least-cost flow that meets every supply exactly; the flow on each arc, by the index {@link #arc} returned. */
    long[] solve(String what) {
        return solve(what, false);
    }

    /** The largest flow from the nodes with supply to those with demand, and the least-cost one among those. */
    long[] solveMaxFlow(String what) {
        return solve(what, true);
    }

    private long[] solve(String what, boolean maxFlow) {
        MinCostFlow flow = new MinCostFlow(nodes, arcs);
        try {
            for (int a = 0; a < arcs; a++) {
                flow.addArcWithCapacityAndUnitCost(tails[a], heads[a], capacities[a], costs[a]);
            }
            for (int n = 0; n < nodes; n++) {
                if (supplies[n] != 0) {
                    flow.setNodeSupply(n, supplies[n]);
                }
            }
            MinCostFlow.Status status = maxFlow ? flow.solveMaxFlowWithMinCost() : flow.solve();
            if (status != MinCostFlow.Status.OPTIMAL) {
                throw new IllegalStateException("The solver found no optimal plan for " + what + ": " + status);
            }
            long[] flows = new long[arcs];
            for (int a = 0; a < arcs; a++) {
                flows[a] = flow.getFlow(a);
            }
            return flows;
        } finally {
            flow.delete();
        }
    }
}
