package nl.weerbaar.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The offset of each shift, from the moment the first clock with it was made in this process. */
    private static final Map<Instant, Duration> SHIFTS = new ConcurrentHashMap<>();

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
     * The system clock shifted to {@code shiftTo}, measured from the first such clock this process
     * made: every application context in one JVM (tests that start two instances, or a restored copy
     * beside its source) then reads the same time, as instances on one machine do, instead of each
     * starting again at {@code shiftTo}.
     */
    public static Clock ofSystem(String shiftTo) {
        if (shiftTo == null || shiftTo.isBlank()) {
            return Clock.system(NETHERLANDS);
        }
        Duration offset = SHIFTS.computeIfAbsent(parse(shiftTo.strip()),
                moment -> Duration.between(Clock.systemUTC().instant(), moment));
        return Clock.offset(Clock.system(NETHERLANDS), offset);
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
        return ofSystem(shiftTo);
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
