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
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point behind {@code ./weerbaar}: {@code serve} starts the web application; every other
 * subcommand is a {@link CliCommand} run in a context without a web server.
 */
public final class Launcher {

    private Launcher() {}

    /**
     * Returns an exit code, or empty when the web server keeps running. {@code application} is the
     * Spring Boot application class, named by its caller: the system module depends on no other code.
     */
    public static Optional<Integer> run(Class<?> application, String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        String dataDir = takeOption(args, "data").orElse("./data");
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.getFirst())) {
            return Optional.of(runCommand(application, List.of("help"), dataDir));
        }
        if (args.getFirst().equals("serve")) {
            String port = takeOption(args, "port").orElse("8080");
            if (args.size() > 1) {
                System.err.println("serve takes --port N and --data DIR, not: " + String.join(" ", args.subList(1, args.size())));
                return Optional.of(2);
            }
            try {
                new SpringApplicationBuilder(application)
                        .properties(Map.of("weerbaar.data-dir", dataDir, "server.port", port, "weerbaar.serving", "true"))
                        .run();
            } catch (RuntimeException e) {
                Optional<StartRefusedException> refused = StartRefusedException.in(e);
                if (refused.isEmpty()) {
                    throw e;
                }
                System.err.println("weerbaar: " + refused.get().getMessage());
                return Optional.of(1);
            }
            return Optional.empty();
        }
        if (args.getFirst().equals("restore")) {
            return Optional.of(restore(application, args.subList(1, args.size()), dataDir));
        }
        Optional<OfflineCommand> offline = ServiceLoader.load(OfflineCommand.class).stream()
                .map(ServiceLoader.Provider::get).filter(c -> c.handles(args)).findFirst();
        if (offline.isPresent()) {
            return Optional.of(runOffline(offline.get(), args, dataDir));
        }
        return Optional.of(runCommand(application, args, dataDir));
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

    private static int runCommand(Class<?> application, List<String> args, String dataDir) {
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
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
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
            Optional<StartRefusedException> refused = StartRefusedException.in(e);
            if (refused.isPresent()) {
                err.println("weerbaar: " + refused.get().getMessage());
                return 1;
            }
            return CommandFailure.report(e, args, Path.of(dataDir), err);
        }
    }

    /**
     * {@code restore FILE}: into an empty database, before anything else touches it (a started
     * application would migrate and fill it); then the integrity checks on what was restored.
     */
    private static int restore(Class<?> application, List<String> args, String dataDir) {
        if (args.size() != 1 || args.getFirst().startsWith("--")) {
            System.err.println("usage: ./weerbaar restore FILE [--data DIR]: into an empty data folder, or the empty database of WEERBAAR_DB_URL");
            return 2;
        }
        Path file = Path.of(args.getFirst()).toAbsolutePath();
        String url = System.getenv("WEERBAAR_DB_URL");
        quietLogging(); // the progress is the restore's own; the libraries' chatter would bury it
        try {
            if (url != null && !url.isBlank()) {
                new DatabaseRestore().restore(file, new DatabaseRestore.Target(url,
                        Optional.ofNullable(System.getenv("WEERBAAR_DB_USER")).orElse("weerbaar"), System.getenv("WEERBAAR_DB_PASSWORD")), System.out);
            } else {
                requireMasterKeyFor(Path.of(dataDir));
                try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(Path.of(dataDir), true)) {
                    new DatabaseRestore().restore(file, new DatabaseRestore.Target(server.jdbcUrl(), server.user(), null), System.out);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("weerbaar: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            return CommandFailure.report(e, List.of("restore", args.getFirst()), Path.of(dataDir), System.err);
        }
        System.out.println("Checking what was restored...");
        return runCommand(application, List.of("check"), dataDir);
    }

    /** Before Spring configures logging, libraries log at INFO to the console; only their warnings matter here. */
    private static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(Launcher.class.getClassLoader());
        logging.beforeInitialize();
        logging.setLogLevel(null, LogLevel.WARN);
    }

    /**
     * A backup holds no master key, on purpose: it is kept apart from the data it protects. Without
     * one the restored signing keys could not be opened, so the embedded default needs it first.
     */
    private static void requireMasterKeyFor(Path dataDir) {
        boolean configured = System.getenv("WEERBAAR_MASTER_KEY_FILE") != null || System.getenv("WEERBAAR_MASTER_KEY") != null
                || System.getenv("WEERBAAR_BULLETINS_MASTER_KEY") != null;
        if (!configured && !Files.exists(dataDir.resolve("keys").resolve("master.key"))) {
            throw new IllegalArgumentException("a backup holds no master key, so the restored signing keys need the one they were "
                    + "stored with: copy keys/master.key of the old data folder to " + dataDir.resolve("keys").resolve("master.key")
                    + " first, or set WEERBAAR_MASTER_KEY_FILE");
        }
    }

    private static String usage(List<CliCommand> commands) {
        StringBuilder text = new StringBuilder("""
                Usage: ./weerbaar COMMAND [--data DIR] [options]

                  serve [--port N]      serve http://localhost:8080 on the embedded PostgreSQL in DIR (default ./data)
                  test                  run the whole test suite
                  build                 build when the sources changed, then prepare the fast start once
                  restore FILE          restore a backup into an empty data folder or database, then check it
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
