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

    /**
     * The first moment after {@code now} at which {@link #of} gives another answer: the next whole
     * minute of age, or the moment the status stops counting as recent. Until then an answer that
     * shows this freshness can be served again unchanged.
     */
    static Instant nextChange(Instant confirmedAt, Instant now, Duration freshWithin) {
        if (confirmedAt == null) {
            return Instant.MAX;
        }
        long ageMinutes = Math.max(0, Duration.between(confirmedAt, now).toMinutes());
        Instant nextMinute = confirmedAt.plus(Duration.ofMinutes(ageMinutes + 1));
        Instant noLongerRecent = confirmedAt.plus(freshWithin).plusNanos(1);
        return noLongerRecent.isAfter(now) && noLongerRecent.isBefore(nextMinute) ? noLongerRecent : nextMinute;
    }
}
