package nl.weerbaar.stock;

import nl.weerbaar.system.IntegrityCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every stock balance equals the sum of its events and none is negative: the ledger and its derived balances agree. */
@Component
class StockBalanceCheck implements IntegrityCheck {

    private final JdbcClient jdbc;

    StockBalanceCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "stock balances";
    }

    @Override
    public Outcome check() {
        record Counts(long balances, long events, long unequal, long negative) {}
        Counts counts = jdbc.sql("""
                with sums as (select depot_id, lot_id, sum(quantity) as quantity from stock_event group by depot_id, lot_id)
                select (select count(*) from stock_balance) as balances,
                       (select count(*) from stock_event) as events,
                       (select count(*) from sums full join stock_balance b using (depot_id, lot_id)
                         where coalesce(sums.quantity, 0) <> coalesce(b.quantity, 0)) as unequal,
                       (select count(*) from stock_balance where quantity < 0) as negative""")
                .query((rs, row) -> new Counts(rs.getLong("balances"), rs.getLong("events"), rs.getLong("unequal"), rs.getLong("negative")))
                .single();
        if (counts.unequal() > 0 || counts.negative() > 0) {
            return new Outcome(false, "%d of %d balances differ from the sum of their events, %d are negative"
                    .formatted(counts.unequal(), counts.balances(), counts.negative()));
        }
        return new Outcome(true, "all %d balances equal the sum of their %d events, none negative".formatted(counts.balances(), counts.events()));
    }
}
