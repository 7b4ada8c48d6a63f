package nl.weerbaar.access;

import java.io.PrintStream;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar audit verify}: exits 0 when the whole chain holds, 1 at the first broken link. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditTrail audit;

    AuditVerifyCommand(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String summary() {
        return "check the audit trail's hash chain; reports the first broken link";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        AuditTrail.Verification result = audit.verify();
        if (result.intact()) {
            out.printf("Audit trail intact: %d entries, every link holds.%n", result.entries());
            return 0;
        }
        AuditTrail.BrokenLink broken = result.firstBroken().orElseThrow();
        out.printf("Audit trail BROKEN at entry %d of %d: %s%n", broken.seq(), result.entries(), broken.problem());
        return 1;
    }
}
