package nl.weerbaar.access;

import java.util.Optional;
import nl.weerbaar.system.IntegrityCheck;
import org.springframework.stereotype.Component;

/** The audit log as {@code ./weerbaar audit verify} checks it, for {@code ./weerbaar check} and every restore. */
@Component
class AuditIntegrityCheck implements IntegrityCheck {

    private final AuditLogVerifier verifier;
    private final AuditSequencer sequencer;

    AuditIntegrityCheck(AuditLogVerifier verifier, AuditSequencer sequencer) {
        this.verifier = verifier;
        this.sequencer = sequencer;
    }

    @Override
    public String name() {
        return "audit trail";
    }

    @Override
    public Outcome check() {
        sequencer.catchUp();
        AuditLogVerifier.Verification result = verifier.verify(Optional.empty());
        if (!result.intact()) {
            return new Outcome(false, result.firstProblem().orElseThrow().problem());
        }
        return new Outcome(true, "intact: %d entries, %d in the log; every leaf, the root and the signed tree head hold"
                .formatted(result.entries(), result.treeSize()));
    }
}
