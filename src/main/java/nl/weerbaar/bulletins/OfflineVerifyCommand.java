package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.util.List;
import nl.weerbaar.system.OfflineCommand;

/**
 * {@code ./weerbaar verify FILE --keys keyset.json}: checks a bulletin against an exported key set
 * only, without starting the database, so it works on any computer with Java.
 */
public final class OfflineVerifyCommand implements OfflineCommand {

    @Override
    public boolean handles(List<String> args) {
        return !args.isEmpty() && args.getFirst().equals("verify")
                && args.stream().anyMatch(a -> a.equals("--keys") || a.startsWith("--keys="));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return VerdictReport.verify(args.subList(1, args.size()), VerdictReport::fromKeySetFile, out, err);
    }
}
