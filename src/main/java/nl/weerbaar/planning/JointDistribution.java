package nl.weerbaar.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;
import java.util.Optional;

/**
 * Several items that share the vehicles of each depot and day, planned together as one linear
 * program (OR-Tools GLOP): every item's flow network ({@link ItemDistribution#build}) side by side,
 * rewards on one scale, and one extra row per depot and day: the units of all items on its vehicle
 * arcs together stay within the vehicle capacity.
 *
 * <p>Each item's network alone has whole-number optima, but the shared rows can make the joint
 * optimum fractional. So the LP's split of each depot's vehicles over the items is taken as each
 * item's allotment (rounded down where fractional; what the rounding frees is offered to the items
 * in turn), and each item is then planned exactly within its allotment. The LP's optimum is a
 * bound no whole-unit plan can beat: when the allotments are whole numbers the plan meets the bound
 * and is proven optimal; otherwise the plan reports how far it is from the bound.
 */
final class JointDistribution {

    /** How far from a whole number a vehicle split may be and still count as whole (GLOP's own tolerance). */
    private static final double WHOLE = 1e-6;
    private static final double TIME_LIMIT_SECONDS = 120;

    /**
     * @param bound     the LP optimum: no plan of all items under the shared vehicles costs less
     * @param allotment [item][depot][day] vehicle capacity for each item, whole units
     * @param spare     [depot][day] vehicle capacity the rounding left over, for the items in turn
     * @param whole     the LP split the vehicles in whole units: planning each item in its allotment meets the bound
     * @param rows      the LP's rows, for the statistics
     * @param columns   the LP's columns
     */
    record Split(double bound, long[][][] allotment, long[][] spare, boolean whole, long rows, long columns) {}

    private JointDistribution() {}

    /** The optimal split of the vehicles, or empty when the LP solver gives no proven optimum in time. */
    static Optional<Split> split(List<ItemDistribution> items, long step, long[][] vehicles) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return Optional.empty();
        }
        try {
            solver.setTimeLimit((long) (TIME_LIMIT_SECONDS * 1000));
            // Flow networks side by side solve far faster by the dual simplex (national plan: 41 s, against no optimum within
            // 120 s by GLOP's default primal simplex).
            solver.setSolverSpecificParametersAsString("use_dual_simplex: true");
            int depots = vehicles.length;
            int days = depots == 0 ? 0 : vehicles[0].length;
            MPObjective objective = solver.objective();
            MPVariable[][][] vehicleFlow = new MPVariable[items.size()][depots][days];
            long rows = 0;
            long columns = 0;
            for (int i = 0; i < items.size(); i++) {
                ItemDistribution.Network network = items.get(i).build(step);
                FlowNetwork graph = network.graph();
                MPConstraint[] balance = new MPConstraint[graph.nodeCount()];
                for (int n = 0; n < balance.length; n++) {
                    double supply = graph.supplyOf(n);
                    balance[n] = solver.makeConstraint(supply, supply);
                }
                MPVariable[] flow = new MPVariable[graph.arcCount()];
                for (int a = 0; a < flow.length; a++) {
                    flow[a] = solver.makeNumVar(0, graph.capacity(a), "");
                    objective.setCoefficient(flow[a], graph.cost(a));
                    balance[graph.tail(a)].setCoefficient(flow[a], 1);
                    balance[graph.head(a)].setCoefficient(flow[a], -1);
                }
                rows += balance.length;
                columns += flow.length;
                for (int d = 0; d < depots; d++) {
                    if (network.vehicleArc()[d] != null) {
                        for (int t = 0; t < days; t++) {
                            vehicleFlow[i][d][t] = flow[network.vehicleArc()[d][t]];
                        }
                    }
                }
            }
            for (int d = 0; d < depots; d++) {
                for (int t = 0; t < days; t++) {
                    MPConstraint shared = solver.makeConstraint(0, vehicles[d][t]);
                    boolean any = false;
                    for (MPVariable[][] item : vehicleFlow) {
                        if (item[d][t] != null) {
                            shared.setCoefficient(item[d][t], 1);
                            any = true;
                        }
                    }
                    rows += any ? 1 : 0;
                }
            }
            objective.setMinimization();
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
            long[][][] allotment = new long[items.size()][depots][days];
            long[][] spare = new long[depots][days];
            boolean whole = true;
            for (int d = 0; d < depots; d++) {
                for (int t = 0; t < days; t++) {
                    long given = 0;
                    for (int i = 0; i < items.size(); i++) {
                        if (vehicleFlow[i][d][t] == null) {
                            continue;
                        }
                        double value = vehicleFlow[i][d][t].solutionValue();
                        long rounded = Math.round(value);
                        if (Math.abs(value - rounded) > WHOLE) {
                            whole = false;
                            rounded = (long) Math.floor(value);
                        }
                        allotment[i][d][t] = Math.max(0, rounded);
                        given += allotment[i][d][t];
                    }
                    if (given > vehicles[d][t]) { // rounding within the tolerance went over: take it back from the last items
                        for (int i = items.size() - 1; i >= 0 && given > vehicles[d][t]; i--) {
                            long back = Math.min(allotment[i][d][t], given - vehicles[d][t]);
                            allotment[i][d][t] -= back;
                            given -= back;
                        }
                    }
                    spare[d][t] = vehicles[d][t] - given;
                }
            }
            return Optional.of(new Split(objective.value(), allotment, spare, whole, rows, columns));
        } finally {
            solver.delete();
        }
    }
}
