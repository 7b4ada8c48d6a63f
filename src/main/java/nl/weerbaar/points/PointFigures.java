package nl.weerbaar.points;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.system.BriefCache;
import nl.weerbaar.system.Codes;
import nl.weerbaar.system.CountAfterCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The support points in figures, for dashboards and the system page: points in use by region
 * and status, by region and freshness, and the stale ones; and a counter of status updates.
 * <p>
 * A point is <em>stale</em> when it is not inactive (residents may go by what it says: standby,
 * open, full or closed) and nobody confirmed its status within {@code weerbaar.points.fresh-within}.
 * The figures are read in one grouped query over the points in use and kept for
 * {@link BriefCache#METRICS_KEEP}, so scrapes of every replica do not each read the table.
 */
@Component
public class PointFigures implements MeterBinder {

    /** How recently the status was confirmed, as the public finder says it. */
    public enum Fresh { RECENT, NOT_RECENT, NEVER_CONFIRMED }

    private record Key(String region, String status, Fresh fresh) {}

    /** @param stale points not inactive and not recently confirmed, the first thing to chase in an incident */
    public record Figures(Map<String, Map<PointStatus, Long>> byRegionAndStatus, Map<String, Map<Fresh, Long>> byRegionAndFreshness,
                          Map<String, Long> staleByRegion) {
        public long stale() {
            return staleByRegion.values().stream().mapToLong(Long::longValue).sum();
        }

        public long inUse() {
            return byRegionAndStatus.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Areas areas;
    private final Duration freshWithin;
    private final Clock clock;
    private final BriefCache<Figures> figures;
    private Counter statusUpdates;

    PointFigures(JdbcClient jdbc, Areas areas, @Value("${weerbaar.points.fresh-within:6h}") Duration freshWithin, Clock clock,
                 @Value(BriefCache.METRICS_KEEP) Duration keep) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.freshWithin = freshWithin;
        this.clock = clock;
        this.figures = BriefCache.keeping(keep, this::read);
    }

    public Figures current() {
        return figures.get();
    }

    /** Counts status updates once committed; an area's activation counts one per point. */
    void countStatusUpdates(int points) {
        if (statusUpdates != null) {
            CountAfterCommit.increment(statusUpdates, points);
        }
    }

    private Figures read() {
        Timestamp freshSince = Timestamp.from(clock.instant().minus(freshWithin));
        Map<String, Map<PointStatus, Long>> byStatus = new HashMap<>();
        Map<String, Map<Fresh, Long>> byFreshness = new HashMap<>();
        Map<String, Long> stale = new HashMap<>();
        record Row(String municipality, String status, Fresh fresh, long points) {}
        List<Row> rows = jdbc.sql("""
                        select municipality_code, status,
                               case when status_confirmed_at is null then 'NEVER_CONFIRMED'
                                    when status_confirmed_at >= :freshSince then 'RECENT' else 'NOT_RECENT' end, count(*)
                        from support_point where retired_at is null group by 1, 2, 3""")
                .param("freshSince", freshSince)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), Fresh.valueOf(rs.getString(3)), rs.getLong(4)))
                .list();
        for (Row row : rows) {
            String region = areas.regionOf(row.municipality()).orElse("unknown");
            PointStatus status = Codes.parse(PointStatus.class, row.status()).orElseThrow();
            byStatus.computeIfAbsent(region, r -> new HashMap<>()).merge(status, row.points(), Long::sum);
            byFreshness.computeIfAbsent(region, r -> new HashMap<>()).merge(row.fresh(), row.points(), Long::sum);
            if (status != PointStatus.INACTIVE && row.fresh() != Fresh.RECENT) {
                stale.merge(region, row.points(), Long::sum);
            }
        }
        return new Figures(byStatus, byFreshness, stale);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        statusUpdates = Counter.builder("weerbaar.points.status.updates")
                .description("status updates of support points committed on this instance").register(registry);
        for (String region : areas.regions().stream().map(Region::code).toList()) {
            for (PointStatus status : PointStatus.values()) {
                Gauge.builder("weerbaar.points", this, f -> count(f.current().byRegionAndStatus(), region, status))
                        .description("support points in use, by safety region and status")
                        .tag("region", region).tag("status", Codes.of(status)).register(registry);
            }
            for (Fresh fresh : Fresh.values()) {
                Gauge.builder("weerbaar.points.freshness", this, f -> count(f.current().byRegionAndFreshness(), region, fresh))
                        .description("support points in use, by safety region and how recently their status was confirmed")
                        .tag("region", region).tag("freshness", Codes.of(fresh)).register(registry);
            }
            Gauge.builder("weerbaar.points.stale", this, f -> f.current().staleByRegion().getOrDefault(region, 0L))
                    .description("support points not inactive whose status nobody confirmed recently, by safety region")
                    .tag("region", region).register(registry);
        }
    }

    private static <K> long count(Map<String, Map<K, Long>> figures, String region, K key) {
        return figures.getOrDefault(region, Map.of()).getOrDefault(key, 0L);
    }
}
