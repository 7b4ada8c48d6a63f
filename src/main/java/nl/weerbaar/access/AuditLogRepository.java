package nl.weerbaar.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log's own tables: the queue of unsequenced entries, the leaves, the complete subtrees and the signed heads. */
@Repository
class AuditLogRepository {

    /** Held by the one sequencer at a time, for the length of its transaction. Writers never take it. */
    static final long SEQUENCER_LEASE = 7236512002L;

    private final JdbcClient jdbc;

    AuditLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PendingEntry(long seq, byte[] leafHash) {}

    record Lag(long entries, Optional<Timestamp> oldest) {}

    boolean tryTakeSequencerLease() {
        return jdbc.sql("select pg_try_advisory_xact_lock(:lease)").param("lease", SEQUENCER_LEASE)
                .query(Boolean.class).single();
    }

    /** Takes the oldest committed, unsequenced entries off the queue, lowest seq first. */
    List<PendingEntry> takePending(int limit) {
        return jdbc.sql("""
                        with taken as (delete from audit_pending
                                       where seq in (select seq from audit_pending order by seq limit :limit)
                                       returning seq)
                        select e.seq, e.leaf_hash from taken join audit_entry e using (seq) order by e.seq""")
                .param("limit", limit)
                .query((rs, n) -> new PendingEntry(rs.getLong(1), rs.getBytes(2)))
                .list();
    }

    Lag lag() {
        return jdbc.sql("select count(*), min(e.at) from audit_pending p join audit_entry e using (seq)")
                .query((rs, n) -> new Lag(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2))))
                .single();
    }

    /** The audit tables on disk, indexes included. */
    long tableBytes() {
        return jdbc.sql("""
                        select sum(pg_total_relation_size(c)) from unnest(array['audit_entry', 'audit_pending', 'audit_leaf',
                            'audit_tree_node', 'audit_tree_head']::regclass[]) c""")
                .query(Long.class).single();
    }

    long leafCount() {
        return jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from audit_leaf").query(Long.class).single();
    }

    void appendLeaves(long firstIndex, List<PendingEntry> entries) {
        jdbc.sql("insert into audit_leaf (leaf_index, seq) select :first + n - 1, seq from unnest(cast(:seqs as bigint[])) with ordinality as s(seq, n)")
                .param("first", firstIndex)
                .param("seqs", entries.stream().map(PendingEntry::seq).toArray(Long[]::new))
                .update();
    }

    /** Stores complete subtrees of one level; hashes as hex, because a text array travels to PostgreSQL plainly. */
    void insertNodes(int level, long firstIndex, List<byte[]> hashes) {
        HexFormat hex = HexFormat.of();
        jdbc.sql("""
                        insert into audit_tree_node (level, idx, hash)
                        select :level, :first + n - 1, decode(h, 'hex') from unnest(cast(:hashes as text[])) with ordinality as s(h, n)""")
                .param("level", level).param("first", firstIndex)
                .param("hashes", hashes.stream().map(hex::formatHex).toArray(String[]::new))
                .update();
    }

    List<byte[]> nodes(int level, long fromIndex, long toIndex) {
        return jdbc.sql("select hash from audit_tree_node where level = :level and idx >= :from and idx < :to order by idx")
                .param("level", level).param("from", fromIndex).param("to", toIndex)
                .query((rs, n) -> rs.getBytes(1)).list();
    }

    byte[] node(int level, long index) {
        return jdbc.sql("select hash from audit_tree_node where level = :level and idx = :index")
                .param("level", level).param("index", index)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new IllegalStateException("the audit tree lacks node " + level + "/" + index));
    }

    void insertHead(SignedTreeHead head) {
        jdbc.sql("insert into audit_tree_head (tree_size, root_hash, at, key_id, signature) values (:size, :root, :at, :kid, :signature)")
                .param("size", head.treeSize()).param("root", head.rootHash()).param("at", Timestamp.from(head.timestamp()))
                .param("kid", head.keyId()).param("signature", head.signature())
                .update();
    }

    Optional<SignedTreeHead> latestHead() {
        return jdbc.sql("select * from audit_tree_head order by tree_size desc limit 1").query(AuditLogRepository::head).optional();
    }

    Optional<Long> leafIndexOf(long seq) {
        return jdbc.sql("select leaf_index from audit_leaf where seq = :seq").param("seq", seq).query(Long.class).optional();
    }

    private static SignedTreeHead head(ResultSet rs, int row) throws SQLException {
        return new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getTimestamp("at").toInstant(),
                rs.getString("key_id"), rs.getBytes("signature"));
    }
}
