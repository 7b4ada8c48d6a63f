package nl.weerbaar.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.system.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident record of every write. Callers record inside their own transaction, so an
 * entry exists exactly when the change it describes was committed. Writers do not wait for each
 * other: an entry takes a number from a sequence and its leaf hash, and joins the queue that the
 * {@link AuditSequencer} turns into the signed Merkle tree of the log.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccessControl access;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, AccessControl access, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
        this.clock = clock;
    }

    /** What changed: an action on an entity in an area, with its state before and after (null where none). */
    public record Change(String action, String entityType, String entityId, String areaCode, Object before, Object after) {}

    /**
     * An entry as recorded, with its place in the log once sequenced.
     *
     * @param leafIndex null until the sequencer has placed the entry in the tree
     * @param leafHash  base64 of SHA-256(0x00 || the entry's canonical text)
     */
    public record Entry(long seq, Instant at, String actor, String organisation, String areaCode, String action,
                        String entityType, String entityId, String before, String after, String requestId,
                        Long leafIndex, String leafHash) {}

    public record Query(String entityType, String entityId, String actor, Instant from, Instant to,
                        Long afterSeq, int limit) {}

    /** Records a change made by the current actor. Must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Change change) {
        record(access.currentActorOrSystem(), change);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, Change change) {
        recordAll(actor, List.of(change));
    }

    /** Records many changes made by the current actor in one statement, e.g. the events of a stock batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> changes) {
        recordAll(access.currentActorOrSystem(), changes);
    }

    /**
     * Records many changes in one statement: each entry takes its own number and leaf hash, as one
     * recorded alone would. Must run inside the transaction of the changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Actor actor, List<Change> changes) {
        String requestId = RequestId.current();
        recordAttributed(changes.stream().map(change -> new Attributed(actor, requestId, change)).toList());
    }

    /** A change with who made it and in which request, for work that records for several requests at once. */
    public record Attributed(Actor actor, String requestId, Change change) {}

    /**
     * Records changes of several actors and requests in one statement, e.g. the stock events that
     * many requests booked together in one transaction. Must run inside the transaction of the changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAttributed(List<Attributed> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // PostgreSQL keeps microseconds: the leaf hash is made from the time as stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                with entry as (
                         select nextval('audit_entry_seq') as seq, t.*
                         from unnest(cast(:actors as text[]), cast(:organisations as text[]), cast(:requestIds as text[]),
                                     cast(:areas as text[]), cast(:actions as text[]), cast(:entityTypes as text[]),
                                     cast(:entityIds as text[]), cast(cast(:befores as text[]) as jsonb[]),
                                     cast(cast(:afters as text[]) as jsonb[]))
                              as t(actor, organisation, request_id, area, action, entity_type, entity_id, before, after)),
                     inserted as (
                         insert into audit_entry (seq, at, actor, organisation, area_code, action, entity_type, entity_id,
                                                  before, after, request_id, leaf_hash)
                         select seq, cast(:at as timestamptz), actor, organisation, area, action, entity_type, entity_id,
                                before, after, request_id,
                                audit_entry_leaf_hash(seq, cast(:at as timestamptz), actor, organisation, area, action, entity_type,
                                                      entity_id, before, after, request_id)
                         from entry
                         returning seq)
                insert into audit_pending (seq) select seq from inserted
                """)
                .param("at", Timestamp.from(at))
                .param("actors", entries.stream().map(entry -> entry.actor().username()).toArray(String[]::new))
                .param("organisations", entries.stream().map(entry -> entry.actor().organisation()).toArray(String[]::new))
                .param("requestIds", entries.stream().map(Attributed::requestId).toArray(String[]::new))
                .param("areas", entries.stream().map(entry -> entry.change().areaCode()).toArray(String[]::new))
                .param("actions", entries.stream().map(entry -> entry.change().action()).toArray(String[]::new))
                .param("entityTypes", entries.stream().map(entry -> entry.change().entityType()).toArray(String[]::new))
                .param("entityIds", entries.stream().map(entry -> entry.change().entityId()).toArray(String[]::new))
                .param("befores", entries.stream().map(entry -> toJson(entry.change().before())).toArray(String[]::new))
                .param("afters", entries.stream().map(entry -> toJson(entry.change().after())).toArray(String[]::new))
                .update();
    }

    /** Entries, oldest first, that the current actor may see: those in their organisation's area. */
    @Transactional(readOnly = true)
    public List<Entry> find(Query query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = visibleEntries(params).append(" and e.seq > :afterSeq");
        params.put("afterSeq", query.afterSeq() == null ? 0L : query.afterSeq());
        condition(sql, params, "e.entity_type", "entityType", query.entityType());
        condition(sql, params, "e.entity_id", "entityId", query.entityId());
        condition(sql, params, "e.actor", "actor", query.actor());
        if (query.from() != null) {
            sql.append(" and e.at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and e.at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        sql.append(" order by e.seq limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params).query(AuditTrail::entry).list();
    }

    /** One entry, when the current actor may see it. */
    @Transactional(readOnly = true)
    public Optional<Entry> find(long seq) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = visibleEntries(params).append(" and e.seq = :seq");
        params.put("seq", seq);
        return jdbc.sql(sql.toString()).params(params).query(AuditTrail::entry).optional();
    }

    /** The exact text whose leaf hash is in the log, so anyone can recompute it. */
    String canonicalText(long seq) {
        return jdbc.sql("""
                        select audit_entry_canonical(seq, at, actor, organisation, area_code, action, entity_type, entity_id,
                                                     before, after, request_id)
                        from audit_entry where seq = :seq""")
                .param("seq", seq).query(String.class).single();
    }

    private StringBuilder visibleEntries(Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(
                "select e.*, l.leaf_index from audit_entry e left join audit_leaf l on l.seq = e.seq where true");
        access.areasInScope(access.currentActor()).ifPresent(areas -> {
            sql.append(" and e.area_code = any(:areas)");
            params.put("areas", areas.toArray(String[]::new));
        });
        return sql;
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("organisation"), rs.getString("area_code"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before"),
                rs.getString("after"), rs.getString("request_id"), rs.getObject("leaf_index", Long.class),
                Base64.getEncoder().encodeToString(rs.getBytes("leaf_hash")));
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
