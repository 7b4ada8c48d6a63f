package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.access.Actor;
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

    List<ItemHandling> handling() {
        return jdbc.sql("select code, unit_weight_kg, unit_volume_litres from stock_item order by code")
                .query((rs, row) -> new ItemHandling(rs.getString("code"), rs.getDouble("unit_weight_kg"),
                        rs.getDouble("unit_volume_litres")))
                .list();
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

    boolean block(long lotId, String reason) {
        return jdbc.sql("update stock_lot set blocked_at = :now, blocked_reason = :reason where id = :id and blocked_at is null")
                .param("id", lotId).param("reason", reason).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** The items of these codes, read once for a whole call of the ledger. */
    Map<String, Item> items(Collection<String> codes) {
        Map<String, Item> found = new HashMap<>();
        jdbc.sql("select * from stock_item where code = any(cast(:codes as text[]))")
                .param("codes", codes.toArray(String[]::new))
                .query(StockRepository::item).list().forEach(item -> found.put(item.code(), item));
        return found;
    }

    /** The depots in use of these ids, read once for a whole call of the ledger. */
    Map<Long, Depot> depots(Collection<Long> ids) {
        Map<Long, Depot> found = new HashMap<>();
        jdbc.sql("select * from depot where id = any(cast(:ids as bigint[])) and retired_at is null")
                .param("ids", ids.toArray(Long[]::new))
                .query(StockRepository::depot).list().forEach(depot -> found.put(depot.id(), depot));
        return found;
    }

    /** A lot about to be received into a depot. */
    record Receiving(long depot, String item, String lot, LocalDate expiry) {}

    /** A named lot in a depot that a call reads or changes. */
    record Named(long depot, String item, String lot) {}

    /** Every lot of an item in a depot, for first-expiry-first-out. */
    record DepotItem(long depot, String item) {}

    /** A balance as locked: what the depot holds of the lot. */
    record Held(long depot, Lot lot, BigDecimal quantity) {}

    /**
     * Makes the lots about to be received (in one order: by item and number), then makes, locks and
     * returns every balance a call may touch: the named lots in their depots (a balance row at zero
     * where the depot never held the lot) and, for first-expiry-first-out, every lot of an item in a
     * depot. Existing rows are locked in one statement, by depot and lot: writers that take their
     * locks this way never wait for each other in a circle. Only the rows named are locked, so
     * writers into other lots of the same depot do not wait. Two or three statements, however long
     * the batch.
     */
    List<Held> lockBalances(Collection<Receiving> receiving, Collection<Named> named, Collection<DepotItem> wholeStocks) {
        if (!receiving.isEmpty()) {
            jdbc.sql("""
                            insert into stock_lot (item_code, lot_number, expiry)
                            select distinct on (item, lot) item, lot, expiry
                            from unnest(cast(:items as text[]), cast(:lots as text[]), cast(cast(:expiries as text[]) as date[])) as t(item, lot, expiry)
                            order by item, lot
                            on conflict (item_code, lot_number) do nothing""")
                    .param("items", receiving.stream().map(Receiving::item).toArray(String[]::new))
                    .param("lots", receiving.stream().map(Receiving::lot).toArray(String[]::new))
                    .param("expiries", receiving.stream().map(r -> r.expiry() == null ? null : r.expiry().toString()).toArray(String[]::new))
                    .update();
        }
        Object[] depots = named.stream().map(Named::depot).toArray(Long[]::new);
        Object[] items = named.stream().map(Named::item).toArray(String[]::new);
        Object[] lots = named.stream().map(Named::lot).toArray(String[]::new);
        String namedRows = """
                select distinct t.depot, l.id, 0
                from unnest(cast(:depots as bigint[]), cast(:items as text[]), cast(:lots as text[])) as t(depot, item, lot)
                join stock_lot l on l.item_code = t.item and l.lot_number = t.lot
                order by t.depot, l.id
                """;
        if (wholeStocks.isEmpty()) {
            // Makes and locks in one go: "do update" locks an existing row as "for update" would.
            return jdbc.sql("with locked as (insert into stock_balance (depot_id, lot_id, quantity) " + namedRows + """
                            on conflict (depot_id, lot_id) do update set quantity = stock_balance.quantity
                            returning depot_id, lot_id, quantity)
                            select k.depot_id, k.quantity, l.* from locked k join stock_lot l on l.id = k.lot_id""")
                    .param("depots", depots).param("items", items).param("lots", lots)
                    .query(StockRepository::held).list();
        }
        jdbc.sql("insert into stock_balance (depot_id, lot_id, quantity) " + namedRows + " on conflict (depot_id, lot_id) do nothing")
                .param("depots", depots).param("items", items).param("lots", lots).update();
        return jdbc.sql("""
                        select b.depot_id, b.quantity, l.* from stock_balance b join stock_lot l on l.id = b.lot_id
                        where (b.depot_id, l.item_code, l.lot_number) in (
                                  select * from unnest(cast(:depots as bigint[]), cast(:items as text[]), cast(:lots as text[])))
                           or (b.depot_id, l.item_code) in (
                                  select * from unnest(cast(:stockDepots as bigint[]), cast(:stockItems as text[])))
                        order by b.depot_id, b.lot_id
                        for update of b""")
                .param("depots", depots).param("items", items).param("lots", lots)
                .param("stockDepots", wholeStocks.stream().map(DepotItem::depot).toArray(Long[]::new))
                .param("stockItems", wholeStocks.stream().map(DepotItem::item).toArray(String[]::new))
                .query(StockRepository::held).list();
    }

    /** An event about to be written: {@code quantity} is the signed change of the balance. */
    record NewEvent(String type, long depot, Lot lot, BigDecimal quantity, StockMovement.Details details, UUID transferId) {}

    /** An event about to be written and who booked it: one transaction may book for several requests. */
    record ByActor(NewEvent event, Actor actor) {}

    /**
     * Writes what a call changed in two statements: the balances (rows that existed change by their
     * delta; new ones, only ever added to, are made) and the events, numbered up front so that each
     * event is known whole, with its id, before it is written. The balance column still refuses a
     * negative quantity, should a rule ever miss one.
     */
    List<RecordedEvent> write(Map<StockBook.Place, BigDecimal> changed, Set<StockBook.Place> existed, List<ByActor> written) {
        List<NewEvent> events = written.stream().map(ByActor::event).toList();
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('stock_event', 'id')) from generate_series(1, :n)")
                .param("n", events.size()).query(Long.class).list().stream().sorted().toList();
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            recorded.add(new RecordedEvent(ids.get(i), e.type(), e.depot(), e.lot().item(), e.lot().number(), e.lot().expiry(),
                    e.quantity(), e.details().reason(), e.details().documentNumber(), e.details().reference(), e.transferId(),
                    written.get(i).actor().username(), written.get(i).actor().organisation(), recordedAt));
        }
        Map<Boolean, List<Map.Entry<StockBook.Place, BigDecimal>>> byExistence = new HashMap<>();
        changed.entrySet().forEach(c -> byExistence.computeIfAbsent(existed.contains(c.getKey()), k -> new ArrayList<>()).add(c));
        List<Map.Entry<StockBook.Place, BigDecimal>> updated = byExistence.getOrDefault(true, List.of());
        List<Map.Entry<StockBook.Place, BigDecimal>> made = byExistence.getOrDefault(false, List.of());
        jdbc.sql("""
                        with updated as (
                            update stock_balance b set quantity = b.quantity + t.delta
                            from unnest(cast(:depots as bigint[]), cast(:lots as bigint[]), cast(cast(:deltas as text[]) as numeric[]))
                                 as t(depot, lot, delta)
                            where b.depot_id = t.depot and b.lot_id = t.lot),
                        made as (
                            insert into stock_balance (depot_id, lot_id, quantity)
                            select * from unnest(cast(:newDepots as bigint[]), cast(:newLots as bigint[]),
                                                 cast(cast(:newDeltas as text[]) as numeric[]))
                            on conflict (depot_id, lot_id) do update set quantity = stock_balance.quantity + excluded.quantity)
                        insert into stock_event (id, type, depot_id, lot_id, quantity, reason, document_number, reference,
                                                 transfer_id, actor, organisation, recorded_at)
                        overriding system value
                        select t.id, t.type, t.depot, t.lot, t.quantity, t.reason, t.document, t.reference, t.transfer,
                               t.actor, t.organisation, :recordedAt
                        from unnest(cast(:ids as bigint[]), cast(:types as text[]), cast(:eventDepots as bigint[]),
                                    cast(:eventLots as bigint[]), cast(cast(:quantities as text[]) as numeric[]),
                                    cast(:reasons as text[]), cast(:documents as text[]), cast(:references as text[]),
                                    cast(cast(:transfers as text[]) as uuid[]), cast(:actors as text[]),
                                    cast(:organisations as text[]))
                             as t(id, type, depot, lot, quantity, reason, document, reference, transfer, actor, organisation)""")
                .param("depots", updated.stream().map(c -> c.getKey().depot()).toArray(Long[]::new))
                .param("lots", updated.stream().map(c -> c.getKey().lot()).toArray(Long[]::new))
                .param("deltas", updated.stream().map(c -> c.getValue().toPlainString()).toArray(String[]::new))
                .param("newDepots", made.stream().map(c -> c.getKey().depot()).toArray(Long[]::new))
                .param("newLots", made.stream().map(c -> c.getKey().lot()).toArray(Long[]::new))
                .param("newDeltas", made.stream().map(c -> c.getValue().toPlainString()).toArray(String[]::new))
                .param("ids", ids.toArray(Long[]::new))
                .param("types", events.stream().map(NewEvent::type).toArray(String[]::new))
                .param("eventDepots", events.stream().map(NewEvent::depot).toArray(Long[]::new))
                .param("eventLots", events.stream().map(e -> e.lot().id()).toArray(Long[]::new))
                .param("quantities", events.stream().map(e -> e.quantity().toPlainString()).toArray(String[]::new))
                .param("reasons", events.stream().map(e -> e.details().reason()).toArray(String[]::new))
                .param("documents", events.stream().map(e -> e.details().documentNumber()).toArray(String[]::new))
                .param("references", events.stream().map(e -> e.details().reference()).toArray(String[]::new))
                .param("transfers", events.stream().map(e -> e.transferId() == null ? null : e.transferId().toString())
                        .toArray(String[]::new))
                .param("actors", written.stream().map(w -> w.actor().username()).toArray(String[]::new))
                .param("organisations", written.stream().map(w -> w.actor().organisation()).toArray(String[]::new))
                .param("recordedAt", Timestamp.from(recordedAt))
                .update();
        return recorded;
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

    private static Held held(ResultSet rs, int row) throws SQLException {
        return new Held(rs.getLong("depot_id"), lot(rs, row), rs.getBigDecimal("quantity"));
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
