package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The moment a freshness next reads differently is exact: a kept answer is never served past it. */
class FreshnessTest {

    private static final Instant CONFIRMED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration FRESH_WITHIN = Duration.ofHours(6);

    @ParameterizedTest
    @ValueSource(longs = {-90_000, -1, 0, 1, 59_999, 60_000, 61_234, 21_599_999, 21_600_000, 21_600_001, 21_659_000, 90_000_000})
    void freshnessIsTheSameUpToNextChangeAndDiffersThere(long millisAfterConfirmation) {
        Instant now = CONFIRMED.plusMillis(millisAfterConfirmation);
        Instant next = Freshness.nextChange(CONFIRMED, now, FRESH_WITHIN);
        Freshness shown = Freshness.of(CONFIRMED, CONFIRMED, now, FRESH_WITHIN);

        assertThat(next).isAfter(now);
        assertThat(Freshness.of(CONFIRMED, CONFIRMED, next.minusNanos(1), FRESH_WITHIN)).isEqualTo(shown);
        assertThat(Freshness.of(CONFIRMED, CONFIRMED, next, FRESH_WITHIN)).isNotEqualTo(shown);
    }

    @Test
    void aStatusNeverConfirmedNeverChanges() {
        assertThat(Freshness.nextChange(null, CONFIRMED, FRESH_WITHIN)).isEqualTo(Instant.MAX);
    }
}
