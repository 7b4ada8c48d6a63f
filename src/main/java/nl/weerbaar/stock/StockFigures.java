package nl.weerbaar.stock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.weerbaar.system.BriefCache;
import nl.weerbaar.system.CountAfterCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger in figures: a counter of committed stock events by type, and how many stocks of an
 * item at a depot are below {@code weerbaar.stock.low-balance} units that can still be used (not
 * expired, not blocked); a stock that ran out counts too. One grouped query, kept for
 * {@link BriefCache#METRICS_KEEP}.
 */
@Component
class StockFigures implements MeterBinder {

    private static final List<String> EVENT_TYPES = List.of("receipt", "issue", "transfer-out", "transfer-in", "adjustment", "write-off");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BigDecimal lowBalance;
    private final BriefCache<Long> lowBalances;
    private final Map<String, Counter> events = new ConcurrentHashMap<>();

    StockFigures(JdbcClient jdbc, Clock clock, @Value("${weerbaar.stock.low-balance:100}") BigDecimal lowBalance,
                 @Value(BriefCache.METRICS_KEEP) Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lowBalance = lowBalance;
        this.lowBalances = BriefCache.keeping(keep, this::countLowBalances);
    }

    void countCommitted(List<RecordedEvent> recorded) {
        for (RecordedEvent event : recorded) {
            Counter counter = events.get(event.type());
            if (counter != null) {
                CountAfterCommit.increment(counter, 1);
            }
        }
    }

    private long countLowBalances() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select count(*) from (
                            select b.depot_id, l.item_code,
                                   coalesce(sum(b.quantity) filter (where l.blocked_at is null and (l.expiry is null or l.expiry >= :today)), 0) as usable
                            from stock_balance b join stock_lot l on l.id = b.lot_id join depot d on d.id = b.depot_id
                            where d.retired_at is null
                            group by b.depot_id, l.item_code) stocks
                        where usable < :low""")
                .param("today", Date.valueOf(today)).param("low", lowBalance)
                .query(Long.class).single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String type : EVENT_TYPES) {
            events.put(type, Counter.builder("weerbaar.stock.events")
                    .description("stock events committed on this instance, by type").tag("type", type).register(registry));
        }
        Gauge.builder("weerbaar.stock.balances.low", lowBalances, BriefCache::get)
                .description("stocks of an item at a depot in use with fewer usable units than weerbaar.stock.low-balance")
                .tag("below", lowBalance.toPlainString()).register(registry);
    }
}
