package nl.weerbaar.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.Nearest;
import nl.weerbaar.areas.SpatialIndex;

/**
 * Who turns up where. Each day a share of every postcode area's residents seeks help; those
 * prepared for 72 hours only from day 4. They walk to open support points within walking distance,
 * nearest first as far as the points' daily capacity allows (a max-flow with least walking,
 * solved by OR-Tools). Whoever finds no place is unmet demand, with the reason.
 */
final class DemandModel {

    /** Days 0, 1 and 2 are the 72 hours prepared households manage on their own. */
    static final int SELF_RELIANT_DAYS = 3;
    private static final int CANDIDATES_PER_ZONE = 8;
    /** With a generator but no known fuel autonomy, a point is assumed to last one day. */
    static final int ASSUMED_FUEL_HOURS = 24;

    /**
     * @param seekers    [day][point]: people served at each point
     * @param unassigned [day][zone]: people who found no place, with {@code reasons[zone]}
     * @param darkFromDay per point; null while it stays lit
     * @param peopleIfLit per point: on its worst day, how many residents without a lit point within
     *                    reach have this dark point within reach, up to what it can receive in a day
     *                    — who a generator (or fuel) there would serve
     */
    record Outcome(double[][] seekers, double[][] unassigned, UnmetReason[][] reasons, Integer[] darkFromDay,
                   long[] peopleIfLit) {}

    private record Candidate(int point, long walkMetres) {}

    private final PlanInput input;
    private final int days;

    DemandModel(PlanInput input) {
        this.input = input;
        this.days = input.scenario().days();
    }

    Outcome compute() {
        List<PlanInput.PointSite> points = input.points();
        List<PlanInput.Zone> zones = input.zones();
        Integer[] darkFromDay = new Integer[points.size()];
        for (int p = 0; p < points.size(); p++) {
            darkFromDay[p] = darkFromDay(points.get(p));
        }
        List<List<Candidate>> candidates = candidates();
        double[][] seekers = new double[days][points.size()];
        double[][] unassigned = new double[days][zones.size()];
        UnmetReason[][] reasons = new UnmetReason[days][zones.size()];
        Map<String, Assignment> solved = new HashMap<>();
        for (int day = 0; day < days; day++) {
            boolean[] open = new boolean[points.size()];
            for (int p = 0; p < open.length; p++) {
                open[p] = darkFromDay[p] == null || day < darkFromDay[p];
            }
            double share = seekingShare(day);
            // The assignment only changes when the share or the set of lit points does.
            String key = share + Arrays.toString(open);
            Assignment assignment = solved.computeIfAbsent(key, k -> assign(candidates, open, share));
            seekers[day] = assignment.atPoint();
            unassigned[day] = assignment.unassigned();
            for (int z = 0; z < zones.size(); z++) {
                reasons[day][z] = assignment.unassigned()[z] > 0 ? reason(candidates.get(z), open) : null;
            }
        }
        return new Outcome(seekers, unassigned, reasons, darkFromDay, peopleIfLit(candidates, darkFromDay, unassigned, reasons));
    }

    /**
     * The value of power at each dark point, read from the assignment: residents left without a lit
     * point because their points within reach were dark, counted at every dark point within their
     * reach (each point alone would take them in), capped by the point's daily capacity.
     */
    private long[] peopleIfLit(List<List<Candidate>> candidates, Integer[] darkFromDay, double[][] unassigned,
                               UnmetReason[][] reasons) {
        List<PlanInput.PointSite> points = input.points();
        long[] best = new long[points.size()];
        for (int day = 0; day < days; day++) {
            double[] reachable = new double[points.size()];
            for (int z = 0; z < unassigned[day].length; z++) {
                if (reasons[day][z] != UnmetReason.POINT_DARK) {
                    continue;
                }
                for (Candidate candidate : candidates.get(z)) {
                    Integer dark = darkFromDay[candidate.point()];
                    if (dark != null && day >= dark) {
                        reachable[candidate.point()] += unassigned[day][z];
                    }
                }
            }
            for (int p = 0; p < points.size(); p++) {
                Integer persons = points.get(p).capacityPersons();
                double daily = persons == null ? Double.MAX_VALUE : (double) persons * input.scenario().visitsPerPlacePerDay();
                best[p] = Math.max(best[p], Math.round(Math.min(reachable[p], daily)));
            }
        }
        return best;
    }

    double seekingShare(int day) {
        Scenario scenario = input.scenario();
        double dependent = day < SELF_RELIANT_DAYS ? 1 - scenario.selfRelianceShare() : 1;
        return scenario.helpSeekingShare() * dependent;
    }

    /** A point without power goes dark on the first day its fuel does not last to the end of. */
    private Integer darkFromDay(PlanInput.PointSite point) {
        Scenario scenario = input.scenario();
        if (!scenario.hazard().cutsPower() || point.generator() && scenario.refuelling()
                || scenario.generatorPoints().contains(point.id())) {
            return null;
        }
        int hours = !point.generator() ? 0 : point.fuelAutonomyHours() == null ? ASSUMED_FUEL_HOURS : point.fuelAutonomyHours();
        int dark = hours / 24;
        return dark < days ? dark : null;
    }

    private List<List<Candidate>> candidates() {
        Scenario scenario = input.scenario();
        List<PlanInput.PointSite> points = input.points();
        Map<PlanInput.PointSite, Integer> index = new HashMap<>();
        for (int p = 0; p < points.size(); p++) {
            index.put(points.get(p), p);
        }
        SpatialIndex<PlanInput.PointSite> spatial = SpatialIndex.of(points, PlanInput.PointSite::lat, PlanInput.PointSite::lon);
        double reachMetres = scenario.walkingDistanceKm() * 1000 / scenario.detourFactor();
        List<List<Candidate>> candidates = new ArrayList<>();
        for (PlanInput.Zone zone : input.zones()) {
            List<Candidate> near = new ArrayList<>();
            for (Nearest<PlanInput.PointSite> found : spatial.within(zone.lat(), zone.lon(), reachMetres)) {
                if (near.size() == CANDIDATES_PER_ZONE) {
                    break;
                }
                near.add(new Candidate(index.get(found.item()), Math.round(found.distanceMetres() * scenario.detourFactor())));
            }
            candidates.add(near);
        }
        return candidates;
    }

    private record Assignment(double[] atPoint, double[] unassigned) {}

    /** Max-flow, least walking: residents (source → zone) to lit points within reach (→ sink, capacity). */
    private Assignment assign(List<List<Candidate>> candidates, boolean[] open, double share) {
        List<PlanInput.Zone> zones = input.zones();
        List<PlanInput.PointSite> points = input.points();
        FlowNetwork network = new FlowNetwork();
        int source = network.node();
        int sink = network.node();
        int[] zoneNode = new int[zones.size()];
        int[] pointNode = new int[points.size()];
        for (int z = 0; z < zoneNode.length; z++) {
            zoneNode[z] = network.node();
        }
        for (int p = 0; p < pointNode.length; p++) {
            pointNode[p] = network.node();
        }
        long[] people = new long[zones.size()];
        int[] supplyArcs = new int[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            people[z] = Math.round(zones.get(z).population() * share);
            supplyArcs[z] = network.arc(source, zoneNode[z], people[z], 0);
            for (Candidate candidate : candidates.get(z)) {
                if (open[candidate.point()]) {
                    network.arc(zoneNode[z], pointNode[candidate.point()], people[z], candidate.walkMetres());
                }
            }
        }
        long everyone = Arrays.stream(people).sum();
        network.supply(source, everyone);
        network.supply(sink, -everyone);
        int[] capacityArcs = new int[points.size()];
        for (int p = 0; p < points.size(); p++) {
            Integer persons = points.get(p).capacityPersons();
            long daily = persons == null ? everyone : (long) persons * input.scenario().visitsPerPlacePerDay();
            capacityArcs[p] = network.arc(pointNode[p], sink, open[p] ? daily : 0, 0);
        }
        long[] flows = network.solveMaxFlow("residents to support points");
        double[] atPoint = new double[points.size()];
        for (int p = 0; p < points.size(); p++) {
            atPoint[p] = flows[capacityArcs[p]];
        }
        double[] unassigned = new double[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            unassigned[z] = people[z] - flows[supplyArcs[z]];
        }
        return new Assignment(atPoint, unassigned);
    }

    private static UnmetReason reason(List<Candidate> candidates, boolean[] open) {
        if (candidates.isEmpty()) {
            return UnmetReason.NO_POINT_IN_REACH;
        }
        boolean anyDark = candidates.stream().anyMatch(c -> !open[c.point()]);
        return anyDark ? UnmetReason.POINT_DARK : UnmetReason.POINT_FULL;
    }
}
