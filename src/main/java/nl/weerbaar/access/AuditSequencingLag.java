package nl.weerbaar.access;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the sequencer is behind the writers: entries committed but not yet in a signed tree
 * head, and how long the oldest has waited. A metric for dashboards and a detail of the health.
 */
@Component
class AuditSequencingLag implements HealthIndicator, MeterBinder {

    private final AuditLogRepository log;
    private final Clock clock;

    AuditSequencingLag(AuditLogRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    record Lag(long unsequencedEntries, Duration oldestWaiting) {}

    Lag current() {
        AuditLogRepository.Lag lag = log.lag();
        Duration waiting = lag.oldest().map(at -> Duration.between(at.toInstant(), clock.instant()))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        return new Lag(lag.entries(), waiting);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("weerbaar.audit.unsequenced.entries", this, l -> l.current().unsequencedEntries())
                .description("audit entries committed but not yet sequenced into a signed tree head")
                .register(registry);
        Gauge.builder("weerbaar.audit.unsequenced.oldest.age", this, l -> l.current().oldestWaiting().toMillis() / 1000.0)
                .description("how long the oldest unsequenced audit entry has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Always up: writes go on while the sequencer lags; the details say by how much. */
    @Override
    public Health health() {
        Lag lag = current();
        return Health.up()
                .withDetail("unsequencedEntries", lag.unsequencedEntries())
                .withDetail("oldestUnsequencedSeconds", lag.oldestWaiting().toMillis() / 1000.0)
                .build();
    }
}
