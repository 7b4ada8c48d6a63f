package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The planner on small hand-made worlds where the right answer can be worked out on paper:
 * two towns 20 km apart, each with one support point, and depots near them.
 */
class PlannerTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T06:00:00+01:00");
    // Town A (GM0001) around 52.00,5.00; town B (GM0002) about 20 km east.
    private static final PlanInput.Zone ZONE_A = new PlanInput.Zone("1000", "GM0001", "VR01", 52.0, 5.0, 10_000);
    private static final PlanInput.Zone ZONE_B = new PlanInput.Zone("2000", "GM0002", "VR01", 52.0, 5.3, 10_000);
    private static final PlanInput.PointSite POINT_A = point(1, "GM0001", 52.001, 5.0, true, 200);
    private static final PlanInput.PointSite POINT_B = point(2, "GM0002", 52.001, 5.3, true, 200);
    private static final PlanInput.DepotSite DEPOT_A = new PlanInput.DepotSite(11, "Depot A", "regional", "GM0001", 52.01, 5.0, null, false);
    private static final PlanInput.DepotSite DEPOT_B = new PlanInput.DepotSite(12, "Depot B", "regional", "GM0002", 52.01, 5.3, null, false);
    private static final PlanInput.ItemNeed WATER = new PlanInput.ItemNeed("drinking-water", "Drinkwater", "l", 3);

    private final Planner planner = new Planner();

    @Test
    void plentyOfStockSuppliesEveryoneFromTheNearestDepot() {
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null),
                List.of(lot(11, 1_000_000, null), lot(12, 1_000_000, null)));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        // 10 % of 10,000 residents a day × 3 l; all self-reliance off: 3,000 l per town per day.
        assertThat(result.statistics().demand()).isEqualTo(2 * 3 * 3_000);
        assertThat(result.statistics().unmet()).isZero();
        assertThat(result.statistics().optimal()).isTrue();
        assertThat(result.statistics().optimalityGap()).isEqualTo(0.0);
        assertThat(result.shortfalls()).isEmpty();
        assertThat(result.deliveries()).allSatisfy(d -> assertThat(d.depot()).isEqualTo(d.point() == 1 ? 11 : 12));
        assertThat(result.dates()).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3));
    }

    @Test
    void scarceStockIsSharedSoTheWorstServedTownComesFirstAndTodayBeforeTomorrow() {
        // 6,000 l for two towns needing 3,000 l a day each: day 1 in full, nothing after.
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null),
                List.of(lot(11, 6_000, null)));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(dayTotal(result, 0, "GM0001")).containsExactly(3_000L, 3_000L);
        assertThat(dayTotal(result, 0, "GM0002")).containsExactly(3_000L, 3_000L);
        assertThat(dayTotal(result, 1, "GM0002")).containsExactly(3_000L, 0L);
        assertThat(result.shortfalls()).extracting(PlanResult.Shortfall::day).containsOnly(1);
        assertThat(reasons(result)).containsOnlyKeys(UnmetReason.NO_STOCK);
    }

    @Test
    void equalShareRationsOverAllDaysInsteadOfRunningOut() {
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.EQUAL_SHARE, null),
                List.of(lot(11, 6_000, null)));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        for (int day = 0; day < 3; day++) {
            for (String town : List.of("GM0001", "GM0002")) {
                long supplied = dayTotal(result, day, town).get(1);
                assertThat(supplied).as("day %d %s", day, town).isBetween(900L, 1_100L);
            }
        }
    }

    @Test
    void stockThatExpiresBeforeItIsNeededIsNamedAsTheReason() {
        // Enough for everything, but it expires after the first day.
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null),
                List.of(lot(11, 100_000, LocalDate.of(2026, 12, 1))));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(dayTotal(result, 0, "GM0001")).containsExactly(3_000L, 3_000L);
        assertThat(reasons(result)).containsOnlyKeys(UnmetReason.STOCK_EXPIRED);
        assertThat(result.depots()).filteredOn(d -> d.depot() == 11).singleElement()
                .satisfies(d -> assertThat(d.expiredUnused()).isEqualTo(100_000 - 6_000));
    }

    @Test
    void aPointWithoutAGeneratorGoesDarkInABlackoutAndOneWithFuelForADayAfterIt() {
        PlanInput.PointSite noGenerator = point(1, "GM0001", 52.001, 5.0, false, 200);
        PlanInput.PointSite oneDayOfFuel = new PlanInput.PointSite(2, "B", "GM0002", 52.001, 5.3, "hub", 200, true, 30, false);
        PlanInput input = new PlanInput(scenario(Hazard.POWER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null),
                List.of(ZONE_A, ZONE_B), List.of(noGenerator, oneDayOfFuel), List.of(DEPOT_A, DEPOT_B),
                List.of(lot(11, 1_000_000, null)), List.of(WATER));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(dayTotal(result, 0, "GM0001").get(1)).isZero();
        assertThat(dayTotal(result, 0, "GM0002")).containsExactly(3_000L, 3_000L);
        assertThat(dayTotal(result, 1, "GM0002").get(1)).isZero();
        assertThat(reasons(result)).containsOnlyKeys(UnmetReason.POINT_DARK);
        assertThat(result.points()).filteredOn(p -> p.point() == 2).singleElement().satisfies(p -> {
            assertThat(p.darkFromDay()).isEqualTo(1);
            assertThat(p.demandPerDay()).as("a dark point draws nobody").containsExactly(3_000L, 0L, 0L);
            assertThat(p.suppliedPerDay()).containsExactly(3_000L, 0L, 0L);
        });
    }

    @Test
    void vehiclesThatAreFullLeaveStockBehindAndSaySo() {
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 24, Fairness.WORST_SERVED_FIRST, 4_000L),
                List.of(lot(11, 1_000_000, null)));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(result.statistics().supplied()).isEqualTo(4_000);
        assertThat(reasons(result)).containsExactly(Map.entry(UnmetReason.NO_TRANSPORT_CAPACITY, 2_000L));
        assertThat(result.statistics().optimal()).as("one item under a vehicle limit is one optimal flow").isTrue();
    }

    @Test
    void severalItemsSharingVehiclesArePlannedTogetherAndProvenOptimal() {
        PlanInput input = waterAndRationsSharingVehicles(4_000L);

        PlanResult result = planner.plan(input, PlanProgress.NONE);
        PlanResult.Statistics statistics = result.statistics();

        assertThat(statistics.optimal()).as("one LP over both items proves the plan").isTrue();
        assertThat(statistics.optimalityGap()).isEqualTo(0.0);
        assertThat(statistics.optimality()).isEqualTo(PlanResult.Statistics.PROVEN);
        assertThat(statistics.solver()).isEqualTo(Planner.JOINT_SOLVER);
        assertThat(statistics.supplied()).as("the 4,000 units the vehicles carry, not more").isEqualTo(4_000);
        // 6,000 l of water and 2,000 rations wanted; worst-served-first gives both items the same share: half each.
        long waterSupplied = result.areaDays().stream().filter(a -> a.item().equals("drinking-water")).mapToLong(PlanResult.AreaDay::supplied).sum();
        long rations = result.areaDays().stream().filter(a -> a.item().equals("emergency-ration")).mapToLong(PlanResult.AreaDay::supplied).sum();
        assertThat(waterSupplied).isEqualTo(3_000);
        assertThat(rations).as("rations are not left behind because water came first").isEqualTo(1_000);
        assertThat(reasons(result)).containsOnlyKeys(UnmetReason.NO_TRANSPORT_CAPACITY);
        assertThat(result.dayDeliveries()).allSatisfy(d -> assertThat(d.depot()).isEqualTo(11))
                .extracting(PlanResult.DayDelivery::quantity).containsOnly(1_500L, 500L);
    }

    // One town (GM0001) 27 km wide: point 1 in the west next to depot A, point 3 in the east next to depot C.
    private static final PlanInput.Zone ZONE_EAST = new PlanInput.Zone("1400", "GM0001", "VR01", 52.0, 5.4, 20_000);
    private static final PlanInput.PointSite POINT_EAST = point(3, "GM0001", 52.001, 5.4, false, 500);
    private static final PlanInput.DepotSite DEPOT_C = new PlanInput.DepotSite(13, "Depot C", "regional", "GM0001", 52.01, 5.4, null, false);

    private PlanResult planWideTown(Hazard hazard, DeliverTo deliverTo, List<PlanInput.StockLot> lots) {
        PlanInput.PointSite west = point(1, "GM0001", 52.001, 5.0, true, 500);
        // Depot A stands a little nearer the town's centre (5.2) than depot C: delivering to the centre, it sends everything.
        PlanInput.DepotSite depotA = new PlanInput.DepotSite(11, "Depot A", "regional", "GM0001", 52.01, 5.01, null, false);
        return planner.plan(new PlanInput(scenario(hazard, 24, Fairness.WORST_SERVED_FIRST, null, deliverTo),
                List.of(ZONE_A, ZONE_EAST), List.of(west, POINT_EAST), List.of(depotA, DEPOT_C), lots, List.of(WATER)), PlanProgress.NONE);
    }

    @Test
    void deliveredToEachPointEveryPointIsSuppliedFromItsNearestDepotAndRoutesTakeThoseDeliveries() {
        List<PlanInput.StockLot> plenty = List.of(lot(11, 1_000_000, null), lot(13, 1_000_000, null));

        PlanResult toTown = planWideTown(Hazard.DRINKING_WATER_OUTAGE, DeliverTo.MUNICIPALITY, plenty);
        PlanResult toPoints = planWideTown(Hazard.DRINKING_WATER_OUTAGE, DeliverTo.SUPPORT_POINT, plenty);

        assertThat(toTown.dayDeliveries()).extracting(PlanResult.DayDelivery::depot).containsOnly(11L);
        assertThat(toPoints.statistics().optimal()).isTrue();
        assertThat(toPoints.statistics().optimalityGap()).isEqualTo(0.0);
        assertThat(toPoints.statistics().unmet()).isZero();
        assertThat(toPoints.dayDeliveries()).extracting(d -> d.point() + "<" + d.depot() + ":" + d.quantity())
                .containsExactlyInAnyOrder("1<11:3000", "3<13:6000");
        assertThat(RouteProblems.depotDays(toPoints)).extracting(RouteProblems.DepotDay::depot).containsExactlyInAnyOrder(11L, 13L);
        assertThat(toPoints.deliveries().stream().mapToDouble(d -> d.roadKm() * d.quantity()).sum())
                .as("the last kilometres are planned too").isLessThan(toTown.deliveries().stream().mapToDouble(d -> d.roadKm() * d.quantity()).sum());
    }

    @Test
    void deliveredToEachPointScarceStockIsSharedFairlyBetweenPoints() {
        // 3,000 l for 3,000 l wanted at point 1 and 6,000 l at point 3: each point gets a third of its demand, to the
        // fairness rule's step of 5 %; not all to point 1 for being next to the depot.
        PlanResult result = planWideTown(Hazard.DRINKING_WATER_OUTAGE, DeliverTo.SUPPORT_POINT, List.of(lot(11, 3_000, null)));

        assertThat(result.statistics().optimal()).isTrue();
        assertThat(result.statistics().supplied()).isEqualTo(3_000);
        assertThat(result.points()).allSatisfy(p -> assertThat((double) p.supplied() / p.demand()).isBetween(0.30, 0.35));
        assertThat(reasons(result)).containsExactly(Map.entry(UnmetReason.NO_STOCK, 6_000L));
    }

    @Test
    void deliveredToEachPointADarkPointGetsNothingAndItsResidentsAreUnmetBecauseItIsDark() {
        // A blackout: point 3 has no generator, point 1 has.
        PlanResult result = planWideTown(Hazard.POWER_OUTAGE, DeliverTo.SUPPORT_POINT, List.of(lot(11, 1_000_000, null), lot(13, 1_000_000, null)));

        assertThat(result.points()).filteredOn(p -> p.point() == 3).singleElement().satisfies(p -> {
            assertThat(p.darkFromDay()).isZero();
            assertThat(p.supplied()).isZero();
        });
        assertThat(result.dayDeliveries()).extracting(PlanResult.DayDelivery::point).containsOnly(1L);
        assertThat(reasons(result)).containsExactly(Map.entry(UnmetReason.POINT_DARK, 6_000L));
    }

    @Test
    void severalItemsWhoseOwnOptimaFitTheSharedVehiclesTogetherAreProvenOptimalWithoutTheJointLp() {
        // 6,000 l and 2,000 rations from depot A: exactly the 8,000 units its vehicles carry.
        PlanInput input = waterAndRationsSharingVehicles(8_000L);

        PlanResult.Statistics statistics = planner.plan(input, PlanProgress.NONE).statistics();

        assertThat(statistics.optimal()).isTrue();
        assertThat(statistics.optimalityGap()).isEqualTo(0.0);
        assertThat(statistics.solver()).isEqualTo(Planner.VEHICLES_NOT_BINDING);
        assertThat(statistics.unmet()).isZero();
    }

    @Test
    void residentsBeyondWalkingDistanceAreUnmetWithThatReason() {
        PlanInput.Zone farAway = new PlanInput.Zone("3000", "GM0002", "VR01", 52.5, 5.3, 10_000);
        PlanInput input = new PlanInput(scenario(Hazard.DRINKING_WATER_OUTAGE, 24, Fairness.WORST_SERVED_FIRST, null),
                List.of(ZONE_A, farAway), List.of(POINT_A, POINT_B), List.of(DEPOT_A), List.of(lot(11, 1_000_000, null)),
                List.of(WATER));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(reasons(result)).containsExactly(Map.entry(UnmetReason.NO_POINT_IN_REACH, 3_000L));
    }

    @Test
    void oneMoreUnitHelpsAtTheDepotThatReachesUnmetDemandAndNotWhereItWouldSitUnused() {
        // Depot B holds nothing and reaches nobody else; depot A is short.
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 24, Fairness.WORST_SERVED_FIRST, null),
                List.of(lot(11, 5_000, null), lot(12, 1, LocalDate.of(2026, 11, 1))));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        PlanResult.DepotOutcome depotA = result.depots().stream().filter(d -> d.depot() == 11).findFirst().orElseThrow();
        assertThat(depotA.marginal().suppliedUnits()).isEqualTo(1);
        assertThat(depotA.marginal().day()).isZero();
        assertThat(depotA.marginal().municipality()).isIn("GM0001", "GM0002");
    }

    @Test
    void extraStockAtADepotIsUsedAndShrinksTheShortfall() {
        Scenario scenario = scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null);
        PlanResult without = planner.plan(input(scenario, List.of(lot(11, 6_000, null))), PlanProgress.NONE);
        PlanResult with = planner.plan(input(scenario, List.of(lot(11, 6_000, null), lot(12, 6_000, null))), PlanProgress.NONE);

        assertThat(with.statistics().unmet()).isEqualTo(without.statistics().unmet() - 6_000);
    }

    @Test
    void everyUnitOfDemandIsEitherSuppliedOrUnmetForAReasonAndTheOptimumBeatsOrMatchesTheGreedyBaseline() {
        PlanInput input = input(scenario(Hazard.POWER_OUTAGE, 96, Fairness.WORST_SERVED_FIRST, null),
                List.of(lot(11, 7_000, LocalDate.of(2026, 12, 2)), lot(12, 4_000, null)));

        PlanResult result = planner.plan(input, PlanProgress.NONE);

        assertThat(result.areaDays()).allSatisfy(a -> assertThat(a.supplied() + a.unmetTotal()).isEqualTo(a.demand()));
        assertThat(result.statistics().supplied()).isGreaterThanOrEqualTo(result.statistics().baselineSupplied());
    }

    @Test
    void aCancelledRunStops() {
        PlanProgress cancelled = new PlanProgress() {
            @Override
            public void report(double done, PlanStage stage) {}

            @Override
            public boolean cancelRequested() {
                return true;
            }
        };
        PlanInput input = input(scenario(Hazard.DRINKING_WATER_OUTAGE, 72, Fairness.WORST_SERVED_FIRST, null), List.of());

        assertThatThrownBy(() -> planner.plan(input, cancelled)).isInstanceOf(PlanCancelledException.class);
    }

    private static PlanInput input(Scenario scenario, List<PlanInput.StockLot> lots) {
        return new PlanInput(scenario, List.of(ZONE_A, ZONE_B), List.of(POINT_A, POINT_B), List.of(DEPOT_A, DEPOT_B), lots,
                List.of(WATER));
    }

    /** Water and rations in zones A and B from depot A's stock, the depots' vehicles carrying {@code capacity} units a day. */
    private static PlanInput waterAndRationsSharingVehicles(long capacity) {
        Scenario water = scenario(Hazard.DRINKING_WATER_OUTAGE, 24, Fairness.WORST_SERVED_FIRST, capacity);
        Scenario waterAndRations = new Scenario(water.name(), null, water.hazard(), water.areas(), water.start(), water.durationHours(),
                water.helpSeekingShare(), water.selfRelianceShare(),
                List.of(new Scenario.ItemNeed("drinking-water", BigDecimal.valueOf(3)), new Scenario.ItemNeed("emergency-ration", BigDecimal.ONE)),
                water.tiers(), water.excludedPoints(), water.refuelling(), water.walkingDistanceKm(), water.visitsPerPlacePerDay(),
                water.detourFactor(), water.vehicleCapacityPerDepotPerDay(), water.fairness(), water.extraStock(), List.of(), water.deliverTo());
        return new PlanInput(waterAndRations, List.of(ZONE_A, ZONE_B), List.of(POINT_A, POINT_B), List.of(DEPOT_A, DEPOT_B),
                List.of(lot(11, 1_000_000, null), new PlanInput.StockLot(11, "emergency-ration", "R11", null, 1_000_000)),
                List.of(WATER, new PlanInput.ItemNeed("emergency-ration", "Noodrantsoen", "rantsoen", 1)));
    }

    private static Scenario scenario(Hazard hazard, int hours, Fairness fairness, Long vehicles) {
        return scenario(hazard, hours, fairness, vehicles, DeliverTo.MUNICIPALITY);
    }

    private static Scenario scenario(Hazard hazard, int hours, Fairness fairness, Long vehicles, DeliverTo deliverTo) {
        return new Scenario("Test", null, hazard, List.of("VR01"), START, hours, 0.1, 0.0,
                List.of(new Scenario.ItemNeed("drinking-water", BigDecimal.valueOf(3))), List.of("hub", "local"), List.of(),
                false, 5, 8, 1.3, vehicles, fairness, List.of(), List.of(), deliverTo);
    }

    private static PlanInput.PointSite point(long id, String municipality, double lat, double lon, boolean generator, int persons) {
        return new PlanInput.PointSite(id, "Point " + id, municipality, lat, lon, "hub", persons, generator, generator ? 500 : null, false);
    }

    private static PlanInput.StockLot lot(long depot, long quantity, LocalDate expiry) {
        return new PlanInput.StockLot(depot, "drinking-water", "L" + depot + "-" + quantity, expiry, quantity);
    }

    /** Demand and supplied of one town on one day. */
    private static List<Long> dayTotal(PlanResult result, int day, String municipality) {
        PlanResult.AreaDay row = result.areaDays().stream()
                .filter(a -> a.day() == day && a.municipality().equals(municipality)).findFirst().orElseThrow();
        return List.of(row.demand(), row.supplied());
    }

    private static Map<UnmetReason, Long> reasons(PlanResult result) {
        Map<UnmetReason, Long> total = new java.util.EnumMap<>(UnmetReason.class);
        result.areaDays().forEach(a -> a.unmet().forEach((reason, units) -> total.merge(reason, units, Long::sum)));
        return total;
    }
}
