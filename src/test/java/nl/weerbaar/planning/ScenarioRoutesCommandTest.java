package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.weerbaar.support.WithDemoNetwork;
import nl.weerbaar.support.TimeDependent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import nl.weerbaar.points.DemoDataForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code ./weerbaar scenario routes FILE}: the VR13 blackout example planned on the demo data, then
 * routes for real (OR-Tools) for a depot and day it uses, with sheets and CSV.
 */
@WithDemoNetwork
@TimeDependent
class ScenarioRoutesCommandTest {

    private static final Path BLACKOUT = Path.of("examples/scenarios/blackout-72h-vr13.json");

    @Autowired
    ScenarioRoutesCommand command;
    @Autowired
    ApplicationContext context;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void demoData() {
        DemoDataForTests.load(context);
    }

    private int run(String... args) throws Exception {
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    @Test
    void routesEveryDepotOnTheFirstDayAndWritesSheetsAndCsv() throws Exception {
        int exit = run(BLACKOUT.toString(), "--day", "1", "--seconds", "1", "--out", folder.toString());

        assertThat(exit).as("exit code; stderr:%n%s", text(err)).isZero();
        assertThat(text(out)).contains("day 1 (2026-12-01)", "vehicles", "lower bound", "nearest neighbour", "wrote ");
        List<Path> pdfs;
        try (var files = Files.list(folder)) {
            pdfs = files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        Path pdf = pdfs.getFirst();
        String csv = Files.readString(Path.of(pdf.toString().replace(".pdf", ".csv")));
        assertThat(csv).startsWith(String.join(",", RouteSheets.CSV_HEADER)).containsAnyOf("drinking-water", "emergency-ration");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String sheet = new PDFTextStripper().getText(document);
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(sheet).contains("Voertuig 1", "Uitladen", "Ondergrens", "Dichtstbijzijnde-buur-regel").containsAnyOf("Drinkwater", "Noodrantsoen");
        }
    }

    @Test
    void aDepotOrDayThePlanDoesNotUseSaysWhichItDoesAndEndsWithTwo() throws Exception {
        assertThat(run(BLACKOUT.toString(), "--depot", "999999", "--day", "1", "--out", folder.toString())).isEqualTo(2);
        assertThat(text(err)).contains("the plan sends nothing from depot 999999", "--depot ");
        assertThat(run(BLACKOUT.toString(), "--day", "zero")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(text(err)).contains("usage: ./weerbaar scenario routes FILE");
    }
}
