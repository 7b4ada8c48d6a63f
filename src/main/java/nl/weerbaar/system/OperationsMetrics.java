package nl.weerbaar.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gauges for the state other parts report through {@link FeedHealth} and {@link BackupHistory}:
 * {@code weerbaar.feeds.failing}, {@code weerbaar.feeds.subscribed} and
 * {@code weerbaar.backup.last.age} (seconds). Each is registered only when its part is present,
 * so a dashboard shows "no data" rather than a reassuring zero for what nobody measures.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final ObjectProvider<FeedHealth> feeds;
    private final ObjectProvider<BackupHistory> backups;
    private final Clock clock;

    private final Duration keep;

    OperationsMetrics(ObjectProvider<FeedHealth> feeds, ObjectProvider<BackupHistory> backups, Clock clock,
                      @Value(BriefCache.METRICS_KEEP) Duration keep) {
        this.keep = keep;
        this.feeds = feeds;
        this.backups = backups;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        feeds.ifAvailable(health -> {
            // Only the gauges hold the cache, and a gauge holds its object weakly unless told: without
            // strongReference the first collection empties it and both gauges read NaN for good.
            BriefCache<int[]> counts = BriefCache.keeping(keep,
                    () -> new int[] {health.subscribed(), health.failing().size()});
            Gauge.builder("weerbaar.feeds.subscribed", counts, c -> c.get()[0]).strongReference(true)
                    .description("subscribed feeds of other authorities").register(registry);
            Gauge.builder("weerbaar.feeds.failing", counts, c -> c.get()[1]).strongReference(true)
                    .description("subscribed feeds whose last fetch failed").register(registry);
        });
        backups.ifAvailable(history -> {
            BriefCache<Optional<BackupHistory.Backup>> last = BriefCache.keeping(keep, history::last);
            Gauge.builder("weerbaar.backup.last.age", last,
                            l -> l.get().map(b -> (double) Duration.between(b.finishedAt(), clock.instant()).toSeconds())
                                    .orElse(Double.POSITIVE_INFINITY))
                    .description("time since the last backup finished; +Inf before the first").baseUnit("seconds")
                    .register(registry);
        });
    }
}
