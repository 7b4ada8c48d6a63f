package nl.weerbaar.bulletins;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A feed of another authority that Weerbaar polls for an area, with how its polling goes: when
 * it last worked, when and why it last failed, how many failures in a row (the backoff grows
 * with them), and the validators its server gave for a conditional request.
 */
record FeedSubscription(UUID id, String name, String url, String area, Duration pollInterval, long version,
                               String createdBy, Instant createdAt, String endedBy, Instant endedAt, Instant nextPollAt,
                               int failures, Instant lastPolledAt, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                               String lastResult, String etag, String lastModified) {

    /** What to ask the feed's server with, so an unchanged feed answers 304. */
    FeedFetcher.Validators validators() {
        return new FeedFetcher.Validators(etag, lastModified);
    }

    /** {@code pending} until first polled, {@code ok}, {@code failing} while its last poll failed, or {@code ended}. */
    public String status() {
        if (endedAt != null) {
            return "ended";
        }
        if (failures > 0) {
            return "failing";
        }
        return lastPolledAt == null ? "pending" : "ok";
    }
}
