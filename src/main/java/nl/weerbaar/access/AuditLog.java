package nl.weerbaar.access;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The log as a client sees it: the latest signed tree head and the proofs that tie entries and heads together. */
@Service
public class AuditLog {

    private final AuditLogRepository log;
    private final AuditTrail trail;
    private final AccessControl access;

    AuditLog(AuditLogRepository log, AuditTrail trail, AccessControl access) {
        this.log = log;
        this.trail = trail;
        this.access = access;
    }

    /**
     * That an entry is leaf {@code leafIndex} of the tree of {@code treeSize} leaves.
     *
     * @param canonicalEntry the text whose SHA-256 after a 0x00 byte is the leaf hash
     */
    public record InclusionProof(long seq, long leafIndex, long treeSize, byte[] leafHash, String canonicalEntry, List<byte[]> auditPath) {}

    public Optional<SignedTreeHead> latestHead() {
        return log.latestHead();
    }

    /** @param entries every entry written; @param unsequenced those not yet in a signed tree head */
    public record Size(long entries, long unsequenced, long bytes) {}

    /** Cheap: the number of leaves and the queue, not a count of every entry. */
    @Transactional(readOnly = true)
    public Size size() {
        long unsequenced = log.lag().entries();
        return new Size(log.leafCount() + unsequenced, unsequenced, log.tableBytes());
    }

    /** For admins, of entries they may read; against the latest head unless a (signed) size is given. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InclusionProof inclusionProof(long seq, Long treeSize) {
        access.requireRole(Role.ADMIN);
        AuditTrail.Entry entry = trail.find(seq).orElseThrow(() ->
                new NotFound("no audit entry " + seq + " in your organisation's scope"));
        long latestSize = requireLatestHead().treeSize();
        long leafIndex = log.leafIndexOf(seq).orElseThrow(() -> new NotFound("audit entry " + seq + " is not in the log yet: it is sequenced within a second, ask again"));
        long size = treeSize == null ? latestSize : treeSize;
        new InputCheck()
                .require(size <= latestSize, "treeSize", "must not exceed the latest signed tree head's size " + latestSize)
                .require(size > leafIndex, "treeSize", "must be larger than the entry's leaf index " + leafIndex)
                .orThrow();
        return new InclusionProof(seq, leafIndex, size, Base64.getDecoder().decode(entry.leafHash()),
                trail.canonicalText(seq), new MerkleTree(log::node).inclusionProof(leafIndex, size));
    }

    /** Public: it shows how two heads relate, nothing of any entry. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<byte[]> consistencyProof(long first, long second) {
        long latestSize = requireLatestHead().treeSize();
        new InputCheck()
                .require(first >= 0, "first", "must not be negative")
                .require(first <= second, "first", "must not exceed second")
                .require(second <= latestSize, "second", "must not exceed the latest signed tree head's size " + latestSize)
                .orThrow();
        return new MerkleTree(log::node).consistencyProof(first, second);
    }

    private SignedTreeHead requireLatestHead() {
        return log.latestHead().orElseThrow(() ->
                new NotFound("no tree head has been signed yet; ask again in a second"));
    }
}
