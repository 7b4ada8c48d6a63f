package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StockRepository {

    record Lot(long id, String item, String number, LocalDate expiry, boolean blocked) {}

    static final String BALANCE_SELECT = """
            select b.depot_id, d.name as depot_name, l.item_code, l.id as lot_id, l.lot_number, l.expiry, b.quantity,
                   l.blocked_at is not null as blocked, coalesce(l.expiry < :today, false) as expired
            from stock_balance b join stock_lot l on l.id = b.lot_id join depot d on d.id = b.depot_id
            """;

    private final JdbcClient jdbc;
    /** Stamps when a lot was blocked and an event recorded: both are shown as the application's time. */
    private final Clock clock;

    StockRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- catalogue

    List<Item> items() {
        return jdbc.sql("select * from stock_item order by category, code").query(StockRepository::item).list();
    }

    Optional<Item> item(String code) {
        return jdbc.sql("select * from stock_item where code = :code").param("code", code).query(StockRepository::item).optional();
    }

    void insertItem(Item item) {
        jdbc.sql("""
                        insert into stock_item (code, name, category, unit, shelf_life_days, daily_norm_per_person, norm_source)
                        values (:code, :name, :category, :unit, :shelfLife, :norm, :source)""")
                .params(itemParams(item)).update();
    }

    boolean updateItem(Item item, long expectedVersion) {
        Map<String, Object> params = itemParams(item);
        params.put("version", expectedVersion);
        return jdbc.sql("""
                        update stock_item set name = :name, category = :category, unit = :unit, shelf_life_days = :shelfLife,
                               daily_norm_per_person = :norm, norm_source = :source, version = version + 1
                        where code = :code and version = :version""")
                .params(params).update() == 1;
    }

    // --- depots

    List<Depot> depots() {
        return jdbc.sql("select * from depot where retired_at is null order by level, name").query(StockRepository::depot).list();
    }

    Optional<Depot> depot(long id) {
        return jdbc.sql("select * from depot where id = :id and retired_at is null").param("id", id)
                .query(StockRepository::depot).optional();
    }

    long insertDepot(Depot depot) {
        return jdbc.sql("""
                        insert into depot (name, level, organisation_code, area_code, municipality_code, lat, lon, capacity,
                                           support_point_id, demo)
                        values (:name, :level, :organisation, :area, :municipality, :lat, :lon, :capacity, :supportPoint, :demo)
                        returning id""")
                .params(depotParams(depot)).query(Long.class).single();
    }

    boolean updateDepot(Depot depot, long expectedVersion) {
        Map<String, Object> params = depotParams(depot);
        params.put("id", depot.id());
        params.put("version", expectedVersion);
        return jdbc.sql("""
                        update depot set name = :name, level = :level, organisation_code = :organisation, area_code = :area,
                               municipality_code = :municipality, lat = :lat, lon = :lon, capacity = :capacity,
                               support_point_id = :supportPoint, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                .params(params).update() == 1;
    }

    // --- lots and balances

    Optional<Lot> lot(String item, String number) {
        return jdbc.sql("select * from stock_lot where item_code = :item and lot_number = :number")
                .param("item", item).param("number", number).query(StockRepository::lot).optional();
    }

    Optional<Lot> lot(long id) {
        return jdbc.sql("select * from stock_lot where id = :id").param("id", id).query(StockRepository::lot).optional();
    }

    /**
     * The lot, made when it does not exist yet. "Do nothing" on a conflict, not an update: updating the
     * unique lot number would lock the lot's row against the foreign-key checks of concurrent bookings
     * into it, which then deadlocked with their balance locks.
     */
    Lot insertLot(String item, String number, LocalDate expiry) {
        return jdbc.sql("""
                        insert into stock_lot (item_code, lot_number, expiry) values (:item, :number, :expiry)
                        on conflict (item_code, lot_number) do nothing
                        returning *""")
                .param("item", item).param("number", number).param("expiry", expiry == null ? null : Date.valueOf(expiry))
                .query(StockRepository::lot).optional()
                .or(() -> lot(item, number))
                .orElseThrow();
    }

    boolean block(long lotId, String reason) {
        return jdbc.sql("update stock_lot set blocked_at = :now, blocked_reason = :reason where id = :id and blocked_at is null")
                .param("id", lotId).param("reason", reason).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /**
     * Locks and returns the depot's usable lots of an item, earliest expiry first; a lot expiring
     * {@code today} is usable. The rows are locked in the one order of {@link #lockBalances}, by lot,
     * and only then sorted by expiry.
     */
    List<LotBalance> usableLotsForUpdate(long depot, String item, LocalDate today) {
        return jdbc.sql("""
                        with locked as (
                            select b.depot_id, b.lot_id from stock_balance b join stock_lot l on l.id = b.lot_id
                            where b.depot_id = :depot and l.item_code = :item and b.quantity > 0
                            order by b.lot_id
                            for update of b)
                        """ + BALANCE_SELECT + """
                        join locked k on k.depot_id = b.depot_id and k.lot_id = b.lot_id
                        where l.blocked_at is null and (l.expiry is null or l.expiry >= :today)
                        order by l.expiry nulls last, l.id""")
                .param("depot", depot).param("item", item).param("today", Date.valueOf(today))
                .query(StockRepository::balance).list();
    }

    /** A lot about to be received into a depot. */
    record Receiving(long depot, String item, String lot, LocalDate expiry) {}

    record DepotItem(long depot, String item) {}

    /**
     * Makes the lots about to be received and their balance rows (at zero) where they do not exist
     * yet, then locks every balance of the touched depots and items: each in one order (lots by item
     * and number, balances by depot and lot). Writers that take their locks this way never wait for
     * each other in a circle. Three statements, however long the batch.
     */
    void lockBalances(List<Receiving> receiving, List<DepotItem> touched) {
        Object[] depots = receiving.stream().map(Receiving::depot).toArray(Long[]::new);
        Object[] items = receiving.stream().map(Receiving::item).toArray(String[]::new);
        Object[] lots = receiving.stream().map(Receiving::lot).toArray(String[]::new);
        Object[] expiries = receiving.stream().map(r -> r.expiry() == null ? null : r.expiry().toString()).toArray(String[]::new);
        jdbc.sql("""
                        insert into stock_lot (item_code, lot_number, expiry)
                        select distinct on (item, lot) item, lot, expiry
                        from unnest(cast(:items as text[]), cast(:lots as text[]), cast(cast(:expiries as text[]) as date[])) as t(item, lot, expiry)
                        order by item, lot
                        on conflict (item_code, lot_number) do nothing""")
                .param("items", items).param("lots", lots).param("expiries", expiries).update();
        jdbc.sql("""
                        insert into stock_balance (depot_id, lot_id, quantity)
                        select distinct t.depot, l.id, 0
                        from unnest(cast(:depots as bigint[]), cast(:items as text[]), cast(:lots as text[])) as t(depot, item, lot)
                        join stock_lot l on l.item_code = t.item and l.lot_number = t.lot
                        order by t.depot, l.id
                        on conflict (depot_id, lot_id) do nothing""")
                .param("depots", depots).param("items", items).param("lots", lots).update();
        jdbc.sql("""
                        select b.depot_id from stock_balance b join stock_lot l on l.id = b.lot_id
                        where (b.depot_id, l.item_code) in (
                            select * from unnest(cast(:depots as bigint[]), cast(:items as text[])))
                        order by b.depot_id, b.lot_id
                        for update of b""")
                .param("depots", touched.stream().map(DepotItem::depot).toArray(Long[]::new))
                .param("items", touched.stream().map(DepotItem::item).toArray(String[]::new))
                .query(Long.class).list();
    }

    /** Locks and returns one balance, zero when the depot never held the lot. */
    BigDecimal balanceForUpdate(long depot, long lot) {
        return jdbc.sql("select quantity from stock_balance where depot_id = :depot and lot_id = :lot for update")
                .param("depot", depot).param("lot", lot).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Changes a balance; false (and no change) when it would go below zero. */
    boolean changeBalance(long depot, long lot, BigDecimal delta) {
        if (delta.signum() > 0) {
            jdbc.sql("""
                            insert into stock_balance (depot_id, lot_id, quantity) values (:depot, :lot, :delta)
                            on conflict (depot_id, lot_id) do update set quantity = stock_balance.quantity + excluded.quantity""")
                    .param("depot", depot).param("lot", lot).param("delta", delta).update();
            return true;
        }
        return jdbc.sql("""
                        update stock_balance set quantity = quantity + :delta
                        where depot_id = :depot and lot_id = :lot and quantity + :delta >= 0""")
                .param("depot", depot).param("lot", lot).param("delta", delta).update() == 1;
    }

    /** Balances above zero, each marked expired when its lot expired before {@code today}. */
    List<LotBalance> balances(Long depot, String item, List<Long> depots, LocalDate today) {
        StringBuilder sql = new StringBuilder(BALANCE_SELECT).append(" where b.quantity > 0");
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today));
        if (depot != null) {
            sql.append(" and b.depot_id = :depot");
            params.put("depot", depot);
        }
        if (item != null) {
            sql.append(" and l.item_code = :item");
            params.put("item", item);
        }
        if (depots != null) {
            sql.append(" and b.depot_id = any(:depots)");
            params.put("depots", depots.toArray(Long[]::new));
        }
        sql.append(" order by d.name, l.item_code, l.expiry nulls last, l.lot_number");
        return jdbc.sql(sql.toString()).params(params).query(StockRepository::balance).list();
    }

    // --- events

    RecordedEvent insertEvent(String type, long depot, Lot lot, BigDecimal delta, StockMovement.Details details,
                              UUID transferId, String actor, String organisation) {
        return jdbc.sql("""
                        insert into stock_event (type, depot_id, lot_id, quantity, reason, document_number, reference,
                                                 transfer_id, actor, organisation, recorded_at)
                        values (:type, :depot, :lot, :quantity, :reason, :document, :reference, :transfer, :actor, :organisation,
                                :recordedAt)
                        returning id, recorded_at""")
                .param("type", type).param("depot", depot).param("lot", lot.id()).param("quantity", delta)
                .param("reason", details.reason()).param("document", details.documentNumber())
                .param("reference", details.reference()).param("transfer", transferId)
                .param("actor", actor).param("organisation", organisation).param("recordedAt", Timestamp.from(clock.instant()))
                .query((rs, n) -> new RecordedEvent(rs.getLong("id"), type, depot, lot.item(), lot.number(), lot.expiry(),
                        delta, details.reason(), details.documentNumber(), details.reference(), transferId, actor,
                        organisation, rs.getTimestamp("recorded_at").toInstant()))
                .single();
    }

    List<RecordedEvent> events(Long depot, String item, String lot, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.*, l.item_code, l.lot_number, l.expiry from stock_event e join stock_lot l on l.id = e.lot_id
                where true""");
        Map<String, Object> params = new HashMap<>();
        if (depot != null) {
            sql.append(" and e.depot_id = :depot");
            params.put("depot", depot);
        }
        if (item != null) {
            sql.append(" and l.item_code = :item");
            params.put("item", item);
        }
        if (lot != null) {
            sql.append(" and l.lot_number = :lot");
            params.put("lot", lot);
        }
        sql.append(" order by e.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new RecordedEvent(rs.getLong("id"), rs.getString("type"),
                rs.getLong("depot_id"), rs.getString("item_code"), rs.getString("lot_number"), localDate(rs, "expiry"),
                rs.getBigDecimal("quantity"), rs.getString("reason"), rs.getString("document_number"),
                rs.getString("reference"), rs.getObject("transfer_id", UUID.class), rs.getString("actor"),
                rs.getString("organisation"), rs.getTimestamp("recorded_at").toInstant())).list();
    }

    // --- mapping

    private static Map<String, Object> itemParams(Item item) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", item.code());
        params.put("name", item.name());
        params.put("category", item.category());
        params.put("unit", item.unit());
        params.put("shelfLife", item.shelfLifeDays());
        params.put("norm", item.dailyNormPerPerson());
        params.put("source", item.normSource());
        return params;
    }

    private static Map<String, Object> depotParams(Depot depot) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", depot.name());
        params.put("level", depot.level());
        params.put("organisation", depot.organisation());
        params.put("area", depot.area());
        params.put("municipality", depot.municipality());
        params.put("lat", depot.lat());
        params.put("lon", depot.lon());
        params.put("capacity", depot.capacity());
        params.put("supportPoint", depot.supportPoint());
        params.put("demo", depot.demo());
        return params;
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getString("code"), rs.getString("name"), rs.getString("category"), rs.getString("unit"),
                (Integer) rs.getObject("shelf_life_days"), rs.getBigDecimal("daily_norm_per_person"),
                rs.getString("norm_source"), rs.getLong("version"));
    }

    private static Depot depot(ResultSet rs, int row) throws SQLException {
        return new Depot(rs.getLong("id"), rs.getString("name"), rs.getString("level"), rs.getString("organisation_code"),
                rs.getString("area_code"), rs.getString("municipality_code"), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getString("capacity"), (Long) rs.getObject("support_point_id"), rs.getBoolean("demo"),
                rs.getLong("version"));
    }

    private static Lot lot(ResultSet rs, int row) throws SQLException {
        return new Lot(rs.getLong("id"), rs.getString("item_code"), rs.getString("lot_number"), localDate(rs, "expiry"),
                rs.getTimestamp("blocked_at") != null);
    }

    static LotBalance balance(ResultSet rs, int row) throws SQLException {
        return new LotBalance(rs.getLong("depot_id"), rs.getString("depot_name"), rs.getString("item_code"),
                rs.getLong("lot_id"), rs.getString("lot_number"), localDate(rs, "expiry"), rs.getBigDecimal("quantity"),
                rs.getBoolean("blocked"), rs.getBoolean("expired"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
