package nl.weerbaar.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocationCalculatorTest {

    private static AllocationCalculator.RegionFigures region(String code, long population, String area, String risk) {
        return new AllocationCalculator.RegionFigures(code, population, new BigDecimal(area), new BigDecimal(risk));
    }

    @Test
    void smallCaseMatchesTheHandComputation() {
        // EUR 1,000: EUR 100 base each, the EUR 700 left half by residents (10/20/70 %), half by area (10/30/60 %).
        var result = AllocationCalculator.allocate(100_000, 10_000, new BigDecimal("50"), List.of(
                region("VR01", 100, "10", "1"), region("VR02", 200, "30", "1"), region("VR03", 700, "60", "1")));

        assertThat(result.shares()).containsExactly(
                new AllocationCalculator.Share("VR01", 10_000, 3_500, 3_500, 17_000),
                new AllocationCalculator.Share("VR02", 10_000, 7_000, 10_500, 27_500),
                new AllocationCalculator.Share("VR03", 10_000, 24_500, 21_000, 55_500));
        assertThat(result.rates().remainderCents()).isEqualTo(70_000);
        // EUR 350 over 1,000 residents: 35 cents each; EUR 350 over 100 km²: 350 cents per km².
        assertThat(result.rates().centsPerResident()).isEqualByComparingTo("35");
        assertThat(result.rates().centsPerKm2()).isEqualByComparingTo("350");
    }

    @Test
    void leftOverCentsGoToTheLargestFractionsAndTiesToTheLowerCode() {
        var result = AllocationCalculator.allocate(100, 0, BigDecimal.ZERO, List.of(
                region("VR01", 1, "1", "1"), region("VR02", 1, "1", "1"), region("VR03", 1, "1", "1")));

        assertThat(result.shares()).extracting(AllocationCalculator.Share::totalCents).containsExactly(34L, 33L, 33L);
    }

    @Test
    void aZeroPercentPartGetsNoCentEvenWhenTheTotalWasRoundedUp() {
        // VR01's share, 33.33 cents, was rounded up to 34: by area (0 %) it must still get nothing
        var byResidents = AllocationCalculator.allocate(100, 0, BigDecimal.ZERO, List.of(
                region("VR01", 1, "1", "1"), region("VR02", 1, "1", "1"), region("VR03", 1, "1", "1")));
        assertThat(byResidents.shares()).extracting(AllocationCalculator.Share::areaCents).containsExactly(0L, 0L, 0L);
        assertThat(byResidents.shares()).extracting(AllocationCalculator.Share::populationCents).containsExactly(34L, 33L, 33L);

        var byArea = AllocationCalculator.allocate(100, 0, new BigDecimal("100"), List.of(
                region("VR01", 1, "1", "1"), region("VR02", 1, "1", "1"), region("VR03", 1, "1", "1")));
        assertThat(byArea.shares()).extracting(AllocationCalculator.Share::populationCents).containsExactly(0L, 0L, 0L);
    }

    @Test
    void riskWeightMultipliesTheRegionsPart() {
        var result = AllocationCalculator.allocate(90, 0, BigDecimal.ZERO, List.of(
                region("VR01", 100, "1", "2"), region("VR02", 100, "1", "1")));

        assertThat(result.shares()).extracting(AllocationCalculator.Share::totalCents).containsExactly(60L, 30L);
    }

    @Test
    void baseAmountsAboveThePotAreRefused() {
        assertThatThrownBy(() -> AllocationCalculator.allocate(100, 51, BigDecimal.ZERO, List.of(
                region("VR01", 1, "1", "1"), region("VR02", 1, "1", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed the pot");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2025, 70_000_000})
    void sharesAlwaysAddUpToThePotExactly(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            List<AllocationCalculator.RegionFigures> regions = new ArrayList<>();
            int count = 1 + random.nextInt(25);
            for (int i = 0; i < count; i++) {
                regions.add(region("VR%02d".formatted(i + 1), 1 + random.nextInt(2_000_000),
                        BigDecimal.valueOf(1 + random.nextInt(400_000), 2).toPlainString(),
                        BigDecimal.valueOf(1 + random.nextInt(3000), 3).toPlainString()));
            }
            long pot = Math.abs(random.nextLong() % 10_000_000_000_00L);
            long base = random.nextBoolean() ? 0 : pot / count / (1 + random.nextInt(5));
            BigDecimal areaShare = BigDecimal.valueOf(random.nextInt(10_001), 2);

            var shares = AllocationCalculator.allocate(pot, base, areaShare, regions).shares();

            assertThat(shares.stream().mapToLong(AllocationCalculator.Share::totalCents).sum()).as("seed %d round %d", seed, round)
                    .isEqualTo(pot);
            assertThat(shares).allSatisfy(s -> {
                assertThat(s.baseCents() + s.populationCents() + s.areaCents()).isEqualTo(s.totalCents());
                assertThat(s.populationCents()).isNotNegative();
                assertThat(s.areaCents()).isNotNegative();
            });
        }
    }
}
