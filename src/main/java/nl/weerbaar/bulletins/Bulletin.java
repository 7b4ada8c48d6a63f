package nl.weerbaar.bulletins;

import java.time.Instant;
import java.util.UUID;

/**
 * A piece of official crisis information for an area, in Dutch and optionally English. It is
 * written as a draft, approved by a second person of the same organisation, then published:
 * signed, and from then on unchangeable.
 */
record Bulletin(UUID id, String organisation, String areaCode, Kind kind, UUID references,
                       String event, String category, String urgency, String severity, String certainty,
                       Text dutch, Text english, Instant effective, Instant expires, Status status,
                       String author, String approver, Instant approvedAt, String publisher, Instant publishedAt,
                       String kid, UUID supersededBy, long version) {

    /** Headline, description and instruction (optional) in one language. */
    public record Text(String headline, String description, String instruction) {}

    public enum Status { draft, approved, published }

    /** What a bulletin does: a new alert, or an update, cancellation or all-clear of an earlier one. */
    public enum Kind {
        alert("Alert"), update("Update"), cancel("Cancel"), allClear("Update");

        private final String capMessageType;

        Kind(String capMessageType) {
            this.capMessageType = capMessageType;
        }

        public String capMessageType() {
            return capMessageType;
        }
    }

    public boolean published() {
        return status == Status.published;
    }

    /** Published, within its effective time, and not yet updated, cancelled or ended by an all-clear. */
    public boolean inForceAt(Instant moment) {
        return published() && supersededBy == null && !moment.isBefore(effective) && moment.isBefore(expires);
    }
}
