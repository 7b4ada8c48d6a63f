package nl.weerbaar.bulletins;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar verify FILE}: checks a bulletin against the keys in this server's database. */
@Component
class VerifyCommand implements CliCommand {

    private final Bulletins bulletins;
    private final Clock clock;
    private final VerdictWords words;

    VerifyCommand(Bulletins bulletins, VerdictWords words, Clock clock) {
        this.words = words;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "FILE [--keys keyset.json]: is this CAP bulletin genuine? one exit code per verdict, 0 only if genuine (see verify without FILE)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        return VerdictReport.verify(args, arguments -> arguments.option("keys").isPresent()
                ? VerdictReport.fromKeySetFile(arguments) : bulletins.trustedKeys(), words, clock, out, err);
    }
}
