package nl.weerbaar.access;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the whole log from its entries up, trusting no stored hash: every leaf is recomputed
 * from its entry (an edited entry shows), leaf indexes must run without gaps and name existing
 * entries (a deleted one shows), the recomputed root must be the one the latest head signed (an
 * entry slipped into the past shows), and a head kept from earlier must be extended by the log
 * (cutting off the newest entries shows).
 */
@Service
public class AuditLogVerifier {

    private final JdbcClient jdbc;
    private final AuditLogRepository log;
    private final TreeHeadSigner signer;

    AuditLogVerifier(JdbcClient jdbc, AuditLogRepository log, TreeHeadSigner signer) {
        this.jdbc = jdbc;
        this.log = log;
        this.signer = signer;
    }

    /** The first thing found wrong, with the entry and leaf concerned where there is one. */
    public record Problem(Long seq, Long leafIndex, String problem) {}

    /**
     * @param entries  every entry written, sequenced or still waiting
     * @param treeSize the leaves in the log
     */
    public record Verification(long entries, long treeSize, Optional<SignedTreeHead> latestHead, Optional<Problem> firstProblem) {
        public boolean intact() {
            return firstProblem.isEmpty();
        }
    }

    /** One snapshot of the log (repeatable read), so a sequencer committing meanwhile is not seen halfway. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Optional<SignedTreeHead> savedHead) {
        long entries = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        List<byte[]> leaves = new ArrayList<>();
        Optional<SignedTreeHead> latest = log.latestHead();
        Optional<Problem> problem = recomputeLeaves(leaves)
                .or(this::entryOutsideTheLog)
                .or(() -> checkLatestHead(latest, leaves))
                .or(() -> savedHead.flatMap(saved -> checkExtends(saved, latest, leaves)));
        return new Verification(entries, leaves.size(), latest, problem);
    }

    private Optional<Problem> recomputeLeaves(List<byte[]> leaves) {
        Problem[] first = {null};
        jdbc.sql("""
                select l.leaf_index, l.seq, e.seq is not null as present, e.leaf_hash,
                       audit_entry_leaf_hash(e.seq, e.at, e.actor, e.organisation, e.area_code, e.action, e.entity_type,
                                             e.entity_id, e.before, e.after, e.request_id) as recomputed
                from audit_leaf l left join audit_entry e on e.seq = l.seq
                order by l.leaf_index
                """)
                .query(rs -> {
                    if (first[0] != null) {
                        return;
                    }
                    long index = rs.getLong("leaf_index");
                    long seq = rs.getLong("seq");
                    byte[] recomputed = rs.getBytes("recomputed");
                    if (index != leaves.size()) {
                        first[0] = new Problem(null, (long) leaves.size(),
                                "leaf " + leaves.size() + " is missing: the next leaf is " + index);
                    } else if (!rs.getBoolean("present")) {
                        first[0] = new Problem(seq, index, "entry " + seq + " (leaf " + index + ") is missing: it was deleted");
                    } else if (!MessageDigest.isEqual(recomputed, rs.getBytes("leaf_hash"))) {
                        first[0] = new Problem(seq, index, "entry " + seq + " (leaf " + index
                                + ") was altered: its content no longer matches its leaf hash");
                    } else {
                        leaves.add(recomputed);
                    }
                });
        return Optional.ofNullable(first[0]);
    }

    /** Every entry is either a leaf or waiting for the sequencer; one that is neither was put in by hand. */
    private Optional<Problem> entryOutsideTheLog() {
        return jdbc.sql("""
                        select seq from audit_entry e
                        where not exists (select 1 from audit_leaf l where l.seq = e.seq)
                          and not exists (select 1 from audit_pending p where p.seq = e.seq)
                        order by seq limit 1""")
                .query(Long.class).optional()
                .map(seq -> new Problem(seq, null, "entry " + seq + " is in no leaf and not waiting to be sequenced: "
                        + "it was inserted past the log"));
    }

    private Optional<Problem> checkLatestHead(Optional<SignedTreeHead> latest, List<byte[]> leaves) {
        if (latest.isEmpty()) {
            return leaves.isEmpty() ? Optional.empty()
                    : problem("no signed tree head covers the " + leaves.size() + " leaves of the log");
        }
        SignedTreeHead head = latest.get();
        if (head.treeSize() != leaves.size()) {
            return problem("the log has " + leaves.size() + " leaves but its latest signed tree head covers " + head.treeSize());
        }
        if (!MessageDigest.isEqual(MerkleTree.inMemory(leaves).rootHash(leaves.size()), head.rootHash())) {
            return problem("the " + leaves.size() + " leaves do not hash to the root of the signed tree head: "
                    + "an entry was inserted, removed or reordered");
        }
        if (!signer.verify(head.signedBytes(), head.signed(), head.timestamp())) {
            return problem("the signature of the tree head of size " + head.treeSize()
                    + " does not verify with national key " + head.keyId());
        }
        return Optional.empty();
    }

    private Optional<Problem> checkExtends(SignedTreeHead saved, Optional<SignedTreeHead> latestHead, List<byte[]> leaves) {
        if (!signer.verify(saved.signedBytes(), saved.signed(), saved.timestamp())) {
            return problem("the saved tree head of size " + saved.treeSize() + " is not signed by a national key");
        }
        if (latestHead.isEmpty() || saved.treeSize() > latestHead.get().treeSize()) {
            return problem("the log was cut off: it has " + leaves.size() + " leaves, fewer than the "
                    + saved.treeSize() + " of the saved tree head");
        }
        SignedTreeHead latest = latestHead.get();
        List<byte[]> proof = MerkleTree.inMemory(leaves).consistencyProof(saved.treeSize(), latest.treeSize());
        if (!MerkleProofs.verifyConsistency(saved.treeSize(), latest.treeSize(), saved.rootHash(), latest.rootHash(), proof)) {
            return problem("the log no longer extends the saved tree head of size " + saved.treeSize()
                    + ": the consistency proof to size " + latest.treeSize() + " fails");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String description) {
        return Optional.of(new Problem(null, null, description));
    }
}
