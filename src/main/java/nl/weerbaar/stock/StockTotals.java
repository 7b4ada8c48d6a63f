package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock read for reports over many depots at once, filtered and added up by the database, so a
 * report reads only the rows it needs in one query however many areas or depots it covers.
 */
@Repository
class StockTotals {

    private final JdbcClient jdbc;

    StockTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Usable units of an item (not blocked, not expired before {@code today}) in the depots in use,
     * added up per depot area code ({@code NL}, a region or a municipality).
     */
    Map<String, BigDecimal> usableByDepotArea(String item, LocalDate today) {
        return jdbc.sql("""
                        select d.area_code, sum(b.quantity) as quantity
                        from stock_balance b join stock_lot l on l.id = b.lot_id join depot d on d.id = b.depot_id
                        where l.item_code = :item and b.quantity > 0 and d.retired_at is null
                          and l.blocked_at is null and (l.expiry is null or l.expiry >= :today)
                        group by d.area_code""")
                .param("item", item).param("today", Date.valueOf(today))
                .query((rs, n) -> Map.entry(rs.getString("area_code"), rs.getBigDecimal("quantity"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Balances above zero of lots that expired or expire by {@code until}, in the order of {@link StockRepository#balances}. */
    List<LotBalance> expiringBy(LocalDate until, LocalDate today) {
        return jdbc.sql(StockRepository.BALANCE_SELECT + """
                         where b.quantity > 0 and l.expiry <= :until
                        order by d.name, l.item_code, l.expiry nulls last, l.lot_number""")
                .param("until", Date.valueOf(until)).param("today", Date.valueOf(today))
                .query(StockRepository::balance).list();
    }

    /**
     * Balances of at least one whole unit of the given items in lots that are not blocked, expired
     * ones included, in the order of {@link StockRepository#balances}.
     */
    List<LotBalance> unblockedWholeUnits(Collection<String> items, LocalDate today) {
        return jdbc.sql(StockRepository.BALANCE_SELECT + """
                         where b.quantity >= 1 and l.blocked_at is null and l.item_code = any(:items)
                        order by d.name, l.item_code, l.expiry nulls last, l.lot_number""")
                .param("items", items.toArray(String[]::new)).param("today", Date.valueOf(today))
                .query(StockRepository::balance).list();
    }
}
