package nl.weerbaar.system;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand that needs neither the database nor the application context, such as checking a
 * bulletin against an exported key set on a computer without Weerbaar's data. Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services}), before anything is started.
 */
public interface OfflineCommand {

    /** Whether this command takes these arguments (the whole command line, without {@code --data}). */
    boolean handles(List<String> args);

    /** Runs it; returns the process exit code. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
