package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApplicationClockTest {

    private static final Clock SYSTEM = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutAShiftItIsTheSystemClockInDutchTime() {
        Clock clock = ApplicationClock.of("", SYSTEM);
        assertThat(clock.instant()).isEqualTo(SYSTEM.instant());
        assertThat(clock.getZone()).isEqualTo(ApplicationClock.NETHERLANDS);
    }

    @Test
    void aShiftStartsAtTheMomentInDutchTimeAndTicksOn() throws InterruptedException {
        Clock leapDay = ApplicationClock.of("2028-02-29T23:59:00+01:00", SYSTEM);
        assertThat(leapDay.instant()).isEqualTo(Instant.parse("2028-02-29T22:59:00Z"));
        assertThat(LocalDate.now(leapDay)).as("still 29 February in Amsterdam, 1 March nowhere yet").isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(LocalDate.now(Clock.offset(leapDay, Duration.ofMinutes(1)))).isEqualTo(LocalDate.of(2028, 3, 1));

        Instant moment = Instant.parse("2031-01-01T09:00:00Z");
        Clock ticking = ApplicationClock.of(moment.toString(), Clock.systemUTC());
        Instant first = ticking.instant();
        Thread.sleep(20);
        assertThat(first).isBetween(moment, moment.plusSeconds(60));
        assertThat(ticking.instant()).isAfter(first);
    }

    @Test
    void aSettingThatIsNoMomentIsRefusedByName() {
        assertThatThrownBy(() -> ApplicationClock.of("next tuesday", SYSTEM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ApplicationClock.PROPERTY).hasMessageContaining(ApplicationClock.ENVIRONMENT_VARIABLE)
                .hasMessageContaining("next tuesday");
    }

    /** Two instances (contexts) made in one process read one time, not each its own restart at the moment. */
    @Test
    void clocksOfOneShiftInOneProcessAgree() throws InterruptedException {
        Clock first = ApplicationClock.ofSystem("2035-05-05T05:05:05Z");
        Thread.sleep(300);
        Clock second = ApplicationClock.ofSystem("2035-05-05T05:05:05Z");
        assertThat(second.instant()).isAfterOrEqualTo(Instant.parse("2035-05-05T05:05:05.300Z"))
                .isCloseTo(first.instant(), within(100, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(second.getZone()).isEqualTo(ApplicationClock.NETHERLANDS);
    }
}
