package nl.weerbaar.points;

import java.util.HashSet;
import nl.weerbaar.system.Codes;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.system.PublicReads;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The support_point and support_point_status tables. Every time written comes from the
 * application clock, not the database's: freshness compares them with that clock.
 */
@Repository
class SupportPointRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Areas areas;
    private final Clock clock;
    private final PublicReads publicReads;

    SupportPointRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Areas areas, Clock clock, PublicReads publicReads) {
        this.jdbc = jdbc;
        this.publicReads = publicReads;
        this.batch = batch;
        this.areas = areas;
        this.clock = clock;
    }

    /** The registry fields of a point, as validated: what create and edit write. */
    record Registration(String name, Tier tier, BuildingKind buildingKind, String address, double lat, double lon,
                        String municipality, String ownerOrganisation, List<Capability> capabilities,
                        SupportPoint.Capacity capacity, SupportPoint.BackupPower backupPower,
                        List<Communication> communications, String contact, String opening, boolean isPublic) {}

    /** A status as operators set it. */
    record LiveStatus(PointStatus status, int occupancy, String message, List<Capability> unavailable) {}

    /** What selects points in a list; null fields do not restrict. */
    record Selection(Set<String> municipalities, PointStatus status, boolean includeNonPublic, Set<String> nonPublicAreas) {}

    long insert(Registration r, boolean demo, LiveStatus live, Instant confirmedAt, String confirmedBy) {
        return jdbc.sql("""
                        insert into support_point (name, tier, building_kind, address, lat, lon, municipality_code,
                            owner_organisation, capabilities, capacity_persons, capacity_overnight, generator,
                            fuel_autonomy_hours, communications, contact, opening, public, demo, status, occupancy,
                            message, unavailable, status_confirmed_at, status_received_at, status_confirmed_by, created_at, updated_at)
                        values (:name, :tier, :kind, :address, :lat, :lon, :municipality, :owner, cast(:capabilities as text[]),
                            :persons, :overnight, :generator, :fuel, cast(:communications as text[]), :contact, :opening,
                            :public, :demo, :status, :occupancy, :message, cast(:unavailable as text[]), :confirmedAt, :confirmedAt,
                            :confirmedBy, :now, :now)
                        returning id""")
                .params(registrationParams(r))
                .param("now", clockTime())
                .param("demo", demo)
                .param("status", live.status().code())
                .param("occupancy", live.occupancy())
                .param("message", live.message())
                .param("unavailable", codes(live.unavailable()))
                .param("confirmedAt", confirmedAt == null ? null : Timestamp.from(confirmedAt))
                .param("confirmedBy", confirmedBy)
                .query(Long.class).single();
    }

    /** Inserts generated demo points in one batch statement; each confirmed the given time before now. */
    void insertDemo(List<DemoNetwork.DemoPoint> points) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>(points.size());
        for (DemoNetwork.DemoPoint point : points) {
            Map<String, Object> params = registrationParams(point.registration());
            params.put("status", point.live().status().code());
            params.put("occupancy", point.live().occupancy());
            params.put("message", point.live().message());
            params.put("unavailable", codes(point.live().unavailable()));
            params.put("confirmedAt", Timestamp.from(now.minus(point.confirmedAgo())));
            params.put("now", Timestamp.from(now));
            rows.add(params);
        }
        batch.batchUpdate("""
                        insert into support_point (name, tier, building_kind, address, lat, lon, municipality_code,
                            owner_organisation, capabilities, capacity_persons, capacity_overnight, generator,
                            fuel_autonomy_hours, communications, contact, opening, public, demo, status, occupancy,
                            message, unavailable, status_confirmed_at, status_received_at, status_confirmed_by, created_at, updated_at)
                        values (:name, :tier, :kind, :address, :lat, :lon, :municipality, :owner, cast(:capabilities as text[]),
                            :persons, :overnight, :generator, :fuel, cast(:communications as text[]), :contact, :opening,
                            :public, true, :status, :occupancy, :message, cast(:unavailable as text[]),
                            :confirmedAt, :confirmedAt, 'demo', :now, :now)""",
                rows.stream().map(MapSqlParameterSource::new).toArray(SqlParameterSource[]::new));
    }

    void update(long id, Registration r) {
        jdbc.sql("""
                        update support_point set name = :name, tier = :tier, building_kind = :kind, address = :address,
                            lat = :lat, lon = :lon, municipality_code = :municipality, owner_organisation = :owner,
                            capabilities = cast(:capabilities as text[]), capacity_persons = :persons,
                            capacity_overnight = :overnight, generator = :generator, fuel_autonomy_hours = :fuel,
                            communications = cast(:communications as text[]), contact = :contact, opening = :opening,
                            public = :public,
                            unavailable = array(select u from unnest(unavailable) u where u = any(cast(:capabilities as text[]))),
                            version = version + 1, updated_at = :now
                        where id = :id""")
                .params(registrationParams(r))
                .param("now", clockTime())
                .param("id", id)
                .update();
    }

    void retire(long id) {
        jdbc.sql("update support_point set retired_at = :now, version = version + 1, updated_at = :now where id = :id")
                .param("now", clockTime()).param("id", id).update();
    }

    /**
     * How a status came in: observed at the point at one moment, received at another; its channel,
     * who at the point reported it (relayed statuses) and the client's idempotency key (or null).
     */
    record StatusReport(Instant observedAt, Instant receivedAt, StatusChannel channel, String reportedBy,
                        String idempotencyKey) {

        static StatusReport direct(Instant now) {
            return new StatusReport(now, now, StatusChannel.DIRECT, null, null);
        }
    }

    /** Sets the status, observed and received at the report's moments, and keeps it in the history. */
    void setStatus(long id, LiveStatus live, String actor, String organisation, String requestId, StatusReport report) {
        Timestamp observed = Timestamp.from(report.observedAt());
        Timestamp received = Timestamp.from(report.receivedAt());
        jdbc.sql("""
                        update support_point set status = :status, occupancy = :occupancy, message = :message,
                            unavailable = cast(:unavailable as text[]), status_confirmed_at = :observed,
                            status_received_at = :received, status_confirmed_by = :actor, version = version + 1,
                            updated_at = :received
                        where id = :id""")
                .param("observed", observed)
                .param("received", received)
                .param("status", live.status().code())
                .param("occupancy", live.occupancy())
                .param("message", live.message())
                .param("unavailable", codes(live.unavailable()))
                .param("actor", actor)
                .param("id", id)
                .update();
        jdbc.sql("""
                        insert into support_point_status (point_id, at, observed_at, status, occupancy, message, unavailable,
                            actor, organisation, request_id, channel, reported_by, idempotency_key)
                        values (:id, :received, :observed, :status, :occupancy, :message, cast(:unavailable as text[]), :actor,
                            :organisation, :requestId, :channel, :reportedBy, :key)""")
                .param("id", id)
                .param("received", received)
                .param("observed", observed)
                .param("status", live.status().code())
                .param("occupancy", live.occupancy())
                .param("message", live.message())
                .param("unavailable", codes(live.unavailable()))
                .param("actor", actor)
                .param("organisation", organisation)
                .param("requestId", requestId)
                .param("channel", report.channel().code())
                .param("reportedBy", report.reportedBy())
                .param("key", report.idempotencyKey())
                .update();
    }

    /** Whether a status with this idempotency key was already set on the point: a retry of it has no second effect. */
    boolean statusKeyUsed(long id, String idempotencyKey) {
        return jdbc.sql("select exists (select 1 from support_point_status where point_id = :id and idempotency_key = :key)")
                .param("id", id).param("key", idempotencyKey).query(Boolean.class).single();
    }

    /** Ids of the points whose status this user set at least once: a volunteer's own points. */
    Set<Long> pointsReportedBy(String username) {
        return new HashSet<>(jdbc.sql("select distinct point_id from support_point_status where actor = :actor")
                .param("actor", username).query(Long.class).list());
    }

    Optional<SupportPoint> find(long id) {
        return jdbc.sql("select * from support_point where id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the row until the transaction ends, so two writers cannot both pass the If-Match check. */
    Optional<SupportPoint> findForUpdate(long id) {
        return jdbc.sql("select * from support_point where id = :id for update").param("id", id).query(this::map).optional();
    }

    List<SupportPoint> findByIds(Collection<Long> ids) {
        return jdbc.sql("select * from support_point where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(this::map).list();
    }

    /** Every point still in use that the public may see: what the finder indexes. */
    List<SupportPoint> findAllPublicInUse() {
        return jdbc.sql("select * from support_point where public and retired_at is null order by id").query(this::map).list();
    }

    List<SupportPoint> select(Selection selection) {
        StringBuilder sql = new StringBuilder("select * from support_point where retired_at is null");
        Map<String, Object> params = new HashMap<>();
        if (selection.municipalities() != null) {
            sql.append(" and municipality_code = any(:municipalities)");
            params.put("municipalities", selection.municipalities().toArray(String[]::new));
        }
        if (selection.status() != null) {
            sql.append(" and status = :status");
            params.put("status", selection.status().code());
        }
        if (!selection.includeNonPublic()) {
            sql.append(" and public");
        } else if (selection.nonPublicAreas() != null) {
            sql.append(" and (public or municipality_code = any(:nonPublicAreas))");
            params.put("nonPublicAreas", selection.nonPublicAreas().toArray(String[]::new));
        }
        sql.append(" order by municipality_code, name, id");
        // What anyone may read (lists and exports) may come from a standby; what staff see comes from the primary.
        JdbcClient reader = selection.includeNonPublic() ? jdbc : publicReads.jdbc();
        return reader.sql(sql.toString()).params(params).query(this::map).list();
    }

    /** Ids of the points in use in some municipalities, locked for a bulk status change. */
    List<Long> lockInUse(Set<String> municipalities) {
        return jdbc.sql("""
                        select id from support_point where retired_at is null and municipality_code = any(:m)
                        order by id for update""")
                .param("m", municipalities.toArray(String[]::new)).query(Long.class).list();
    }

    List<StatusChange> history(long id, int limit) {
        return jdbc.sql("""
                        select at, status, occupancy, message, unavailable, actor, organisation, observed_at, channel,
                            reported_by
                        from support_point_status where point_id = :id order by at desc, id desc limit :limit""")
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new StatusChange(rs.getTimestamp("at").toInstant(), parse(PointStatus.class, rs.getString("status")),
                        rs.getInt("occupancy"), rs.getString("message"), enums(Capability.class, rs.getArray("unavailable")),
                        rs.getString("actor"), rs.getString("organisation"), rs.getTimestamp("observed_at").toInstant(),
                        parse(StatusChannel.class, rs.getString("channel")), rs.getString("reported_by")))
                .list();
    }

    long countDemo() {
        return jdbc.sql("select count(*) from support_point where demo").query(Long.class).single();
    }

    boolean anyPointEver() {
        return jdbc.sql("select exists (select 1 from support_point)").query(Boolean.class).single();
    }

    private Timestamp clockTime() {
        return Timestamp.from(clock.instant());
    }

    private Map<String, Object> registrationParams(Registration r) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", r.name());
        params.put("tier", r.tier().code());
        params.put("kind", r.buildingKind().code());
        params.put("address", r.address());
        params.put("lat", r.lat());
        params.put("lon", r.lon());
        params.put("municipality", r.municipality());
        params.put("owner", r.ownerOrganisation());
        params.put("capabilities", codes(r.capabilities()));
        params.put("persons", r.capacity().persons());
        params.put("overnight", r.capacity().overnight());
        params.put("generator", r.backupPower().generator());
        params.put("fuel", r.backupPower().fuelAutonomyHours());
        params.put("communications", codes(r.communications()));
        params.put("contact", r.contact());
        params.put("opening", r.opening());
        params.put("public", r.isPublic());
        return params;
    }

    private SupportPoint map(ResultSet rs, int row) throws SQLException {
        String municipality = rs.getString("municipality_code");
        Timestamp confirmed = rs.getTimestamp("status_confirmed_at");
        Timestamp received = rs.getTimestamp("status_received_at");
        Timestamp retired = rs.getTimestamp("retired_at");
        return new SupportPoint(rs.getLong("id"), rs.getString("name"), parse(Tier.class, rs.getString("tier")),
                parse(BuildingKind.class, rs.getString("building_kind")), rs.getString("address"),
                rs.getDouble("lat"), rs.getDouble("lon"), municipality,
                areas.municipality(municipality).map(Municipality::regionCode).orElse(null),
                rs.getString("owner_organisation"), enums(Capability.class, rs.getArray("capabilities")),
                new SupportPoint.Capacity(integer(rs, "capacity_persons"), integer(rs, "capacity_overnight")),
                new SupportPoint.BackupPower(rs.getBoolean("generator"), integer(rs, "fuel_autonomy_hours")),
                enums(Communication.class, rs.getArray("communications")), rs.getString("contact"), rs.getString("opening"),
                rs.getBoolean("public"), rs.getBoolean("demo"), parse(PointStatus.class, rs.getString("status")),
                rs.getInt("occupancy"), rs.getString("message"), enums(Capability.class, rs.getArray("unavailable")),
                confirmed == null ? null : confirmed.toInstant(), received == null ? null : received.toInstant(),
                retired == null ? null : retired.toInstant(),
                rs.getLong("version"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        return Codes.parse(type, code).orElseThrow(() -> new IllegalStateException(
                "the database holds " + type.getSimpleName() + " '" + code + "', which the code does not know"));
    }

    private static <E extends Enum<E>> List<E> enums(Class<E> type, Array array) throws SQLException {
        List<E> values = new ArrayList<>();
        for (Object code : (Object[]) array.getArray()) {
            values.add(parse(type, (String) code));
        }
        return List.copyOf(values);
    }

    private static String[] codes(List<? extends Enum<?>> values) {
        return values.stream().map(Codes::of).toArray(String[]::new);
    }
}
