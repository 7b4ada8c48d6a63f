package nl.weerbaar.planning;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.weerbaar.access.SignedIn;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.RequestId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./weerbaar scenario run FILE [--out DIR] [--user NAME] [--lang nl|en]}: plans a scenario
 * written as JSON (the fields of {@link ScenarioInput}) in the foreground, with a progress bar on
 * standard error; Ctrl-C cancels cleanly. Prints a summary and writes the CSV and PDF report to
 * DIR (the current folder by default). The scenario is not saved in the database.
 *
 * <p>The input is read with the rights of a user account of this server ({@code admin}, the
 * national administrator, unless {@code --user} names another): whoever runs commands on the
 * server can read its database anyway, and an account's scope can be chosen deliberately.
 */
@Component
class ScenarioRunCommand implements CliCommand {

    static final int BAR_WIDTH = 20;

    private final JsonMapper json;
    private final ScenarioValidator validator;
    private final PlanInputs planInputs;
    private final Planner planner;
    private final PlanReport report;
    private final UserAccounts users;
    private final MessageSource messages;

    ScenarioRunCommand(JsonMapper json, ScenarioValidator validator, PlanInputs planInputs, Planner planner, PlanReport report,
                       UserAccounts users, MessageSource messages) {
        this.messages = messages;
        this.json = json;
        this.validator = validator;
        this.planInputs = planInputs;
        this.planner = planner;
        this.report = report;
        this.users = users;
    }

    @Override
    public String name() {
        return "scenario run";
    }

    @Override
    public String summary() {
        return "FILE [--out DIR] [--user NAME] [--lang nl|en]  plan a scenario (JSON) with progress; writes CSV and PDF";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        if (arguments.positional().size() != 1) {
            err.println("usage: ./weerbaar scenario run FILE [--out DIR] [--user NAME] [--lang nl|en]"
                    + "  (e.g. ./weerbaar scenario run examples/scenarios/blackout-72h-vr13.json)");
            return 2;
        }
        Path outDir = Path.of(arguments.option("out").orElse("."));
        Locale locale = Locale.forLanguageTag(arguments.option("lang").orElse("nl"));
        Planned planned;
        try {
            planned = plan(arguments, err);
        } catch (Exit exit) {
            return exit.code;
        }
        Scenario scenario = planned.scenario();
        PlanInput input = planned.input();
        PlanResult result = planned.result();
        summarise(scenario, input, result, out);
        Files.createDirectories(outDir);
        String base = PlanningApi.slug(scenario.name());
        Path csv = outDir.resolve(base + ".csv");
        Path pdf = outDir.resolve(base + ".pdf");
        Files.writeString(csv, report.csv(result), StandardCharsets.UTF_8);
        Files.write(pdf, report.pdf(scenario, result, locale));
        out.printf("Wrote %s and %s%n", csv.toAbsolutePath().normalize(), pdf.toAbsolutePath().normalize());
        return 0;
    }

    /** A scenario file planned: the scenario, its input, the plan, and the account it was read as. */
    record Planned(Scenario scenario, PlanInput input, PlanResult result, UserDetails user) {}

    /** Ends a command early with an exit code, after saying why on standard error. */
    static final class Exit extends Exception {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /**
     * Reads, checks and plans the scenario file named by the one positional argument, with a
     * progress bar on {@code err}; the routes command plans the same way.
     */
    Planned plan(CommandArguments arguments, PrintStream err) throws Exit {
        Path file = Path.of(arguments.positional().getFirst());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.printf("weerbaar: there is no file %s%n", file);
            throw new Exit(2);
        } catch (IOException e) {
            err.printf("weerbaar: cannot read %s: %s%n", file, e.getMessage());
            throw new Exit(2);
        }
        Optional<UserDetails> user = account(arguments.option("user").orElse("admin"), err);
        if (user.isEmpty()) {
            throw new Exit(2);
        }
        Scenario scenario;
        PlanInput input;
        try {
            scenario = SignedIn.as(user.get(), () -> validator.validate(ScenarioJson.read(json, text)));
        } catch (InvalidInputException e) {
            err.printf("weerbaar: %s is not a valid scenario:%n", file);
            e.invalidParams().forEach(p -> err.printf("  %s: %s%n", p.name(), p.reason()));
            throw new Exit(2);
        }
        err.printf("Scenario \"%s\": %s in %s, %d day%s from %s%n", scenario.name(), scenario.hazard().code(),
                String.join(", ", scenario.areas()), scenario.days(), scenario.days() == 1 ? "" : "s", scenario.start());
        err.println("Gathering residents, support points and stock …");
        PlanInput[] collected = new PlanInput[1];
        RequestId.runAs("cli-scenario-run", () -> collected[0] = SignedIn.as(user.get(), () -> planInputs.collect(scenario)));
        input = collected[0];
        err.printf("%,d postcode areas, %,d support points, %,d depots, %,d lots, %d items%n", input.zones().size(),
                input.points().size(), input.depots().size(), input.lots().size(), input.items().size());

        ConsoleProgress progress = new ConsoleProgress(err, isTerminal(err), stage -> stage.words(messages, Locale.ENGLISH));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            progress.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scenario-run-cancel");
        boolean hooked = addHook(hook);
        PlanResult result;
        try {
            result = planner.plan(input, progress);
            progress.finish("done");
        } catch (PlanCancelledException e) {
            progress.finish("cancelled");
            err.println("Cancelled; nothing was written.");
            throw new Exit(130);
        } finally {
            finished.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
        return new Planned(scenario, input, result, user.get());
    }

    /** The account whose rights the input is read with; empty (and said why) when it cannot be used. */
    private Optional<UserDetails> account(String username, PrintStream err) {
        try {
            UserDetails user = users.loadUserByUsername(username);
            if (!user.isEnabled() || !user.isAccountNonLocked()) {
                err.printf("weerbaar: the account %s is disabled or locked; name another with --user%n", username);
                return Optional.empty();
            }
            return Optional.of(user);
        } catch (AuthenticationException e) {
            err.printf("weerbaar: there is no account %s on this server; name one with --user%n", username);
            return Optional.empty();
        }
    }

    /** The summary: per item demand, supplied and unmet by reason; the first shortfall per region; the solver. */
    static void summarise(Scenario scenario, PlanInput input, PlanResult result, PrintStream out) {
        Map<String, PlanInput.ItemNeed> needs = new LinkedHashMap<>();
        input.items().forEach(item -> needs.put(item.item(), item));
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, Map<UnmetReason, Long>> unmet = new LinkedHashMap<>();
        needs.keySet().forEach(item -> totals.put(item, new long[2]));
        for (PlanResult.AreaDay row : result.areaDays()) {
            long[] sums = totals.computeIfAbsent(row.item(), item -> new long[2]);
            sums[0] += row.demand();
            sums[1] += row.supplied();
            row.unmet().forEach((reason, quantity) -> unmet.computeIfAbsent(row.item(), item -> new EnumMap<>(UnmetReason.class))
                    .merge(reason, quantity, Long::sum));
        }
        out.printf("%nScenario \"%s\": %d day%s from %s%n", scenario.name(), scenario.days(), scenario.days() == 1 ? "" : "s",
                result.dates().isEmpty() ? scenario.start().toLocalDate() : result.dates().getFirst());
        totals.forEach((item, sums) -> {
            PlanInput.ItemNeed need = needs.get(item);
            String unit = need == null ? "" : " " + need.unit();
            long missing = sums[0] - sums[1];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s demand %,d%s, supplied %,d (%s)",
                    item, sums[0], unit, sums[1], percent(sums[1], sums[0])));
            if (missing > 0) {
                line.append(String.format(Locale.ROOT, ", unmet %,d", missing));
                Map<UnmetReason, Long> reasons = unmet.getOrDefault(item, Map.of());
                if (!reasons.isEmpty()) {
                    line.append(": ");
                    line.append(String.join(", ", reasons.entrySet().stream()
                            .sorted(Map.Entry.<UnmetReason, Long>comparingByValue().reversed())
                            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().code(), e.getValue())).toList()));
                }
            }
            out.println(line);
        });
        if (result.shortfalls().isEmpty()) {
            out.println("No shortfall: every area had what it needed on every day.");
        } else {
            out.println("First shortfall per region:");
            Map<String, PlanResult.Shortfall> first = new TreeMap<>();
            result.shortfalls().forEach(s -> first.merge(s.region() == null ? "?" : s.region(), s,
                    (a, b) -> Comparator.comparingInt(PlanResult.Shortfall::day).thenComparing(PlanResult.Shortfall::municipality)
                            .compare(a, b) <= 0 ? a : b));
            first.forEach((region, s) -> out.printf("  %s  day %d (%s): %s in %s%n", region, s.day() + 1,
                    date(result, s.day()), s.item(), s.municipality()));
        }
        PlanResult.Statistics stats = result.statistics();
        if (stats != null) {
            out.printf(Locale.ROOT, "Solver: %s, %s, %.2f s solving, %.2f s in all (%,d nodes, %,d arcs); "
                            + "a greedy nearest-depot plan supplies %,d of the %,d units this plan supplies%n",
                    stats.solver(), stats.optimality(),
                    stats.solveSeconds(), stats.totalSeconds(), stats.networkNodes(), stats.networkArcs(),
                    stats.baselineSupplied(), stats.supplied());
        }
    }

    private static String date(PlanResult result, int day) {
        return day >= 0 && day < result.dates().size() ? result.dates().get(day).toString() : "?";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // shutting down already
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs or ran
        }
    }

    /** Whether the stream is the process's standard error on a terminal (so the bar can redraw itself with \r). */
    static boolean isTerminal(PrintStream stream) {
        if (stream != System.err) {
            return false;
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Java 22 and later: a console exists also when redirected; ask whether it is a terminal
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * A text progress bar, e.g. {@code [#########...........]  45%  drinking-water: solving}: redrawn
     * in place on a terminal (at most ten times a second), one line per stage or ten percent otherwise.
     */
    static final class ConsoleProgress implements PlanProgress {

        private final PrintStream err;
        private final boolean terminal;
        private volatile boolean cancelled;
        private long lastDraw;
        private int lastWidth;
        private String lastStage;
        private int lastTenth = -1;
        private double last;

        /** The stage in the words of the command line, which speaks English. */
        private final Function<PlanStage, String> words;

        ConsoleProgress(PrintStream err, boolean terminal, Function<PlanStage, String> words) {
            this.err = err;
            this.terminal = terminal;
            this.words = words;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public boolean cancelRequested() {
            return cancelled;
        }

        @Override
        public synchronized void report(double done, PlanStage planStage) {
            String stage = words.apply(planStage);
            double fraction = Double.isNaN(done) ? 0 : Math.max(0, Math.min(1, done));
            last = fraction;
            String text = line(fraction, stage);
            if (terminal) {
                long now = System.nanoTime();
                if (now - lastDraw < 100_000_000L && fraction < 1) {
                    return;
                }
                lastDraw = now;
                draw(text);
            } else {
                int tenth = (int) (fraction * 10);
                if (!java.util.Objects.equals(stage, lastStage) || tenth != lastTenth) {
                    lastStage = stage;
                    lastTenth = tenth;
                    err.println(text);
                }
            }
        }

        synchronized void finish(String word) {
            if (terminal) {
                draw(lastWidth == 0 ? word : line(word.equals("done") ? 1 : last, word));
                err.println();
            } else if (!word.equals("done")) {
                err.println("Run " + word);
            } else if (last < 1) { // the planner's own last line says 100 % already
                err.println(line(1, "done"));
            }
        }


        private void draw(String text) {
            StringBuilder line = new StringBuilder("\r").append(text);
            for (int i = text.length(); i < lastWidth; i++) {
                line.append(' ');
            }
            lastWidth = text.length();
            err.print(line);
            err.flush();
        }

        static String line(double fraction, String stage) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)) + "  " + (stage == null ? "" : stage);
        }
    }
}
