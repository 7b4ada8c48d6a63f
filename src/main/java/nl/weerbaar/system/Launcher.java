package nl.weerbaar.system;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nl.weerbaar.WeerbaarApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point behind {@code ./weerbaar}: {@code serve} starts the web application; every other
 * subcommand is a {@link CliCommand} run in a context without a web server.
 */
public final class Launcher {

    private Launcher() {}

    /** Returns an exit code, or empty when the web server keeps running. */
    public static Optional<Integer> run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        String dataDir = takeOption(args, "data").orElse("./data");
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.getFirst())) {
            return Optional.of(runCommand(List.of("help"), dataDir));
        }
        if (args.getFirst().equals("serve")) {
            String port = takeOption(args, "port").orElse("8080");
            if (args.size() > 1) {
                System.err.println("serve takes --port N and --data DIR, not: " + String.join(" ", args.subList(1, args.size())));
                return Optional.of(2);
            }
            new SpringApplicationBuilder(WeerbaarApplication.class)
                    .properties(Map.of("weerbaar.data-dir", dataDir, "server.port", port, "weerbaar.serving", "true"))
                    .run();
            return Optional.empty();
        }
        Optional<OfflineCommand> offline = ServiceLoader.load(OfflineCommand.class).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.handles(args)).findFirst();
        if (offline.isPresent()) {
            return Optional.of(runOffline(offline.get(), args, dataDir));
        }
        return Optional.of(runCommand(args, dataDir));
    }

    private static int runOffline(OfflineCommand command, List<String> args, String dataDir) {
        try {
            return command.run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("weerbaar: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            return CommandFailure.report(e, args, Path.of(dataDir), System.err);
        }
    }

    private static int runCommand(List<String> args, String dataDir) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Path logFile = CommandFailure.logFile(Path.of(dataDir));
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            err.printf("weerbaar: cannot use the data folder %s (%s); name a folder Weerbaar may write to with --data DIR%n",
                    dataDir, e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WeerbaarApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("weerbaar.data-dir", dataDir, "logging.level.root", "WARN",
                        "spring.main.log-startup-info", "false",
                        // A command's own output is for people; what went wrong inside, with its stack trace, goes to the file.
                        "logging.threshold.console", "OFF",
                        "logging.file.name", logFile.toString()))
                .run()) {
            List<CliCommand> commands = context.getBeansOfType(CliCommand.class).values().stream()
                    .sorted(Comparator.comparing(CliCommand::name)).toList();
            String words = String.join(" ", args);
            Optional<CliCommand> command = commands.stream()
                    .filter(c -> words.equals(c.name()) || words.startsWith(c.name() + " "))
                    .max(Comparator.comparingInt(c -> c.name().length()));
            if (command.isEmpty()) {
                boolean asked = args.getFirst().equals("help");
                (asked ? out : err).println(usage(commands));
                return asked ? 0 : 2;
            }
            int nameWords = command.get().name().split(" ").length;
            return command.get().run(args.subList(nameWords, args.size()), out, err);
        } catch (IllegalArgumentException e) {
            err.println("weerbaar: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            return CommandFailure.report(e, args, Path.of(dataDir), err);
        }
    }

    private static String usage(List<CliCommand> commands) {
        StringBuilder text = new StringBuilder("""
                Usage: ./weerbaar COMMAND [--data DIR] [options]

                  serve [--port N]      serve http://localhost:8080 on the embedded PostgreSQL in DIR (default ./data)
                  test                  run the whole test suite
                  help                  this list
                """);
        for (CliCommand command : commands) {
            text.append(String.format("  %-21s %s%n", command.name(), command.summary()));
        }
        return text.toString();
    }

    private static Optional<String> takeOption(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--" + name) && i + 1 < args.size()) {
                String value = args.get(i + 1);
                args.subList(i, i + 2).clear();
                return Optional.of(value);
            }
            if (arg.startsWith("--" + name + "=")) {
                args.remove(i);
                return Optional.of(arg.substring(name.length() + 3));
            }
        }
        return Optional.empty();
    }
}
