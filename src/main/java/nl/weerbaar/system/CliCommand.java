package nl.weerbaar.system;

import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code ./weerbaar} other than {@code serve}. Modules contribute them as beans;
 * the launcher runs them in a context without a web server.
 */
public interface CliCommand {

    /** The words that select this command, e.g. {@code "user add"}. */
    String name();

    /** One line for the usage text. */
    String summary();

    /** Runs the command with the arguments after its name; returns the process exit code. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
