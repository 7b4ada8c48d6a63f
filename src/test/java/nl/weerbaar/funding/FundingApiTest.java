package nl.weerbaar.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The funding module through its API, as a national admin, a region and a municipality use it. */
@IntegrationTest
@TimeDependent
class FundingApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "funding-test-password";

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

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    @Test
    void nationalAdminTriesTwoFormulasAdoptsOneAndItBecomesTheRegionsBudget() {
        long line = budgetLine(2031, 7_000_000_000_00L);
        JsonNode byResidents = compute("Residents only", 2031, line, 0, "0", Map.of());
        JsonNode withBase = compute("Base plus residents and area", 2031, line, 1_000_000_00L, "20", Map.of("VR13", 1.2));

        for (JsonNode allocation : List.of(byResidents, withBase)) {
            assertThat(allocation.get("status").asString()).isEqualTo("draft");
            assertThat(allocation.get("shares").size()).isEqualTo(25);
            assertThat(allocation.get("shares").valueStream().mapToLong(s -> s.get("totalCents").asLong()).sum()).isEqualTo(7_000_000_000_00L);
            allocation.get("shares").forEach(s -> assertThat(s.get("baseCents").asLong() + s.get("populationCents").asLong()
                    + s.get("areaCents").asLong()).isEqualTo(s.get("totalCents").asLong()));
        }
        JsonNode vr13 = share(withBase, "VR13");
        assertThat(vr13.get("baseCents").asLong()).isEqualTo(1_000_000_00L);
        assertThat(vr13.get("riskWeight").decimalValue()).isEqualByComparingTo("1.2");

        var comparison = api.get("/api/v1/funding/allocations/comparison?a=" + id(byResidents) + "&b=" + id(withBase), admin);
        assertThat(comparison.status()).as(comparison.body()).isEqualTo(200);
        JsonNode vr13Difference = comparison.json().get("regions").valueStream()
                .filter(r -> r.get("regionCode").asString().equals("VR13")).findFirst().orElseThrow();
        assertThat(vr13Difference.get("differenceCents").asLong())
                .isEqualTo(vr13.get("totalCents").asLong() - share(byResidents, "VR13").get("totalCents").asLong());

        Instant beforeAdoption = clock.instant();
        var adopted = api.post("/api/v1/funding/allocations/" + id(withBase) + "/adoption", admin, null);
        Instant afterAdoption = clock.instant();
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(200);
        assertThat(adopted.json().get("status").asString()).isEqualTo("adopted");
        assertThat(Instant.parse(adopted.json().get("adoptedAt").asString())).as("adopted at the application's time")
                .isBetween(beforeAdoption.minusMillis(1), afterAdoption.plusMillis(1));
        assertThat(budgetOf("VR13", 2031)).isEqualTo(vr13.get("totalCents").asLong());
        assertThat(api.post("/api/v1/funding/allocations/" + id(withBase) + "/adoption", admin, null).status()).isEqualTo(409);

        // Adopting the other formula for the same line replaces the budgets, so the line never counts twice.
        assertThat(api.post("/api/v1/funding/allocations/" + id(byResidents) + "/adoption", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/funding/allocations/" + id(withBase), admin).json().get("status").asString()).isEqualTo("superseded");
        assertThat(budgetOf("VR13", 2031)).isEqualTo(share(byResidents, "VR13").get("totalCents").asLong());
        assertThat(regionReport(admin, 2031).get("total").get("budgetCents").asLong()).isEqualTo(7_000_000_000_00L);
    }

    @Test
    void badFormulaFieldsAreNamedAndBaseAmountsAboveThePotRefused() {
        long line = budgetLine(2032, 1_000_00L);
        var invalid = api.post("/api/v1/funding/allocations", admin, ApiClient.json(Map.of(
                "name", "Invalid", "year", 2033, "budgetLineIds", List.of(line), "baseCents", 0,
                "areaSharePercent", 150, "riskWeights", Map.of("VR99", 1))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("budgetLineIds", "areaSharePercent", "riskWeights");

        // 25 regions × EUR 100 is more than the EUR 1,000 to split.
        var tooGenerous = api.post("/api/v1/funding/allocations", admin, ApiClient.json(Map.of(
                "name", "Too generous", "year", 2032, "budgetLineIds", List.of(line), "baseCents", 100_00L, "areaSharePercent", 0)));
        assertThat(tooGenerous.status()).isEqualTo(400);
        assertThat(fields(tooGenerous)).containsExactly("baseCents");
    }

    @Test
    void regionCoordinatorBooksAndSeesOnlyItsOwnRegion() {
        String coordinator = api.token(newUser("VR13", "coordinator"), PASSWORD);
        var own = api.post("/api/v1/funding/expenditures", coordinator, expenditure("GM0363", "civil-preparedness", 250_000_00L));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("region").asString()).isEqualTo("VR13");
        assertThat(own.header("ETag")).isEqualTo("\"1\"");

        var other = api.post("/api/v1/funding/expenditures", coordinator, expenditure("GM0014", "networks", 1_00L));
        assertThat(other.status()).isEqualTo(403);
        var groningen = api.post("/api/v1/funding/expenditures", admin, expenditure("GM0014", "networks", 3_00L));
        assertThat(groningen.status()).isEqualTo(201);

        List<String> regionsSeen = api.get("/api/v1/funding/expenditures", coordinator).json().get("items").valueStream()
                .map(e -> e.get("region").asString()).distinct().toList();
        assertThat(regionsSeen).containsExactly("VR13");
        assertThat(api.get("/api/v1/funding/expenditures/" + groningen.json().get("id").asLong(), coordinator).status()).isEqualTo(404);
        assertThat(regionReport(coordinator, 2030).get("regions").valueStream().map(r -> r.get("regionCode").asString()).toList())
                .containsExactly("VR13");
        JsonNode categories = api.get("/api/v1/funding/reports/nato-categories?year=2030", coordinator).json();
        assertThat(categories.get("includesNational").asBoolean()).isFalse();
        long networksSeen = categories.get("categories").valueStream()
                .filter(c -> c.get("natoCategory").asString().equals("networks")).findFirst().orElseThrow().get("committedCents").asLong();
        long vr13Networks = jdbc.sql("select coalesce(sum(amount_cents), 0) from funding_expenditure "
                + "where year = 2030 and region_code = 'VR13' and nato_category = 'networks' and kind = 'commitment'").query(Long.class).single();
        assertThat(networksSeen).as("Groningen's networks commitment stays out of VR13's report").isEqualTo(vr13Networks);

        // Another region's line can be neither found nor moved into the coordinator's own region.
        String groningenPath = "/api/v1/funding/expenditures/" + groningen.json().get("id").asLong();
        var moveIn = withIfMatch("PUT", groningenPath, coordinator, expenditure("GM0363", "networks", 3_00L), "\"1\"");
        assertThat(moveIn.statusCode()).isEqualTo(404);
        var editThere = withIfMatch("PUT", groningenPath, coordinator, expenditure("GM0014", "networks", 4_00L), "\"1\"");
        assertThat(editThere.statusCode()).isEqualTo(403);

        String operator = api.token(newUser("VR13", "operator"), PASSWORD);
        assertThat(api.post("/api/v1/funding/expenditures", operator, expenditure("GM0363", "networks", 1_00L)).status()).isEqualTo(403);
    }

    @Test
    void paidCommitmentIsChangedWithIfMatchAndCountsOnce() {
        String coordinator = api.token(newUser("VR13", "coordinator"), PASSWORD);
        JsonNode report = regionReport(coordinator, 2030).get("regions").get(0);
        var created = api.post("/api/v1/funding/expenditures", coordinator, expenditure("VR13", "critical-infrastructure", 40_000_00L));
        String path = "/api/v1/funding/expenditures/" + created.json().get("id").asLong();
        String paid = expenditure("VR13", "critical-infrastructure", 40_000_00L).replace("\"commitment\"", "\"spending\"");

        assertThat(api.send("PUT", path, coordinator, paid).status()).isEqualTo(428);
        var stale = withIfMatch("PUT", path, coordinator, paid, "\"7\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        var updated = withIfMatch("PUT", path, coordinator, paid, created.header("ETag"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");

        JsonNode after = regionReport(coordinator, 2030).get("regions").get(0);
        assertThat(after.get("committedCents").asLong()).isEqualTo(report.get("committedCents").asLong());
        assertThat(after.get("spentCents").asLong()).isEqualTo(report.get("spentCents").asLong() + 40_000_00L);
    }

    @Test
    void csvImportIsAllOrNothingAndNamesEveryBadRowAndField() {
        String coordinator = api.token(newUser("VR13", "coordinator"), PASSWORD);
        long before = expenditureCount();
        String header = "region,municipality,year,kind,amountEur,natoCategory,referenceType,referenceId,description,bookedOn\n";
        String bad = header
                + "VR13,GM0363,2030,spending,1250.00,civil-preparedness,support-point,SP-12,Generator,2030-02-01\n"
                + "VR13,,2030,spending,12x,cyber,,,Firewall,2030-02-02\n"
                + "VR13,GM0363,2030,commitment,\"1.250,50\",networks,depot,D-3,Radios,2030-02-03\n"
                + "VR13,GM0014,2030,gift,5,innovation,,,Pilot,31-02-2030\n";

        var refused = importCsv(coordinator, bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("row 3: amountEur", "row 3: natoCategory", "row 5: municipality", "row 5: kind",
                "row 5: bookedOn").doesNotContain("row 2", "row 4");
        assertThat(expenditureCount()).isEqualTo(before);

        String good = header
                + "VR13,GM0363,2030,spending,1250.00,civil-preparedness,support-point,SP-12,Generator,2030-02-01\n"
                + ",GM0363,2030,commitment,\"1.250,50\",networks,depot,D-3,Radios,2030-02-03\n";
        var imported = importCsv(coordinator, good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("\"rowsImported\":2");
        assertThat(expenditureCount()).isEqualTo(before + 2);

        var outsideScope = importCsv(coordinator, header + "VR01,,2030,spending,5,innovation,,,Pilot,2030-03-01\n");
        assertThat(outsideScope.statusCode()).isEqualTo(403);
        assertThat(expenditureCount()).isEqualTo(before + 2);
    }

    @Test
    void pledgeReportSetsTheResilienceTotalAgainstOneAndAHalfPercentOfGdp() throws Exception {
        JsonNode before = pledgeYear(2025);
        var entered = api.post("/api/v1/funding/national-spending", admin, ApiClient.json(Map.of(
                "year", 2025, "natoCategory", "critical-infrastructure", "amountCents", 5_000_000_000_00L,
                "source", "Test: protection of critical infrastructure")));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);

        JsonNode after = pledgeYear(2025);
        assertThat(after.get("gdpCents").asLong()).isEqualTo(118_700_000_000_000L);
        assertThat(after.get("pledgeCents").asLong()).isEqualTo(1_780_500_000_000L);
        long resilience = after.get("resilienceCents").asLong();
        assertThat(resilience).isEqualTo(before.get("resilienceCents").asLong() + 5_000_000_000_00L);
        assertThat(after.get("sharePercent").decimalValue()).isEqualByComparingTo(PledgeMath.percent(resilience, 118_700_000_000_000L));

        var csv = api.get("/api/v1/funding/reports/pledge.csv", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("year,gdpEur,").contains("2025,1187000000000.00,false");
        LocalDate dayBefore = LocalDate.now(clock);
        var document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/funding/reports/national.pdf?year=2025"))
                .header("Authorization", "Bearer " + admin).header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        ApiContract.check(port, document);
        assertThat(document.statusCode()).isEqualTo(200);
        LocalDate dayAfter = LocalDate.now(clock);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(document.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("1.5 % of GDP", "17,805,000,000.00", "Civil preparedness");
            assertThat(text).as("dated by the application's clock")
                    .containsAnyOf("Made with Weerbaar on " + dayBefore, "Made with Weerbaar on " + dayAfter);
            List<String> fonts = new java.util.ArrayList<>();
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name).getName());
            }
            assertThat(fonts).isNotEmpty().allMatch(font -> font.contains("DejaVuSans"));
        }
        var negotiated = getWithAccept("/api/v1/funding/reports/nato-categories?year=2025", "text/csv");
        assertThat(negotiated.body()).startsWith("year,natoCategory,").contains("2025,critical-infrastructure,");
    }

    @Test
    void budgetLineChangesNeedTheCurrentVersionAndFundingIsNotPublic() {
        long id = budgetLine(2033, 12_00L);
        String path = "/api/v1/funding/budget-lines/" + id;
        String change = ApiClient.json(Map.of("year", 2033, "source", "Ministerie van JenV", "purpose", "campaign", "amountCents", 13_00L));

        assertThat(api.send("PUT", path, admin, change).status()).isEqualTo(428);
        var changed = withIfMatch("PUT", path, admin, change, "\"1\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(withIfMatch("PUT", path, admin, change, "\"1\"").statusCode()).isEqualTo(412);
        assertThat(api.get(path, admin).json().get("amountCents").asLong()).isEqualTo(13_00L);
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/funding/reports/pledge").status()).isEqualTo(401);

        var invalid = api.post("/api/v1/funding/budget-lines", admin, """
                {"year": 1999, "source": "", "purpose": "Support Points", "amountCents": -1}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("year", "source", "purpose", "amountCents");
    }

    @Test
    void aBudgetLineIsDeletedWithIfMatchOnlyWhileNoAllocationWasComputedFromIt() {
        long used = budgetLine(2032, 50_000_00L);
        compute("Uit regel " + used, 2032, used, 0, "0", Map.of());
        long spare = budgetLine(2032, 1_00L);

        var inUse = api.sendIfMatch("DELETE", "/api/v1/funding/budget-lines/" + used, admin, null, "\"1\"");
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asString()).contains("used by 1 allocation", "Uit regel " + used);
        assertThat(api.get("/api/v1/funding/budget-lines/" + used, admin).status()).isEqualTo(200);

        String path = "/api/v1/funding/budget-lines/" + spare;
        assertThat(api.send("DELETE", path, admin, null).status()).isEqualTo(428);
        assertThat(api.sendIfMatch("DELETE", path, admin, null, "\"7\"").status()).isEqualTo(412);
        assertThat(api.sendIfMatch("DELETE", path, api.token(newUser("VR13", "coordinator"), PASSWORD), null, "\"1\"").status()).isEqualTo(403);
        assertThat(api.sendIfMatch("DELETE", path, admin, null, "\"1\"").status()).isEqualTo(204);
        assertThat(api.get(path, admin).status()).isEqualTo(404);
        assertThat(jdbc.sql("select action from audit_entry where entity_type = 'budget-line' and entity_id = :id order by seq")
                .param("id", String.valueOf(spare)).query(String.class).list()).containsExactly("budget-line.created", "budget-line.deleted");
    }

    private long budgetLine(int year, long cents) {
        var response = api.post("/api/v1/funding/budget-lines", admin, ApiClient.json(Map.of(
                "year", year, "source", "Ministerie van Justitie en Veiligheid", "purpose", "regional-strengthening",
                "amountCents", cents, "note", "test line " + SEQUENCE.incrementAndGet())));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private JsonNode compute(String name, int year, long line, long baseCents, String areaShare, Map<String, Double> weights) {
        var response = api.post("/api/v1/funding/allocations", admin, ApiClient.json(Map.of(
                "name", name, "year", year, "budgetLineIds", List.of(line), "baseCents", baseCents,
                "areaSharePercent", new java.math.BigDecimal(areaShare), "riskWeights", weights)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static long id(JsonNode node) {
        return node.get("id").asLong();
    }

    private static JsonNode share(JsonNode allocation, String region) {
        return allocation.get("shares").valueStream().filter(s -> s.get("regionCode").asString().equals(region)).findFirst().orElseThrow();
    }

    private long budgetOf(String region, int year) {
        return regionReport(admin, year).get("regions").valueStream().filter(r -> r.get("regionCode").asString().equals(region))
                .findFirst().orElseThrow().get("budgetCents").asLong();
    }

    private JsonNode regionReport(String token, int year) {
        var response = api.get("/api/v1/funding/reports/regions?year=" + year, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode pledgeYear(int year) {
        var response = api.get("/api/v1/funding/reports/pledge", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("years").valueStream().filter(y -> y.get("year").asInt() == year).findFirst().orElseThrow();
    }

    private static String expenditure(String area, String category, long cents) {
        boolean municipality = area.startsWith("GM");
        return ApiClient.json(Map.of(municipality ? "municipality" : "region", area, "year", 2030, "kind", "commitment",
                "amountCents", cents, "natoCategory", category, "description", "Noodstroom voor steunpunt",
                "bookedOn", "2030-01-15"));
    }

    private long expenditureCount() {
        return jdbc.sql("select count(*) from funding_expenditure").query(Long.class).single();
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList();
    }

    private String newUser(String organisation, String role) {
        return api.createUser(admin, organisation, role, PASSWORD);
    }

    private HttpResponse<String> importCsv(String token, String csv) {
        return send(HttpRequest.newBuilder(uri("/api/v1/funding/expenditures/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private HttpResponse<String> withIfMatch(String method, String path, String token, String json, String ifMatch) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> getWithAccept(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + admin).header("Accept", accept).GET());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.check(port, response);
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
