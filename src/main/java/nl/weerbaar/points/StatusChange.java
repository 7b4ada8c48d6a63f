package nl.weerbaar.points;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a point's status history: what was set, by whom and when.
 *
 * @param at         when it reached the server
 * @param observedAt when it was observed at the point (the same as {@code at} unless it came later)
 * @param channel    how it came in; for a relayed status {@code actor} is who relayed it
 * @param reportedBy for a relayed status: who at the point reported it, as the relay heard it
 */
record StatusChange(Instant at, PointStatus status, int occupancy, String message, List<Capability> unavailable,
                           String actor, String organisation, Instant observedAt, StatusChannel channel, String reportedBy) {

    /** Who relayed the status, or null when it came from the point itself. */
    public String relayedBy() {
        return channel.relayed() ? actor : null;
    }
}
