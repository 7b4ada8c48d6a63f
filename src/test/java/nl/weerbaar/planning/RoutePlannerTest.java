package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes solved for real by OR-Tools on small worlds around Amsterdam whose answer can be checked
 * by hand: loads add up, vehicles are not overloaded, opening times hold, the distance lies between
 * the lower bound and the nearest-neighbour rule.
 */
class RoutePlannerTest {

    private static final RouteProblem.Place DEPOT = new RouteProblem.Place(7, "Depot Westpoort", "Westpoort 1, Amsterdam", 52.40, 4.80);
    private final RoutePlanner planner = new RoutePlanner();

    private static RouteProblem.Stop stop(long id, double lat, double lon, long litresOfWater, LocalTime opens, LocalTime closes) {
        return new RouteProblem.Stop(id, "Punt " + id, "Straat " + id + ", Amsterdam", lat, lon, "van 8.00 tot 22.00 uur", opens, closes,
                List.of(new RouteProblem.Load("drinking-water", "Drinkwater", "l", litresOfWater, litresOfWater * 1.05,
                        litresOfWater * 1.15)));
    }

    private static RouteProblem.Fleet fleet(int vehicles, double payloadKg) {
        return new RouteProblem.Fleet(vehicles, payloadKg, 40_000, LocalTime.of(7, 0), Duration.ofHours(9), Duration.ofMinutes(10),
                Duration.ofMinutes(6), 40, 1.3, Duration.ofSeconds(1));
    }

    private static List<RouteProblem.Stop> ring() {
        List<RouteProblem.Stop> stops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double angle = 2 * Math.PI * i / 8;
            stops.add(stop(100 + i, 52.37 + 0.03 * Math.sin(angle), 4.90 + 0.05 * Math.cos(angle), 1_000, LocalTime.of(8, 0),
                    LocalTime.of(22, 0)));
        }
        return stops;
    }

    @Test
    void everyLoadIsDrivenWithinVehicleCapacityAndBetweenTheBoundAndTheBaseline() {
        // 8 stops of 1,050 kg with 3,500 kg vehicles: three to a vehicle at most, so at least three vehicles.
        RoutePlan plan = planner.plan(new RouteProblem(0, DEPOT, ring(), fleet(5, 3_500), null, List.of()));

        assertThat(plan.missed()).isEmpty();
        assertThat(plan.routes()).allSatisfy(r -> assertThat(r.kg()).isLessThanOrEqualTo(3_500));
        assertThat(plan.visits()).isEqualTo(8);
        assertThat(plan.vehiclesUsed()).isEqualTo(3);
        assertThat(plan.routes().stream().flatMap(r -> r.visits().stream()).mapToLong(v -> v.loads().getFirst().quantity()).sum())
                .isEqualTo(8_000);
        assertThat(plan.lateStops()).isZero();
        assertThat(plan.lowerBoundKm()).isPositive().isLessThanOrEqualTo(plan.km());
        assertThat(plan.km()).isLessThanOrEqualTo(plan.baseline().km());
        assertThat(plan.gap()).isBetween(0.0, 1.0);
        assertThat(plan.routes()).allSatisfy(r -> assertThat(r.visits()).allSatisfy(v -> assertThat(v.arrives()).isAfterOrEqualTo(LocalTime.of(8, 0))));
    }

    @Test
    void aPointThatNeedsMoreThanAVehicleIsVisitedInVehicleLoads() {
        // 9,999 l of water is 10,499 kg: three loads of 3,333 l (3,500 kg at most), whole litres.
        RouteProblem.Stop big = stop(1, 52.37, 4.90, 9_999, LocalTime.MIN, LocalTime.MAX);
        RoutePlan plan = planner.plan(new RouteProblem(0, DEPOT, List.of(big), fleet(4, 3_500), null, List.of()));

        assertThat(plan.routes()).hasSize(3).allSatisfy(r -> assertThat(r.kg()).isLessThanOrEqualTo(3_500));
        assertThat(plan.routes().stream().mapToLong(r -> r.visits().getFirst().loads().getFirst().quantity()).sum()).isEqualTo(9_999);
        assertThat(plan.gap()).as("three loads to one place: the forest bound is the distance driven").isZero();
    }

    @Test
    void tooFewVehiclesLeaveVisitsMissedAndAPointThatClosesEarlyIsServedFirstOrLate() {
        List<RouteProblem.Stop> stops = new ArrayList<>(ring());
        stops.set(3, stop(103, stops.get(3).lat(), stops.get(3).lon(), 1_000, LocalTime.of(8, 0), LocalTime.of(8, 30)));
        RoutePlan plan = planner.plan(new RouteProblem(0, DEPOT, stops, fleet(2, 3_500), null, List.of()));

        assertThat(plan.visits()).isEqualTo(6);
        assertThat(plan.missed()).hasSize(2);
        plan.routes().stream().flatMap(r -> r.visits().stream()).filter(v -> v.point() == 103)
                .forEach(v -> assertThat(v.late()).isEqualTo(v.arrives().isAfter(LocalTime.of(8, 30))));
    }

    @Test
    void roadDistancesFromAFileAreUsedAndALockedRouteStaysWhileTheRestIsPlannedAgain() throws Exception {
        List<RouteProblem.Stop> stops = ring();
        RoutePlan first = planner.plan(new RouteProblem(0, DEPOT, stops, fleet(5, 3_500), null, List.of()));
        RoutePlan.Route locked = new RoutePlan.Route(first.routes().getFirst().vehicle(), true, first.routes().getFirst().leaves(),
                first.routes().getFirst().returns(), first.routes().getFirst().km(), first.routes().getFirst().kg(),
                first.routes().getFirst().litres(), first.routes().getFirst().visits());

        RoutePlan again = planner.plan(new RouteProblem(0, DEPOT, stops, fleet(5, 3_500), null, List.of(locked)));

        assertThat(again.routes().getFirst()).isEqualTo(locked);
        assertThat(again.visits()).isEqualTo(8);
        assertThat(again.routes().stream().skip(1).flatMap(r -> r.visits().stream()).map(RoutePlan.Visit::point))
                .doesNotContainAnyElementsOf(locked.visits().stream().map(RoutePlan.Visit::point).toList());

        RoadDistances roads = RoadDistances.read(new StringReader("from,to,km\ndepot:7,point:100,99\n"));
        RoutePlan withFile = planner.plan(new RouteProblem(0, DEPOT, stops.subList(0, 1), fleet(1, 3_500), roads, List.of()));
        assertThat(withFile.routes().getFirst().visits().getFirst().kmFromPrevious()).isEqualTo(99.0);
        assertThat(withFile.km()).isEqualTo(198.0);
        assertThat(withFile.distances()).contains("from a file");
    }
}
