package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.weerbaar.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report of a small result built by hand: the CSV row by row, and the PDF's text. */
@IntegrationTest
class PlanReportTest {

    @Autowired
    PlanReport report;

    /** Amsterdam and Diemen (VR13) for 3 days from Saturday 2 December 2028; Amsterdam runs out of water on day 2. */
    static PlanResult result() {
        List<LocalDate> dates = List.of(LocalDate.of(2028, 12, 2), LocalDate.of(2028, 12, 3), LocalDate.of(2028, 12, 4));
        List<PlanResult.AreaDay> days = List.of(
                new PlanResult.AreaDay("GM0363", "VR13", 0, "drinking-water", 1000, 1000, Map.of()),
                new PlanResult.AreaDay("GM0363", "VR13", 1, "drinking-water", 1000, 600,
                        reasons(UnmetReason.NO_STOCK, 300, UnmetReason.POINT_DARK, 100)),
                new PlanResult.AreaDay("GM0363", "VR13", 2, "drinking-water", 1000, 0, reasons(UnmetReason.NO_STOCK, 1000)),
                new PlanResult.AreaDay("GM0384", "VR13", 0, "drinking-water", 200, 200, Map.of()),
                new PlanResult.AreaDay("GM0384", "VR13", 1, "drinking-water", 200, 200, Map.of()),
                new PlanResult.AreaDay("GM0384", "VR13", 2, "drinking-water", 200, 150,
                        reasons(UnmetReason.NO_TRANSPORT_CAPACITY, 50)));
        List<PlanResult.Shortfall> shortfalls = List.of(new PlanResult.Shortfall("GM0363", "VR13", "drinking-water", 1),
                new PlanResult.Shortfall("GM0384", "VR13", "drinking-water", 2));
        List<PlanResult.DepotOutcome> depots = List.of(
                new PlanResult.DepotOutcome(900_001, "Testdepot Westpoort", "regional", 52.40, 4.82, "drinking-water", 3150, 3150, 0, 0,
                        new PlanResult.Marginal(1, "GM0363", 1, 90)),
                new PlanResult.DepotOutcome(900_002, "Testdepot Noord", "municipal", 52.39, 4.92, "drinking-water", 500, 0, 500, 0,
                        new PlanResult.Marginal(0, null, null, 0)));
        return new PlanResult(dates, days, shortfalls, List.of(), depots, List.of(),
                new PlanResult.Statistics(3600, 2150, 1450, 1800, true, 0.0, null, "OR-Tools", 40, 80, 0.1, 0.2, 0.4));
    }

    private static Map<UnmetReason, Long> reasons(Object... pairs) {
        Map<UnmetReason, Long> map = new EnumMap<>(UnmetReason.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((UnmetReason) pairs[i], ((Integer) pairs[i + 1]).longValue());
        }
        return map;
    }

    static Scenario scenario(String name) {
        return new Scenario(name, "Drie dagen zonder stroom", Hazard.POWER_OUTAGE, List.of("VR13"),
                OffsetDateTime.parse("2028-12-02T06:00:00+01:00"), 72, 0.15, 0.5,
                List.of(new Scenario.ItemNeed("drinking-water", new BigDecimal("3"))), List.of("hub", "local"), List.of(), false,
                5, 8, 1.3, null, Fairness.WORST_SERVED_FIRST, List.of(), List.of(), DeliverTo.MUNICIPALITY);
    }

    @Test
    void csvHasOneRowPerMunicipalityDayAndItemWithEveryReasonAsAColumn() throws IOException {
        String csv = report.csv(result());

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("municipality,region,day,date,item,demand,supplied,unmet,"
                + "no-stock,no-transport-capacity,point-dark,stock-expired,point-full,no-point-in-reach");
        assertThat(rows).hasSize(6);
        CSVRecord amsterdamDay2 = rows.stream().filter(r -> r.get("municipality").equals("GM0363") && r.get("day").equals("2"))
                .findFirst().orElseThrow();
        assertThat(amsterdamDay2.get("region")).isEqualTo("VR13");
        assertThat(amsterdamDay2.get("date")).isEqualTo("2028-12-03");
        assertThat(amsterdamDay2.get("item")).isEqualTo("drinking-water");
        assertThat(amsterdamDay2.get("demand")).isEqualTo("1000");
        assertThat(amsterdamDay2.get("supplied")).isEqualTo("600");
        assertThat(amsterdamDay2.get("unmet")).isEqualTo("400");
        assertThat(amsterdamDay2.get("no-stock")).isEqualTo("300");
        assertThat(amsterdamDay2.get("point-dark")).isEqualTo("100");
        assertThat(amsterdamDay2.get("stock-expired")).isEqualTo("0");
        assertThat(rows.getFirst().get("municipality")).isEqualTo("GM0363");
        assertThat(rows.getFirst().get("day")).isEqualTo("1");
    }

    @Test
    void pdfIsAnA4ReportWithTheScenarioTheFirstShortfallsAndTheDepotsWhereExtraStockHelps() throws IOException {
        String name = "Rapporttest blackout " + System.nanoTime();
        byte[] pdf = report.pdf(scenario(name), result(), Locale.forLanguageTag("nl"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(name, "Amsterdam-Amstelland", "Langdurige stroomuitval");
            assertThat(text).contains("Eerste tekort: dag 2 (zo 3 dec)", "Eerste tekort: dag 3 (ma 4 dec)");
            assertThat(text).contains("geen voorraad", "steunpunt donker", "geen transportcapaciteit");
            assertThat(text).contains("1 extra eenheid hier helpt: Amsterdam, dag 2 (zo 3 dec)", "Testdepot Westpoort");
            assertThat(text).contains("3.600", "2.150", "1.450");
        }
    }

    @Test
    void aPlanNotProvenOptimalSaysSoInWordsAndWhy() throws IOException {
        PlanResult proven = result();
        PlanResult.Statistics s = proven.statistics();
        PlanResult notProven = new PlanResult(proven.dates(), proven.areaDays(), proven.shortfalls(), proven.points(), proven.depots(),
                proven.deliveries(), new PlanResult.Statistics(s.demand(), s.supplied(), s.unmet(), s.baselineSupplied(), false, null,
                null, s.solver(), s.networkNodes(), s.networkArcs(), s.demandSeconds(), s.solveSeconds(), s.totalSeconds()));
        assertThat(notProven.statistics().optimality())
                .isEqualTo("not proven optimal: items were planned one after another under the shared vehicle limit");
        assertThat(s.optimality()).isEqualTo("proven optimal");

        for (var language : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
            try (PDDocument document = Loader.loadPDF(report.pdf(scenario("Niet bewezen " + language), notProven, language))) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).containsAnyOf("niet bewezen optimaal: de artikelen zijn na elkaar gepland onder de gedeelde vervoerslimiet",
                        "not proven optimal: items were planned one after another under the shared vehicle limit");
            }
        }
    }

    @Test
    void pdfSpeaksEnglishToo() throws IOException {
        byte[] pdf = report.pdf(scenario("English report test"), result(), Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("First shortfall: day 2 (Sun 3 Dec)", "no stock", "Long power outage");
        }
    }
}
