package nl.weerbaar.points;

import java.time.Duration;
import java.time.Instant;

/**
 * How recently operators confirmed a point's status. The public sees a point not confirmed
 * within the configured time as 'not recently confirmed', with its age, so nobody walks to a
 * point on the word of a status nobody has looked at for a day.
 *
 * @param ageMinutes null when the status was never confirmed
 */
public record Freshness(Instant confirmedAt, Long ageMinutes, boolean recentlyConfirmed) {

    static Freshness of(Instant confirmedAt, Instant now, Duration freshWithin) {
        if (confirmedAt == null) {
            return new Freshness(null, null, false);
        }
        Duration age = Duration.between(confirmedAt, now);
        return new Freshness(confirmedAt, Math.max(0, age.toMinutes()), age.compareTo(freshWithin) <= 0);
    }
}
