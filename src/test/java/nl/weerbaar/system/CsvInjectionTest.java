package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, item 1: names that a spreadsheet would run come out of every export as text, and imports read them back. */
@IntegrationTest
@TimeDependent
class CsvInjectionTest {

    private static final List<String> PAYLOADS = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3+cmd",
            "=HYPERLINK(\"http://x\")");

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    String admin;
    String marker;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        marker = " csv-" + System.nanoTime();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    private static void assertNoCellRunsAsFormula(List<CSVRecord> records) {
        for (CSVRecord record : records) {
            for (String cell : record.toList()) {
                boolean number = cell.matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
                assertThat(number || cell.isEmpty() || !"=+-@\t\r".contains(cell.substring(0, 1)))
                        .as("cell '%s' of %s would run in a spreadsheet", cell, record.toList()).isTrue();
            }
        }
    }

    private long createPoint(String name, double lat) {
        var created = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of("name", name, "tier", "local",
                "buildingKind", "community-centre", "lat", lat, "lon", 4.89, "municipality", "GM0363",
                "capabilities", List.of("information"), "capacity", Map.of("persons", 50, "overnight", 0), "public", true)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void publicPointsExportNeutralisesFormulasAndImportReadsBackTheNames() throws IOException {
        for (int i = 0; i < PAYLOADS.size(); i++) {
            createPoint(PAYLOADS.get(i) + marker, 52.36 + i * 0.001);
        }

        var export = api.get("/api/v1/support-points/export.csv?municipality=GM0363");
        assertThat(export.status()).isEqualTo(200);
        for (String payload : PAYLOADS) {
            assertThat(export.body()).as("written as text").contains("\"'" + (payload + marker).replace("\"", "\"\"") + "\"");
        }
        List<CSVRecord> ours = parse(export.body()).stream().filter(r -> r.get("name").endsWith(marker)).toList();
        assertThat(ours).hasSize(PAYLOADS.size());
        assertNoCellRunsAsFormula(ours);
        assertThat(ours).allSatisfy(r -> assertThat(r.get("lat")).as("a number column stays a number").matches("52\\.36[0-9]*"));

        String header = export.body().substring(0, export.body().indexOf("\r\n") + 2);
        String ourLines = export.body().lines().filter(line -> line.contains(marker)).collect(Collectors.joining("\r\n"));
        var imported = api.send("POST", "/api/v1/support-points/import", admin, header + ourLines + "\r\n", "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        List<String> names = jdbc.sql("select name from support_point where name like :m order by name")
                .param("m", "%" + marker).query(String.class).list();
        List<String> expected = new ArrayList<>();
        PAYLOADS.forEach(p -> expected.addAll(List.of(p + marker, p + marker)));
        assertThat(names).as("each name exported and imported again is the name as entered")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void stockExportNeutralisesFormulasAndStockImportReadsBackWhatTheWriterWrote() throws IOException {
        LocalDate expiry = LocalDate.now(clock).plusDays(200);
        List<Long> depots = new ArrayList<>();
        for (String payload : PAYLOADS) {
            var depot = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", payload + marker, "level", "municipal",
                    "municipality", "GM0363", "lat", 52.37, "lon", 4.89)));
            assertThat(depot.status()).as(depot.body()).isEqualTo(201);
            depots.add(depot.json().get("id").asLong());
        }
        // The import file as the one CSV writer writes it: a document number that looks like a formula.
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < depots.size(); i++) {
            rows.add(List.of("receipt", depots.get(i), "drinking-water", "LOT" + marker.strip(), expiry, 12, PAYLOADS.get(i)));
        }
        String file = Csv.write(List.of("type", "depot", "item", "lot", "expiry", "quantity", "documentNumber"), rows);
        var imported = api.send("POST", "/api/v1/stock-events/import", admin, file, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        for (int i = 0; i < depots.size(); i++) {
            String documentNumber = jdbc.sql("select document_number from stock_event where depot_id = :depot")
                    .param("depot", depots.get(i)).query(String.class).single();
            assertThat(documentNumber).as("the import reads back the text, not the added quote").isEqualTo(PAYLOADS.get(i));

            var export = api.get("/api/v1/stock/export?depot=" + depots.get(i), admin);
            assertThat(export.status()).isEqualTo(200);
            List<CSVRecord> records = parse(export.body());
            assertThat(records).hasSize(1);
            assertNoCellRunsAsFormula(records);
            assertThat(records.getFirst().get("depotName")).isEqualTo("'" + PAYLOADS.get(i) + marker);
            assertThat(Csv.readBack(records.getFirst().get("depotName"))).isEqualTo(PAYLOADS.get(i) + marker);
            assertThat(records.getFirst().get("quantity")).as("a number stays a number").startsWith("12");
        }
    }
}
