package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code ./weerbaar scenario run FILE}: plans in the foreground with a progress bar and writes the report. */
@IntegrationTest
@TimeDependent
class ScenarioRunCommandTest {

    static final String BLACKOUT = """
            {
              "name": "Stroomuitval Amsterdam 72 uur",
              "hazard": "power-outage",
              "areas": ["GM0363"],
              "start": "2026-02-02T06:00:00+01:00",
              "durationHours": 72,
              "items": [{"item": "drinking-water"}]
            }
            """;

    private static final Path EXAMPLES = Path.of("examples/scenarios");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ScenarioRunCommand command;
    @Autowired
    MessageSource messages;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void plansAScenarioFileWithProgressSummarisesAndWritesCsvAndPdf() throws Exception {
        Path file = Files.writeString(folder.resolve("blackout.json"), BLACKOUT);
        Path reports = folder.resolve("reports");

        int exit = run(file.toString(), "--out", reports.toString());

        assertThat(exit).as("exit code; stderr:%n%s", text(err)).isZero();
        assertThat(text(err)).contains("Scenario \"Stroomuitval Amsterdam 72 uur\"", "[####################] 100%");
        assertThat(text(out)).contains("drinking-water", "demand", "supplied", "Solver:", "Wrote ");
        Path csv = reports.resolve("stroomuitval-amsterdam-72-uur.csv");
        Path pdf = reports.resolve("stroomuitval-amsterdam-72-uur.pdf");
        assertThat(text(out)).contains(csv.toAbsolutePath().toString(), pdf.toAbsolutePath().toString());
        assertThat(Files.readString(csv)).contains("GM0363");
        assertThat(new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    /**
     * Every example in examples/scenarios, as it is and with the vehicle limit switched (added where it has none,
     * removed where it has one): each plans, writes CSV and PDF, and says in words whether the plan is proven optimal.
     */
    @ParameterizedTest(name = "{0}, vehicle limit {1}")
    @MethodSource("examplesWithAndWithoutAVehicleLimit")
    void everyExampleScenarioRunsWithAndWithoutAVehicleLimit(String example, boolean vehicleLimit) throws Exception {
        ObjectNode scenario = (ObjectNode) JSON.readTree(EXAMPLES.resolve(example).toFile());
        if (vehicleLimit) {
            scenario.putIfAbsent("vehicleCapacityPerDepotPerDay", JSON.getNodeFactory().numberNode(3000));
        } else {
            scenario.remove("vehicleCapacityPerDepotPerDay");
        }
        Path file = Files.writeString(folder.resolve(example), JSON.writeValueAsString(scenario));
        Path reports = folder.resolve("reports-" + vehicleLimit);

        int exit = run(file.toString(), "--out", reports.toString());

        assertThat(exit).as("exit code; stderr:%n%s", text(err)).isZero();
        boolean severalItems = scenario.get("items").size() > 1;
        // Items that share vehicles: the joint LP, unless each item's own optimum fits the vehicles together.
        assertThat(text(out)).contains("Solver:").containsAnyOf(vehicleLimit && severalItems
                        ? new String[] {Planner.JOINT_SOLVER, Planner.VEHICLES_NOT_BINDING} : new String[] {Planner.SOLVER})
                .contains(PlanResult.Statistics.PROVEN + ",");
        try (var written = Files.list(reports)) {
            assertThat(written.map(f -> f.getFileName().toString())).hasSize(2).anyMatch(n -> n.endsWith(".csv"))
                    .anyMatch(n -> n.endsWith(".pdf"));
        }
    }

    static Stream<Arguments> examplesWithAndWithoutAVehicleLimit() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(3);
            return names.stream().flatMap(name -> Stream.of(Arguments.of(name, false), Arguments.of(name, true)));
        }
    }

    @Test
    void aBadFileEndsWithExitTwoAndSaysWhatIsWrong() throws Exception {
        Path invalid = Files.writeString(folder.resolve("invalid.json"),
                BLACKOUT.replace("power-outage", "earthquake").replace("\"durationHours\": 72", "\"durationHours\": -1"));
        assertThat(run(invalid.toString())).isEqualTo(2);
        assertThat(text(err)).contains("is not a valid scenario", "hazard", "durationHours");

        Path misspelt = Files.writeString(folder.resolve("misspelt.json"), BLACKOUT.replace("durationHours", "durationHour"));
        assertThat(run(misspelt.toString())).isEqualTo(2);
        assertThat(text(err)).contains("durationHour: is not a field of a scenario");

        Path notJson = Files.writeString(folder.resolve("not.json"), "name: blackout\n");
        assertThat(run(notJson.toString())).isEqualTo(2);
        assertThat(text(err)).contains("is not valid JSON");

        assertThat(run(folder.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(text(err)).contains("there is no file");
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).contains("usage: ./weerbaar scenario run FILE");
        assertThat(run(misspelt.toString(), "--user", "nobody-here")).isEqualTo(2);
        assertThat(text(err)).contains("there is no account nobody-here");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".csv") || name.endsWith(".pdf"));
        }
    }

    @Test
    void theProgressBarRedrawsInPlaceOnATerminalAndPrintsLinesOtherwise() {
        Function<PlanStage, String> english = stage -> stage.words(messages, Locale.ENGLISH);
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        var bar = new ScenarioRunCommand.ConsoleProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8), true, english);
        bar.report(0.45, PlanStage.item("Drinking water"));
        bar.finish("done");
        assertThat(terminal.toString(StandardCharsets.UTF_8)).as("one language: the command line speaks English")
                .startsWith("\r[#########...........]  45%  Drinking water: working out the distribution")
                .contains("\r[####################] 100%  done");

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        var lines = new ScenarioRunCommand.ConsoleProgress(new PrintStream(plain, true, StandardCharsets.UTF_8), false, english);
        for (int i = 0; i <= 100; i++) {
            lines.report(i / 100.0, PlanStage.item("Drinking water"));
        }
        lines.cancel();
        assertThat(lines.cancelRequested()).isTrue();
        assertThat(plain.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
        assertThat(plain.toString(StandardCharsets.UTF_8).lines()).hasSize(11);
        lines.finish("done");
        assertThat(plain.toString(StandardCharsets.UTF_8).lines()).as("100 % is printed once").hasSize(11);

        ByteArrayOutputStream stopped = new ByteArrayOutputStream();
        var early = new ScenarioRunCommand.ConsoleProgress(new PrintStream(stopped, true, StandardCharsets.UTF_8), false, english);
        early.report(0.97, PlanStage.item("Drinking water"));
        early.finish("done");
        assertThat(stopped.toString(StandardCharsets.UTF_8).lines()).last().isEqualTo("[####################] 100%  done");
    }

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
