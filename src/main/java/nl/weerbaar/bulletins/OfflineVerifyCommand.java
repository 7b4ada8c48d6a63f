package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import nl.weerbaar.system.ApplicationClock;
import nl.weerbaar.system.OfflineCommand;

/**
 * {@code ./weerbaar verify FILE --keys keyset.json}: checks a bulletin against an exported key set
 * only, without starting the database, so it works on any computer with Java.
 */
public final class OfflineVerifyCommand implements OfflineCommand {

    /** Whether a bulletin is still in force is judged at this clock's time. */
    private final Clock clock;

    /** For {@link java.util.ServiceLoader}: no application context, so the clock comes from the environment. */
    public OfflineVerifyCommand() {
        this(ApplicationClock.fromEnvironment());
    }

    OfflineVerifyCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean handles(List<String> args) {
        return !args.isEmpty() && args.getFirst().equals("verify")
                && args.stream().anyMatch(a -> a.equals("--keys") || a.startsWith("--keys="));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return VerdictReport.verify(args.subList(1, args.size()), VerdictReport::fromKeySetFile, VerdictWords.fromBundles(), clock,
                out, err);
    }
}
