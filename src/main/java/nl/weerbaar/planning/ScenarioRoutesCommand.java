package nl.weerbaar.planning;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import nl.weerbaar.access.SignedIn;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.CommandArguments;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code ./weerbaar scenario routes FILE [--depot ID] [--day N] [--vehicles N] [--seconds S]
 * [--distances CSV] [--out DIR] [--user NAME] [--lang nl|en]}: plans the scenario as
 * {@code scenario run} does, then turns the deliveries of a depot on a day (day 1 is the
 * scenario's first day) into vehicle routes, prints the figures against the lower bound and the
 * nearest-neighbour rule, and writes the route sheets (PDF) and the stops (CSV). Without
 * {@code --depot} or {@code --day}: every depot and day the plan sends deliveries on.
 */
@Component
class ScenarioRoutesCommand implements CliCommand {

    static final String USAGE = "usage: ./weerbaar scenario routes FILE [--depot ID] [--day N] [--vehicles N] [--seconds S] "
            + "[--distances CSV] [--out DIR] [--user NAME] [--lang nl|en]"
            + "  (e.g. ./weerbaar scenario routes examples/scenarios/blackout-72h-vr13.json --day 1)";

    private final ScenarioRunCommand runCommand;
    private final RouteInputs routeInputs;
    private final RouteSheets sheets;
    private final RoutePlanner planner = new RoutePlanner();

    ScenarioRoutesCommand(ScenarioRunCommand runCommand, RouteInputs routeInputs, RouteSheets sheets) {
        this.runCommand = runCommand;
        this.routeInputs = routeInputs;
        this.sheets = sheets;
    }

    @Override
    public String name() {
        return "scenario routes";
    }

    @Override
    public String summary() {
        return "FILE [--depot ID] [--day N] [--vehicles N] [--seconds S] [--distances CSV] [--out DIR]  "
                + "vehicle routes for a depot and day of a scenario's plan; writes route sheets (PDF) and CSV";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args);
        if (arguments.positional().size() != 1) {
            err.println(USAGE);
            return 2;
        }
        Optional<Long> depot;
        Optional<Integer> day;
        Optional<Integer> vehicles;
        Duration seconds;
        try {
            depot = arguments.option("depot").map(Long::valueOf);
            day = arguments.option("day").map(Integer::valueOf);
            vehicles = arguments.option("vehicles").map(Integer::valueOf);
            seconds = Duration.ofMillis(Math.round(1000 * Double.parseDouble(arguments.option("seconds").orElse("5"))));
        } catch (NumberFormatException e) {
            err.println("weerbaar: --depot, --day, --vehicles and --seconds take numbers");
            err.println(USAGE);
            return 2;
        }
        if (day.isPresent() && day.get() < 1 || vehicles.isPresent() && vehicles.get() < 1 || seconds.isNegative()
                || seconds.isZero() || seconds.compareTo(Duration.ofMinutes(10)) > 0) {
            err.println("weerbaar: --day counts from 1, --vehicles is at least 1, --seconds lies between 0 and 600");
            return 2;
        }
        RoadDistances roads = null;
        if (arguments.option("distances").isPresent()) {
            Path file = Path.of(arguments.option("distances").get());
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                roads = RoadDistances.read(reader);
            } catch (IOException e) {
                err.printf("weerbaar: cannot read %s: %s%n", file, e.getMessage());
                return 2;
            } catch (InvalidInputException e) {
                err.printf("weerbaar: %s is not a road-distance file (from,to,km):%n", file);
                e.invalidParams().forEach(p -> err.printf("  %s: %s%n", p.name(), p.reason()));
                return 2;
            }
        }
        ScenarioRunCommand.Planned planned;
        try {
            planned = runCommand.plan(arguments, err);
        } catch (ScenarioRunCommand.Exit exit) {
            return exit.code;
        }
        PlanResult result = planned.result();
        List<RouteProblems.DepotDay> chosen = RouteProblems.depotDays(result).stream()
                .filter(d -> depot.isEmpty() || d.depot() == depot.get())
                .filter(d -> day.isEmpty() || d.day() == day.get() - 1)
                .toList();
        if (chosen.isEmpty()) {
            err.printf("weerbaar: the plan sends nothing%s%s; depots and days it uses: %s%n",
                    depot.map(d -> " from depot " + d).orElse(""), day.map(d -> " on day " + d).orElse(""),
                    String.join(", ", RouteProblems.depotDays(result).stream()
                            .map(d -> "--depot " + d.depot() + " --day " + (d.day() + 1)).distinct().limit(20).toList()));
            return 2;
        }
        Map<String, RouteProblems.ItemInfo> items = routeInputs.items();
        LongFunction<RouteProblems.PointDetails> details = SignedIn.as(planned.user(), routeInputs::details);
        boolean demo = SignedIn.as(planned.user(), () -> routeInputs.demo(result));
        Path outDir = Path.of(arguments.option("out").orElse("."));
        Files.createDirectories(outDir);
        Locale locale = Locale.forLanguageTag(arguments.option("lang").orElse("nl"));
        String base = PlanningApi.slug(planned.scenario().name());
        RouteProblems.Settings settings = new RouteProblems.Settings(vehicles.orElse(null), null, null, null, null, null, null,
                null, seconds);
        double km = 0;
        double baselineKm = 0;
        for (RouteProblems.DepotDay depotDay : chosen) {
            RouteProblem problem = RouteProblems.of(result, depotDay.depot(), depotDay.day(), details, items,
                    planned.scenario().detourFactor(), settings, roads, List.of());
            err.printf("Routing %s, day %d: %d points, %d vehicles, up to %.0f s …%n", depotDay.name(), depotDay.day() + 1,
                    problem.stops().size(), problem.fleet().vehicles(), seconds.toMillis() / 1000.0);
            RoutePlan plan = planner.plan(problem);
            print(out, depotDay, date(result, depotDay.day()), plan);
            km += plan.km();
            baselineKm += plan.baseline().km();
            String name = base + "-routes-depot-" + depotDay.depot() + "-day-" + (depotDay.day() + 1);
            Path pdf = outDir.resolve(name + ".pdf");
            Path csv = outDir.resolve(name + ".csv");
            Files.write(pdf, sheets.pdf(planned.scenario().name(), date(result, depotDay.day()), plan, demo, locale));
            Files.writeString(csv, sheets.csv(plan), StandardCharsets.UTF_8);
            out.printf("  wrote %s and %s%n", pdf.toAbsolutePath().normalize(), csv.toAbsolutePath().normalize());
        }
        if (chosen.size() > 1) {
            out.printf(Locale.ROOT, "All %d depot-days: %.1f km; the nearest-neighbour rule drives %.1f km (%.1f %% more)%n",
                    chosen.size(), km, baselineKm, km == 0 ? 0 : 100 * (baselineKm - km) / km);
        }
        return 0;
    }

    static void print(PrintStream out, RouteProblems.DepotDay depotDay, LocalDate date, RoutePlan plan) {
        out.printf(Locale.ROOT, "Depot %d %s, day %d (%s): %d vehicles, %d stops, %.1f km, %d late, %d missed, %.1f s%n",
                depotDay.depot(), depotDay.name(), depotDay.day() + 1, date, plan.vehiclesUsed(), plan.visits(), plan.km(),
                plan.lateStops(), plan.missed().size(), plan.seconds());
        out.printf(Locale.ROOT, "  lower bound %.1f km (gap %.1f %%); nearest neighbour %.1f km with %d vehicles, %d missed%n",
                plan.lowerBoundKm(), 100 * plan.gap(), plan.baseline().km(), plan.baseline().vehicles(),
                plan.baseline().missedStops());
    }

    private static LocalDate date(PlanResult result, int day) {
        return day < result.dates().size() ? result.dates().get(day) : null;
    }
}
