package nl.weerbaar.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How long an answer kept for an {@code Idempotency-Key} stays: the window in which a client may
 * retry ({@code weerbaar.idempotency.retention}, default 24 hours, on the application clock).
 * Older answers are deleted on a schedule; a key used again after the window is a new request.
 * Every instance purges; deleting what another instance deleted already costs nothing.
 */
@Component
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRetention(JdbcClient jdbc, Clock clock, @Value("${weerbaar.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Answers stored before this moment are outside the retry window. */
    Instant cutoff() {
        return clock.instant().minus(retention);
    }

    @Scheduled(fixedDelayString = "${weerbaar.idempotency.purge-interval:PT10M}", initialDelayString = "PT1M")
    public int purge() {
        int purged = jdbc.sql("delete from idempotent_request where created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff()))
                .update();
        if (purged > 0) {
            log.info("purged {} idempotency answers older than {}", purged, retention);
        }
        return purged;
    }
}
