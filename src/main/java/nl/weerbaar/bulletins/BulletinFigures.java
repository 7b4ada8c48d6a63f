package nl.weerbaar.bulletins;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import nl.weerbaar.system.BriefCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bulletins in force ({@code weerbaar.bulletins.in.force}): published, effective, not expired and
 * not superseded by a published update, cancellation or all-clear, as {@link Bulletin#inForceAt}
 * decides for one. Kept for {@link BriefCache#METRICS_KEEP}.
 */
@Component
class BulletinFigures implements MeterBinder {

    private final BriefCache<Long> inForce;

    BulletinFigures(JdbcClient jdbc, Clock clock, @Value(BriefCache.METRICS_KEEP) Duration keep) {
        this.inForce = BriefCache.keeping(keep, () -> jdbc.sql("""
                        select count(*) from bulletin b
                        where b.status = 'published' and b.effective <= :now and b.expires > :now
                          and not exists (select 1 from bulletin s where s.references_id = b.id and s.status = 'published')""")
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("weerbaar.bulletins.in.force", inForce, BriefCache::get)
                .description("published bulletins in force now").register(registry);
    }
}
