package nl.weerbaar.system;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * What a person sees when a command meets an error nobody foresaw: one sentence with what failed,
 * what to do and a log id; the stack trace goes to the log file under the data folder only.
 */
final class CommandFailure {

    private CommandFailure() {}

    /** The log file of commands run on this data folder. */
    static Path logFile(Path dataDir) {
        return dataDir.resolve("logs").resolve("weerbaar.log").toAbsolutePath().normalize();
    }

    /** Writes the failure to the log, tells the person in one sentence; returns the exit code 1. */
    static int report(Exception failure, List<String> command, Path dataDir, PrintStream err) {
        String id = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        String name = command.isEmpty() ? "weerbaar" : String.join(" ", command.subList(0, Math.min(2, command.size())));
        String where = write(id, String.join(" ", command), failure, logFile(dataDir));
        err.printf("weerbaar: \"%s\" stopped on an unexpected error (log id %s, details in %s); "
                + "check its input and try again, and if it fails again, report the log id.%n", name, id, where);
        return 1;
    }

    /** Appends the stack trace to the log file; where that is impossible, to a file in the temporary folder. */
    private static String write(String id, String command, Exception failure, Path log) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String entry = "%s ERROR [%s] command \"%s\" failed%n%s".formatted(ApplicationClock.fromEnvironment().instant(), id, command, trace);
        for (Path file : List.of(log, Path.of(System.getProperty("java.io.tmpdir"), "weerbaar-" + id + ".log"))) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return file.toString();
            } catch (IOException | SecurityException e) {
                // try the next place
            }
        }
        return "no log file could be written";
    }
}
