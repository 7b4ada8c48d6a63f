package nl.weerbaar.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.system.InputCheck;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "The tamper-evident audit trail")
class AuditApi {

    private final AuditTrail audit;
    private final AccessControl access;

    AuditApi(AuditTrail audit, AccessControl access) {
        this.audit = audit;
        this.access = access;
    }

    record AuditPage(List<AuditTrail.Entry> items, Long nextAfterSeq) {}

    record ChainStatus(boolean intact, long entries, AuditTrail.BrokenLink firstBroken) {}

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
    @Operation(operationId = "verifyAuditChain", summary = "Check the whole hash chain; national admins only")
    ChainStatus verify() {
        access.require(Role.ADMIN, "NL");
        AuditTrail.Verification result = audit.verify();
        return new ChainStatus(result.intact(), result.entries(), result.firstBroken().orElse(null));
    }
}
