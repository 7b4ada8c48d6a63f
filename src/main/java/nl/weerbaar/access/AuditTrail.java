package nl.weerbaar.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * entry exists exactly when the change it describes was committed.
 */
@Service
public class AuditTrail {

    static final String GENESIS_HASH = "0".repeat(64);

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

    public record Entry(long seq, Instant at, String actor, String organisation, String areaCode, String action,
                        String entityType, String entityId, String before, String after, String requestId,
                        String prevHash, String hash) {}

    public record Query(String entityType, String entityId, String actor, Instant from, Instant to,
                        Long afterSeq, int limit) {}

    public record BrokenLink(long seq, String problem) {}

    public record Verification(long entries, Optional<BrokenLink> firstBroken) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    /** Records a change made by the current actor. Must run inside the transaction of the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Change change) {
        record(access.currentActorOrSystem(), change);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, Change change) {
        // The chain has one head: writers take their turn, until their transaction ends.
        jdbc.sql("select pg_advisory_xact_lock(7236512001)").query().singleValue();
        // Read once the lock is held, so entries' times follow their order; in microseconds, as stored and hashed.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                with head as (select seq, hash from audit_entry order by seq desc limit 1),
                     entry as (select coalesce((select seq from head), 0) + 1 as seq,
                                      cast(:at as timestamptz) as at,
                                      coalesce((select hash from head), :genesis) as prev_hash)
                insert into audit_entry (seq, at, actor, organisation, area_code, action, entity_type, entity_id,
                                         before, after, request_id, prev_hash, hash)
                select seq, at, :actor, :organisation, :area, :action, :entityType, :entityId,
                       cast(:before as jsonb), cast(:after as jsonb), :requestId, prev_hash,
                       audit_entry_hash(seq, at, :actor, :organisation, :area, :action, :entityType, :entityId,
                                        cast(:before as jsonb), cast(:after as jsonb), :requestId, prev_hash)
                from entry
                """)
                .param("genesis", GENESIS_HASH)
                .param("at", Timestamp.from(at))
                .param("actor", actor.username())
                .param("organisation", actor.organisation())
                .param("area", change.areaCode())
                .param("action", change.action())
                .param("entityType", change.entityType())
                .param("entityId", change.entityId())
                .param("before", toJson(change.before()))
                .param("after", toJson(change.after()))
                .param("requestId", RequestId.current())
                .update();
    }

    /** Entries, oldest first, that the current actor may see: those in their organisation's area. */
    @Transactional(readOnly = true)
    public List<Entry> find(Query query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select * from audit_entry where seq > :afterSeq");
        params.put("afterSeq", query.afterSeq() == null ? 0L : query.afterSeq());
        access.areasInScope(access.currentActor()).ifPresent(areas -> {
            sql.append(" and area_code = any(:areas)");
            params.put("areas", areas.toArray(String[]::new));
        });
        condition(sql, params, "entity_type", "entityType", query.entityType());
        condition(sql, params, "entity_id", "entityId", query.entityId());
        condition(sql, params, "actor", "actor", query.actor());
        if (query.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        sql.append(" order by seq limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("organisation"), rs.getString("area_code"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("before"),
                        rs.getString("after"), rs.getString("request_id"), rs.getString("prev_hash"), rs.getString("hash")))
                .list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    /** Walks the whole chain and reports the first entry whose hash or link does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        long[] count = {0};
        BrokenLink[] broken = {null};
        jdbc.sql("""
                select seq, prev_hash, hash,
                       lag(seq) over (order by seq) as prior_seq,
                       lag(hash) over (order by seq) as prior_hash,
                       audit_entry_hash(seq, at, actor, organisation, area_code, action, entity_type, entity_id,
                                        before, after, request_id, prev_hash) as recomputed
                from audit_entry order by seq
                """)
                .query(rs -> {
                    count[0]++;
                    if (broken[0] != null) {
                        return;
                    }
                    long seq = rs.getLong("seq");
                    long expectedSeq = rs.getObject("prior_seq") == null ? 1 : rs.getLong("prior_seq") + 1;
                    String expectedPrev = rs.getString("prior_hash") == null ? GENESIS_HASH : rs.getString("prior_hash");
                    if (seq != expectedSeq) {
                        broken[0] = new BrokenLink(expectedSeq, "entry " + expectedSeq + " is missing: the next entry is " + seq);
                    } else if (!rs.getString("recomputed").equals(rs.getString("hash"))) {
                        broken[0] = new BrokenLink(seq, "entry " + seq + " was altered: its content no longer matches its hash");
                    } else if (!expectedPrev.equals(rs.getString("prev_hash"))) {
                        broken[0] = new BrokenLink(seq, "entry " + seq + " does not link to entry " + (seq - 1));
                    }
                });
        return new Verification(count[0], Optional.ofNullable(broken[0]));
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
