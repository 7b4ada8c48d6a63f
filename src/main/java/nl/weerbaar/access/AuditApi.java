package nl.weerbaar.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The audit log: entries, signed tree heads and Merkle proofs (after RFC 9162)")
class AuditApi {

    private final AuditTrail audit;
    private final AuditLog log;
    private final AuditLogVerifier verifier;
    private final AccessControl access;

    AuditApi(AuditTrail audit, AuditLog log, AuditLogVerifier verifier, AccessControl access) {
        this.audit = audit;
        this.log = log;
        this.verifier = verifier;
        this.access = access;
    }

    record AuditPage(List<AuditTrail.Entry> items, Long nextAfterSeq) {}

    record ChainStatus(boolean intact, long entries, long treeSize, AuditLogVerifier.Problem firstBroken) {}

    /** Hashes in base64, as Certificate Transparency logs give them. */
    record InclusionProofBody(long seq, long leafIndex, long treeSize, String leafHash, String canonicalEntry, List<String> auditPath) {}

    record ConsistencyProofBody(long first, long second, List<String> consistencyPath) {}

    @GetMapping
    @Operation(operationId = "listAuditEntries",
            summary = "Audit entries in the admin's scope, oldest first; page on with afterSeq")
    AuditPage list(@RequestParam(required = false) String entityType,
                   @RequestParam(required = false) String entityId,
                   @RequestParam(required = false) String actor,
                   @RequestParam(required = false) Instant from,
                   @RequestParam(required = false) Instant to,
                   @RequestParam(required = false) Long afterSeq,
                   @RequestParam(defaultValue = "100") int limit) {
        access.requireRole(Role.ADMIN);
        new InputCheck().require(limit >= 1 && limit <= 1000, "limit", "must be between 1 and 1000").orThrow();
        List<AuditTrail.Entry> entries = audit.find(new AuditTrail.Query(entityType, entityId, actor, from, to, afterSeq, limit));
        return new AuditPage(entries, entries.size() == limit ? entries.getLast().seq() : null);
    }

    @GetMapping("/verification")
    @Operation(operationId = "verifyAuditLog",
            summary = "Recompute every leaf, the root and the latest head's signature; national admins only")
    ChainStatus verify() {
        access.require(Role.ADMIN, "NL");
        AuditLogVerifier.Verification result = verifier.verify(Optional.empty());
        return new ChainStatus(result.intact(), result.entries(), result.treeSize(), result.firstProblem().orElse(null));
    }

    @GetMapping("/tree-head")
    @AnswersProblem(status = 404, when = "No tree head has been signed yet; ask again in a second")
    @Operation(operationId = "getAuditTreeHead",
            summary = "The latest signed tree head (size, root, time, national signature); public, it reveals no entry. "
                    + "Keep it, and later ask for a consistency proof from its size")
    SignedTreeHead.Json treeHead() {
        return log.latestHead().map(SignedTreeHead::toJson).orElseThrow(() ->
                new NotFound("no tree head has been signed yet; ask again in a second"));
    }

    @GetMapping("/entries/{seq}/inclusion-proof")
    @Operation(operationId = "getAuditInclusionProof",
            summary = "Proof that an entry is in the tree of treeSize leaves (default: the latest head); admins, for entries in their scope")
    InclusionProofBody inclusionProof(@PathVariable long seq,
                                      @RequestParam(required = false) @Parameter(description = "the size of a signed tree head") Long treeSize) {
        AuditLog.InclusionProof proof = log.inclusionProof(seq, treeSize);
        return new InclusionProofBody(proof.seq(), proof.leafIndex(), proof.treeSize(), base64(proof.leafHash()),
                proof.canonicalEntry(), proof.auditPath().stream().map(AuditApi::base64).toList());
    }

    @GetMapping("/consistency-proof")
    @Operation(operationId = "getAuditConsistencyProof",
            summary = "Proof that the tree of second leaves extends the tree of first leaves (RFC 9162 §2.1.4); public")
    ConsistencyProofBody consistencyProof(@RequestParam long first, @RequestParam long second) {
        return new ConsistencyProofBody(first, second,
                log.consistencyProof(first, second).stream().map(AuditApi::base64).toList());
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
