package nl.weerbaar.points;

import java.time.Duration;
import java.time.Instant;

/**
 * How recently a point's status was observed. The public sees a point not observed within the
 * configured time as 'not recently confirmed', with its age, so nobody walks to a point on the
 * word of a status nobody has looked at for a day. The age counts from the moment the status was
 * observed at the point, not from when it reached the server: a status typed on a phone without a
 * connection at 10:00 and sent at 10:40 is 40 minutes old when it arrives, and says so.
 *
 * @param confirmedAt  when the status was observed at the point; null when never
 * @param ageMinutes   null when the status was never confirmed
 * @param receivedAt   when the status reached the server
 * @param lateMinutes  how long after its observation the status arrived, when that was more than
 *                     {@link #LATE_AFTER}; null when it arrived at once
 */
record Freshness(Instant confirmedAt, Long ageMinutes, boolean recentlyConfirmed, Instant receivedAt,
                        Long lateMinutes) {

    /** A status that reaches the server later than this after it was observed arrived late, and pages say so. */
    static final Duration LATE_AFTER = Duration.ofMinutes(5);

    static Freshness of(Instant confirmedAt, Instant receivedAt, Instant now, Duration freshWithin) {
        if (confirmedAt == null) {
            return new Freshness(null, null, false, null, null);
        }
        Duration age = Duration.between(confirmedAt, now);
        Duration late = receivedAt == null ? Duration.ZERO : Duration.between(confirmedAt, receivedAt);
        return new Freshness(confirmedAt, Math.max(0, age.toMinutes()), age.compareTo(freshWithin) <= 0, receivedAt,
                late.compareTo(LATE_AFTER) > 0 ? late.toMinutes() : null);
    }

    /** Stale: observed longer ago than the freshness window, or never; a coordinator calls these first. */
    public boolean stale() {
        return !recentlyConfirmed;
    }

    /** Hours once past two, else minutes: how people say it. */
    public String ageUnit() {
        return ageMinutes != null && ageMinutes >= 120 ? "hours" : "minutes";
    }

    /** The age in {@link #ageUnit()}; 0 when never confirmed. */
    public long age() {
        return ageMinutes == null ? 0 : ageUnit().equals("hours") ? ageMinutes / 60 : ageMinutes;
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
