package nl.weerbaar.planning;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.weerbaar.system.BriefCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scenario runs by status ({@code weerbaar.planning.runs}): queued and running now, and all
 * done, failed, cancelled and interrupted so far, so that a dashboard shows new failures as an
 * increase. One grouped query over a small table, kept for {@link BriefCache#METRICS_KEEP}.
 */
@Component
class RunFigures implements MeterBinder {

    private static final List<String> STATUSES = List.of("queued", "running", "done", "failed", "cancelled", "interrupted");

    private final BriefCache<Map<String, Long>> byStatus;

    RunFigures(JdbcClient jdbc, @Value(BriefCache.METRICS_KEEP) Duration keep) {
        this.byStatus = BriefCache.keeping(keep, () -> jdbc.sql("select status, count(*) from planning_run group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("weerbaar.planning.runs", byStatus, c -> c.get().getOrDefault(status, 0L))
                    .description("scenario runs by status").tag("status", status).register(registry);
        }
    }
}
