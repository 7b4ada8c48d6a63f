package nl.weerbaar.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PledgeMathTest {

    /** EUR 1,187 billion in cents. */
    private static final long GDP_2025 = 118_700_000_000_000L;

    @Test
    void year2025ComparesTheResilienceTotalWithOneAndAHalfPercentOfGdp() {
        // EUR 9 billion nationally and EUR 1 billion spent by regions.
        var report = PledgeMath.report(Map.of(2025, GDP_2025), Map.of(2025, 100_000_000_000L), Map.of(2025, 900_000_000_000L), null);

        var year = report.years().getFirst();
        assertThat(year.year()).isEqualTo(2025);
        assertThat(year.resilienceCents()).isEqualTo(1_000_000_000_000L);
        // 1.5 % of EUR 1,187 billion is EUR 17.805 billion.
        assertThat(year.pledgeCents()).isEqualTo(1_780_500_000_000L);
        // EUR 10 billion of EUR 1,187 billion is 0.8425 %.
        assertThat(year.sharePercent()).isEqualByComparingTo("0.8425");
        assertThat(year.linearPathPercent()).isEqualByComparingTo("0.8425");
        assertThat(report.years()).hasSize(11);
    }

    @Test
    void yearsWithoutGdpSaySoUnlessAGrowthRateIsAssumed() {
        var without = PledgeMath.report(Map.of(2025, GDP_2025), Map.of(), Map.of(), null);
        assertThat(without.yearsWithoutGdp()).containsExactly(2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035);
        assertThat(without.years().get(1).gdpCents()).isNull();
        assertThat(without.years().get(1).pledgeCents()).isNull();

        var grown = PledgeMath.report(Map.of(2025, GDP_2025), Map.of(), Map.of(), new BigDecimal("2"));
        assertThat(grown.yearsWithoutGdp()).isEmpty();
        assertThat(grown.years().get(1).gdpCents()).isEqualTo(121_074_000_000_000L);
        assertThat(grown.years().get(1).gdpEstimated()).isTrue();
        assertThat(grown.years().getFirst().gdpEstimated()).isFalse();
    }

    @Test
    void linearPathRunsFromTheFirstSharetoOneAndAHalfPercentIn2035() {
        var report = PledgeMath.report(Map.of(2025, GDP_2025), Map.of(), Map.of(2025, 1_000_000_000_000L), new BigDecimal("0"));

        assertThat(report.years().get(5).year()).isEqualTo(2030);
        // Halfway from 0.8425 % to 1.5 %: 1.17125, rounded to 4 decimals.
        assertThat(report.years().get(5).linearPathPercent()).isEqualByComparingTo("1.1713");
        assertThat(report.years().getLast().linearPathPercent()).isEqualByComparingTo("1.5");
        assertThat(report.years().getLast().linearPathCents()).isEqualTo(1_780_500_000_000L);
    }
}
