package nl.weerbaar.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The one clock every time-dependent decision reads: the system clock in Dutch time, or, when
 * {@code weerbaar.clock.shift-to} ({@code WEERBAAR_CLOCK_SHIFT_TO}) names a moment, a clock that
 * starts at that moment and ticks on from there. The shift lets the whole application, and the
 * test suite, run as if it were another day: years ahead, a leap day, a daylight-saving change.
 */
public final class ApplicationClock {

    /** Dutch civil time: what "today", a date on a page and a lot's expiry day mean. */
    public static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    /** The setting's name as a system property; as an environment variable it is {@link #ENVIRONMENT_VARIABLE}. */
    public static final String PROPERTY = "weerbaar.clock.shift-to";
    public static final String ENVIRONMENT_VARIABLE = "WEERBAAR_CLOCK_SHIFT_TO";

    private ApplicationClock() {}

    /**
     * The system clock, shifted to start at {@code shiftTo} when that is given: an ISO-8601 instant
     * ({@code 2031-01-01T09:00:00Z}) or date-time with offset ({@code 2028-02-29T23:55:00+01:00}).
     */
    public static Clock of(String shiftTo, Clock system) {
        Clock dutch = system.withZone(NETHERLANDS);
        if (shiftTo == null || shiftTo.isBlank()) {
            return dutch;
        }
        return Clock.offset(dutch, Duration.between(system.instant(), parse(shiftTo.strip())));
    }

    /**
     * The clock for code that runs without the application context (offline commands, plain unit
     * tests): shifted by the system property or, failing that, the environment variable.
     */
    public static Clock fromEnvironment() {
        String shiftTo = System.getProperty(PROPERTY);
        if (shiftTo == null || shiftTo.isBlank()) {
            shiftTo = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return of(shiftTo, Clock.systemUTC());
    }

    private static Instant parse(String moment) {
        try {
            return OffsetDateTime.parse(moment).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + " (" + ENVIRONMENT_VARIABLE + ") must be an ISO-8601 date and time "
                    + "with offset, such as 2031-01-01T09:00:00Z; it is \"" + moment + "\"", e);
        }
    }
}
