package nl.weerbaar.planning;

import nl.weerbaar.system.ApplicationClock;
import com.google.ortools.Loader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Turns a scenario's input into a plan: demand per point, day and item from where residents live
 * and which points stay lit ({@link DemandModel}); then, item by item, distribution from depots by
 * min-cost flow ({@link ItemDistribution}); every unmet unit with its reason. Pure: reads nothing
 * but its input, so the API, the command line and the benchmark plan alike.
 */
@Component
public class Planner {

    static final String SOLVER = "OR-Tools 9.15 min-cost flow";
    static final String JOINT_SOLVER = "OR-Tools 9.15 GLOP LP (all items, shared vehicles) and min-cost flow per item";
    static final String VEHICLES_NOT_BINDING = "OR-Tools 9.15 min-cost flow per item (the items' optima fit the shared vehicles together)";

    static {
        Loader.loadNativeLibraries();
    }

    public PlanResult plan(PlanInput input, PlanProgress progress) {
        long started = System.nanoTime();
        Scenario scenario = input.scenario();
        int days = scenario.days();
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = scenario.start().atZoneSameInstant(ApplicationClock.NETHERLANDS).toLocalDate();
        for (int t = 0; t < days; t++) {
            dates.add(first.plusDays(t));
        }
        progress.report(0, PlanStage.DEMAND);
        stopIfCancelled(progress);
        DemandModel.Outcome demand = new DemandModel(input).compute();
        double demandSeconds = seconds(started);

        Map<String, String> regionOf = new HashMap<>();
        input.zones().forEach(z -> regionOf.put(z.municipality(), z.region()));
        TreeSet<String> codes = new TreeSet<>(regionOf.keySet());
        input.points().forEach(p -> codes.add(p.municipality()));
        String[] municipalityCodes = codes.toArray(String[]::new);
        Map<String, Integer> municipalityIndex = new HashMap<>();
        for (int m = 0; m < municipalityCodes.length; m++) {
            municipalityIndex.put(municipalityCodes[m], m);
        }
        // Where transport ends: each municipality's centre, or every point as an area of its own.
        boolean toPoints = scenario.deliverTo() == DeliverTo.SUPPORT_POINT;
        int[] areaOfPoint = toPoints ? java.util.stream.IntStream.range(0, input.points().size()).toArray()
                : input.points().stream().mapToInt(p -> municipalityIndex.get(p.municipality())).toArray();
        String[] municipalityOfArea = toPoints ? input.points().stream().map(PlanInput.PointSite::municipality).toArray(String[]::new)
                : municipalityCodes;
        long[][] vehicles = vehicleCapacity(scenario, input.depots().size(), days);

        Results results = new Results(input, dates, demand, regionOf);
        List<PlanInput.ItemNeed> items = input.items();
        List<long[][]> itemDemands = new ArrayList<>();
        for (PlanInput.ItemNeed item : items) {
            long[][] itemDemand = new long[days][input.points().size()];
            for (int t = 0; t < days; t++) {
                for (int p = 0; p < itemDemand[t].length; p++) {
                    itemDemand[t][p] = Math.round(demand.seekers()[t][p] * item.perPersonPerDay());
                }
            }
            itemDemands.add(itemDemand);
        }
        java.util.function.BiFunction<Integer, long[][], ItemDistribution> distribution = (i, capacity) -> new ItemDistribution(
                input, items.get(i), itemDemands.get(i), dates, areaOfPoint, municipalityOfArea, capacity);

        // Several items under one vehicle limit. Each item alone with all the vehicles is a relaxation of the joint plan
        // (on one reward scale): when those optima fit the vehicles together, they are the joint optimum. Otherwise
        // split the vehicles by one joint LP, then plan each item within its share.
        JointDistribution.Split split = null;
        List<ItemDistribution> shared = null;
        List<ItemDistribution.Outcome> fitTogether = null;
        long step = 0;
        if (vehicles != null && items.size() > 1) {
            stopIfCancelled(progress);
            progress.report(0.1, PlanStage.SHARED_VEHICLES);
            shared = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                shared.add(distribution.apply(i, vehicles));
                step = Math.max(step, shared.getLast().minimumStep());
            }
            List<ItemDistribution.Outcome> alone = new ArrayList<>();
            for (ItemDistribution item : shared) {
                stopIfCancelled(progress);
                alone.add(item.solve(step));
            }
            if (fitsTogether(alone, vehicles)) {
                fitTogether = alone;
            } else {
                split = JointDistribution.split(shared, step, vehicles).orElse(null);
            }
        }
        long[][] greedyVehicles = vehicles == null ? null : java.util.Arrays.stream(vehicles).map(long[]::clone).toArray(long[][]::new);
        long nodes = 0;
        long arcs = 0;
        long baseline = 0;
        long objective = 0;
        for (int i = 0; i < items.size(); i++) {
            PlanInput.ItemNeed item = items.get(i);
            stopIfCancelled(progress);
            progress.report(0.15 + 0.8 * i / items.size(), PlanStage.item(item.name()));
            long[][] capacity = vehicles;
            if (split != null) {
                capacity = new long[vehicles.length][days];
                for (int d = 0; d < vehicles.length; d++) {
                    for (int t = 0; t < days; t++) {
                        capacity[d][t] = split.allotment()[i][d][t] + split.spare()[d][t];
                    }
                }
            }
            ItemDistribution itemDistribution = fitTogether != null ? shared.get(i) : distribution.apply(i, capacity);
            baseline += split != null || fitTogether != null ? itemDistribution.greedySupplied(greedyVehicles)
                    : itemDistribution.greedySupplied();
            ItemDistribution.Outcome outcome = fitTogether != null ? fitTogether.get(i)
                    : split != null ? itemDistribution.solve(step) : itemDistribution.solve();
            nodes += outcome.nodes();
            arcs += outcome.arcs();
            objective += outcome.objective();
            if (split != null) {
                for (int d = 0; d < vehicles.length; d++) {
                    for (int t = 0; t < days; t++) {
                        split.spare()[d][t] = capacity[d][t] - outcome.vehicleUse()[d][t];
                    }
                }
            } else if (vehicles != null && fitTogether == null) {
                for (int d = 0; d < vehicles.length; d++) {
                    for (int t = 0; t < days; t++) {
                        vehicles[d][t] -= outcome.vehicleUse()[d][t];
                    }
                }
            }
            results.add(item, itemDemands.get(i), outcome, itemDistribution, municipalityCodes, municipalityOfArea);
        }
        progress.report(0.97, PlanStage.SUMMARY);
        boolean proven;
        Double gap;
        String solver = SOLVER;
        if (split != null) {
            // The LP optimum bounds every plan from below; the plan's cost is measured on the same scale.
            double relative = Math.max(0, objective - split.bound()) / Math.max(1, Math.abs(split.bound()));
            proven = split.whole() || relative <= 1e-9;
            gap = proven ? 0.0 : relative;
            solver = JOINT_SOLVER;
            nodes += split.rows();
            arcs += split.columns();
        } else {
            // One item under a vehicle limit is still one optimal flow; several share the vehicles in turn.
            proven = vehicles == null || items.size() == 1 || fitTogether != null;
            gap = proven ? 0.0 : null;
            solver = fitTogether != null ? VEHICLES_NOT_BINDING : SOLVER;
        }
        double total = seconds(started);
        long demandUnits = results.total(PlanResult.AreaDay::demand);
        long supplied = results.total(PlanResult.AreaDay::supplied);
        PlanResult.Statistics statistics = new PlanResult.Statistics(demandUnits, supplied, demandUnits - supplied, baseline,
                proven, gap, null, solver, nodes, arcs, demandSeconds, total - demandSeconds, total);
        progress.report(1, PlanStage.DONE);
        return results.build(statistics);
    }

    private static long[][] vehicleCapacity(Scenario scenario, int depots, int days) {
        Long perDay = scenario.vehicleCapacityPerDepotPerDay();
        if (perDay == null) {
            return null;
        }
        long[][] capacity = new long[depots][days];
        for (long[] depot : capacity) {
            java.util.Arrays.fill(depot, perDay);
        }
        return capacity;
    }

    /** Whether the items' vehicle use ([depot][day] each) adds up to no more than the vehicles anywhere. */
    private static boolean fitsTogether(List<ItemDistribution.Outcome> outcomes, long[][] vehicles) {
        for (int d = 0; d < vehicles.length; d++) {
            for (int t = 0; t < vehicles[d].length; t++) {
                long used = 0;
                for (ItemDistribution.Outcome outcome : outcomes) {
                    used += outcome.vehicleUse()[d][t];
                }
                if (used > vehicles[d][t]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void stopIfCancelled(PlanProgress progress) {
        if (progress.cancelRequested()) {
            throw new PlanCancelledException();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Adds up the item plans by municipality, day, point and depot. */
    private static final class Results {
        private final PlanInput input;
        private final List<LocalDate> dates;
        private final DemandModel.Outcome demand;
        private final Map<String, String> regionOf;
        private final List<PlanResult.AreaDay> areaDays = new ArrayList<>();
        private final List<PlanResult.Shortfall> shortfalls = new ArrayList<>();
        private final List<PlanResult.PointOutcome> points = new ArrayList<>();
        private final List<PlanResult.DepotOutcome> depots = new ArrayList<>();
        private final List<PlanResult.Delivery> deliveries = new ArrayList<>();
        private final List<PlanResult.DayDelivery> dayDeliveries = new ArrayList<>();

        Results(PlanInput input, List<LocalDate> dates, DemandModel.Outcome demand, Map<String, String> regionOf) {
            this.input = input;
            this.dates = dates;
            this.demand = demand;
            this.regionOf = regionOf;
        }

        private static final class Tally {
            long demand;
            long supplied;
            final Map<UnmetReason, Long> unmet = new EnumMap<>(UnmetReason.class);
        }

        void add(PlanInput.ItemNeed item, long[][] itemDemand, ItemDistribution.Outcome outcome, ItemDistribution distribution,
                 String[] municipalityCodes, String[] municipalityOfArea) {
            int days = dates.size();
            List<PlanInput.PointSite> sites = input.points();
            List<Map<String, Tally>> byDay = new ArrayList<>();
            for (int t = 0; t < days; t++) {
                Map<String, Tally> tallies = new HashMap<>();
                for (String municipality : municipalityCodes) {
                    tallies.put(municipality, new Tally());
                }
                for (int p = 0; p < sites.size(); p++) {
                    Tally tally = tallies.computeIfAbsent(sites.get(p).municipality(), m -> new Tally());
                    tally.demand += itemDemand[t][p];
                    tally.supplied += outcome.supplied()[t][p];
                }
                outcome.unmet().get(t).forEach((m, reasons) -> reasons.forEach((reason, units) ->
                        tallies.get(municipalityOfArea[m]).unmet.merge(reason, units, Long::sum)));
                List<PlanInput.Zone> zones = input.zones();
                for (int z = 0; z < zones.size(); z++) {
                    long units = Math.round(demand.unassigned()[t][z] * item.perPersonPerDay());
                    if (units > 0) {
                        Tally tally = tallies.get(zones.get(z).municipality());
                        tally.demand += units;
                        tally.unmet.merge(demand.reasons()[t][z], units, Long::sum);
                    }
                }
                byDay.add(tallies);
            }
            Map<String, Integer> firstShortfall = new HashMap<>();
            for (int t = 0; t < days; t++) {
                for (Map.Entry<String, Tally> entry : new java.util.TreeMap<>(byDay.get(t)).entrySet()) {
                    Tally tally = entry.getValue();
                    String municipality = entry.getKey();
                    areaDays.add(new PlanResult.AreaDay(municipality, regionOf.get(municipality), t, item.item(), tally.demand,
                            tally.supplied, Map.copyOf(tally.unmet)));
                    if (!tally.unmet.isEmpty()) {
                        firstShortfall.putIfAbsent(municipality, t);
                    }
                }
            }
            new java.util.TreeMap<>(firstShortfall).forEach((municipality, day) ->
                    shortfalls.add(new PlanResult.Shortfall(municipality, regionOf.get(municipality), item.item(), day)));
            for (int p = 0; p < sites.size(); p++) {
                List<Long> demandPerDay = new ArrayList<>(days);
                List<Long> suppliedPerDay = new ArrayList<>(days);
                for (int t = 0; t < days; t++) {
                    demandPerDay.add(itemDemand[t][p]);
                    suppliedPerDay.add(outcome.supplied()[t][p]);
                }
                long pointDemand = demandPerDay.stream().mapToLong(Long::longValue).sum();
                long pointSupplied = suppliedPerDay.stream().mapToLong(Long::longValue).sum();
                PlanInput.PointSite site = sites.get(p);
                points.add(new PlanResult.PointOutcome(site.id(), site.name(), site.municipality(), site.lat(), site.lon(),
                        demand.darkFromDay()[p], item.item(), pointDemand, pointSupplied, pointDemand - pointSupplied,
                        demandPerDay, suppliedPerDay, demand.peopleIfLit()[p], site.generator()));
            }
            outcome.depotUse().forEach((d, use) -> {
                PlanInput.DepotSite depot = input.depots().get(d);
                depots.add(new PlanResult.DepotOutcome(depot.id(), depot.name(), depot.level(), depot.lat(), depot.lon(),
                        item.item(), use.startStock(), use.delivered(), use.expiredUnused(), use.left(), use.marginal()));
            });
            int pointCount = sites.size();
            outcome.deliveries().forEach((key, quantity) -> {
                PlanInput.DepotSite depot = input.depots().get((int) (key / pointCount));
                PlanInput.PointSite point = sites.get((int) (key % pointCount));
                deliveries.add(new PlanResult.Delivery(depot.id(), point.id(), item.item(), quantity,
                        Math.round(distribution.roadMetres(depot, point) / 100) / 10.0));
            });
            for (int t = 0; t < outcome.dailyDeliveries().size(); t++) {
                int day = t;
                outcome.dailyDeliveries().get(t).forEach((key, quantity) -> dayDeliveries.add(new PlanResult.DayDelivery(day,
                        input.depots().get((int) (key / pointCount)).id(), sites.get((int) (key % pointCount)).id(), item.item(),
                        quantity)));
            }
        }

        long total(java.util.function.ToLongFunction<PlanResult.AreaDay> units) {
            return areaDays.stream().mapToLong(units).sum();
        }

        PlanResult build(PlanResult.Statistics statistics) {
            return new PlanResult(dates, areaDays, shortfalls, points, depots, deliveries, statistics, dayDeliveries);
        }
    }
}
