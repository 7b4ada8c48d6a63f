package nl.weerbaar.system;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar check}: every module's integrity check on the whole database; exit 0 when all hold, 1 otherwise. */
@Component
class CheckCommand implements CliCommand {

    private final List<IntegrityCheck> checks;

    CheckCommand(List<IntegrityCheck> checks) {
        this.checks = checks.stream().sorted(Comparator.comparing(IntegrityCheck::name)).toList();
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check the audit trail and that every stock balance equals the sum of its events (a restore runs this too)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("usage: ./weerbaar check");
            return 2;
        }
        boolean allHold = true;
        for (IntegrityCheck check : checks) {
            IntegrityCheck.Outcome outcome = check.check();
            out.printf("%s %s: %s%n", outcome.holds() ? "OK    " : "BROKEN", check.name(), outcome.sentence());
            allHold &= outcome.holds();
        }
        out.println(allHold ? "Every check holds." : "NOT every check holds: see BROKEN above.");
        return allHold ? 0 : 1;
    }
}
