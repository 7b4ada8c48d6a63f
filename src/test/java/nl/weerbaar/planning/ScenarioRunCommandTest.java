package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code ./weerbaar scenario run FILE}: plans in the foreground with a progress bar and writes the report. */
@IntegrationTest
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

    @Autowired
    ScenarioRunCommand command;

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
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        var bar = new ScenarioRunCommand.ConsoleProgress(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
        bar.report(0.45, "drinking-water: solving");
        bar.finish("done");
        assertThat(terminal.toString(StandardCharsets.UTF_8))
                .startsWith("\r[#########...........]  45%  drinking-water: solving")
                .contains("\r[####################] 100%  done");

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        var lines = new ScenarioRunCommand.ConsoleProgress(new PrintStream(plain, true, StandardCharsets.UTF_8), false);
        for (int i = 0; i <= 100; i++) {
            lines.report(i / 100.0, "drinking-water: solving");
        }
        lines.cancel();
        assertThat(lines.cancelRequested()).isTrue();
        assertThat(plain.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
        assertThat(plain.toString(StandardCharsets.UTF_8).lines()).hasSize(11);
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
