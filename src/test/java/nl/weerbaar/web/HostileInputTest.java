package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The defects a hostile probe found (issue 13, items 4, 6 and 7), each kept found: no input gets a
 * 5xx, every refusal is problem+json naming the field (or row) and what is expected, and writes nothing.
 */
@IntegrationTest
@TimeDependent
class HostileInputTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static JsonNode refused(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json();
    }

    private static void names(JsonNode problem, String field, String... reasonParts) {
        JsonNode param = null;
        for (JsonNode p : problem.get("invalidParams")) {
            if (p.get("name").asString().equals(field)) {
                param = p;
            }
        }
        assertThat(param).as(problem.toString()).isNotNull();
        assertThat(param.get("reason").asString()).contains(reasonParts);
    }

    private long depot() {
        var response = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Hostile depot " + SEQUENCE.incrementAndGet(),
                "level", "municipal", "municipality", "GM0363", "lat", 52.37, "lon", 4.89)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingTheParameter() {
        names(refused(api.get("/api/v1/bulletins?area=GM0363%00"), 400), "area", "U+0000");
        names(refused(api.get("/api/v1/stock?item=water%01", admin), 400), "item", "control character");
        names(refused(api.get("/api/v1/stock-events?lot=%ED%A0%80", admin), 400), "lot", "UTF-8");
        names(refused(api.get("/api/v1/municipalities?region=%C0%80"), 400), "region", "UTF-8");
    }

    @Test
    void aNulOrALoneSurrogateInAJsonStringIsRefusedAndNothingIsWritten() {
        long depots = count("depot");
        long audit = count("audit_entry");
        names(refused(api.post("/api/v1/depots", admin, "{\"name\":\"Nul\\u0000depot\",\"level\":\"municipal\","
                + "\"municipality\":\"GM0363\",\"lat\":52.37,\"lon\":4.89}"), 400), "name", "U+0000");
        names(refused(api.post("/api/v1/depots", admin, "{\"name\":\"Half \\ud800 a character\",\"level\":\"municipal\","
                + "\"municipality\":\"GM0363\",\"lat\":52.37,\"lon\":4.89}"), 400), "name", "lone surrogate");
        names(refused(api.post("/api/v1/stock-events", admin, "{\"type\":\"receipt\",\"depot\":1,\"item\":\"drinking\\u0000water\","
                + "\"lot\":\"L1\",\"quantity\":1}"), 400), "item", "U+0000");
        names(refused(api.post("/api/v1/scenarios", admin, "{\"name\":\"Nul\\u0000scenario\",\"hazard\":\"power-outage\","
                + "\"areas\":[\"GM0363\"],\"start\":\"2026-02-02T06:00:00+01:00\",\"durationHours\":24}"), 400), "name", "U+0000");
        assertThat(count("depot")).isEqualTo(depots);
        assertThat(count("audit_entry")).isEqualTo(audit);
    }

    @Test
    void nullAsTheBodyOrAsAnEventIsRefused() {
        refused(api.post("/api/v1/stock-events", admin, "null"), 400);
        names(refused(api.post("/api/v1/stock-events", admin, "{\"events\":[null]}"), 400), "events[0]", "JSON object");
        names(refused(api.post("/api/v1/depots", admin, "null"), 400), "body", "required");
    }

    @Test
    void quantitiesBeyondTheLedgerColumnAreRefusedNamingTheRange() {
        long depot = depot();
        String lot = "BIG-" + SEQUENCE.incrementAndGet();
        long events = count("stock_event");
        names(refused(api.post("/api/v1/stock-events", admin, "{\"type\":\"receipt\",\"depot\":" + depot
                + ",\"item\":\"drinking-water\",\"lot\":\"" + lot + "\",\"quantity\":1e15}"), 400), "quantity", "at most 99999999999.999");
        assertThat(api.post("/api/v1/stock-events", admin, "{\"type\":\"receipt\",\"depot\":" + depot
                + ",\"item\":\"drinking-water\",\"lot\":\"" + lot + "\",\"quantity\":99999999999}").status()).isEqualTo(201);
        names(refused(api.post("/api/v1/stock-events", admin, "{\"type\":\"receipt\",\"depot\":" + depot
                + ",\"item\":\"drinking-water\",\"lot\":\"" + lot + "\",\"quantity\":1}"), 400), "quantity", "0.999 more fits");
        assertThat(count("stock_event")).isEqualTo(events + 1);
    }

    @Test
    void csvWithAHugeNumberAnUnclosedQuoteOrExtraCellsIsRefusedNamingTheRow() {
        long depot = depot();
        long events = count("stock_event");
        String header = "type,depot,item,lot,expiry,quantity\n";
        names(refused(api.send("POST", "/api/v1/stock-events/import", admin,
                header + "receipt," + depot + ",drinking-water,CSV1,,1e20\n", "text/csv"), 400), "row 2: quantity", "at most");
        names(refused(api.send("POST", "/api/v1/stock-events/import", admin,
                header + "receipt," + depot + ",drinking-water,CSV1,,5\nreceipt," + depot + ",\"drinking-water,CSV2,,5\n",
                "text/csv"), 400), "row 3", "double quote");
        names(refused(api.send("POST", "/api/v1/stock-events/import", admin,
                header + "receipt," + depot + ",drinking-water,CSV3,,5,surplus\n", "text/csv"), 400), "row 2", "7 cells");
        assertThat(count("stock_event")).isEqualTo(events);
    }

    @Test
    void typeErrorsNameTheFieldWhatWasGivenAndWhatIsExpected() {
        JsonNode claim = refused(api.post("/api/v1/claims", admin, "{\"area\":\"GM0363\",\"text\":\"x\",\"channel\":\"social\","
                + "\"firstSeenAt\":\"yesterday\"}"), 400);
        names(claim, "firstSeenAt", "'yesterday'", "2026-12-01T09:30:00Z");
        assertThat(claim.get("detail").asString()).doesNotContain("Failed to read request");
        names(refused(api.post("/api/v1/depots", admin, "{\"name\":\"Type depot\",\"level\":\"municipal\","
                + "\"municipality\":\"GM0363\",\"lat\":\"abc\",\"lon\":4.89}"), 400), "lat", "'abc'", "a number");
        names(refused(api.post("/api/v1/claims", admin, "{\"area\":\"GM0363\",\"text\":\"x\",\"estimatedReach\":1.5}"), 400),
                "estimatedReach", "1.5", "whole number");
        names(refused(api.post("/api/v1/depots", admin, "{\"name\":\"Unknown field\",\"colour\":\"red\"}"), 400),
                "colour", "not a known field");
        names(refused(api.post("/api/v1/depots", admin, "{\"name\":\"a\",\"name\":\"b\"}"), 400), "body", "Duplicate");
        names(refused(api.get("/api/v1/stock-events?limit=abc", admin), 400), "limit", "'abc'", "whole number");
    }

    @Test
    void brokenJsonIsNamedByLineAndColumn() {
        names(refused(api.post("/api/v1/depots", admin, "{\n  \"name\": \"x\",\n  oops\n}"), 400), "body", "line 3, column");
    }

    @Test
    void unknownPathsWrongMethodsAndFirewallRefusalsAreProblems() {
        refused(api.get("/api/v1/no-such-thing", admin), 404);
        ApiClient.Response wrongMethod = api.send("PATCH", "/api/v1/bulletins", admin, "{}");
        refused(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        refused(api.get("/api/v1/bulletins/100%25"), 400);
        // Refused by Tomcat before the application: still a problem.
        refused(api.get("/api/v1/items/GM0363%00", admin), 400);
        refused(api.get("/api/v1/items/..%2F..%2Fetc%2Fpasswd"), 400);
    }

    @Test
    void bodiesOverTheLimitAre413WithoutBeingReadWhole() throws Exception {
        String big = "<alert>" + "x".repeat(2 * 1024 * 1024) + "</alert>";
        refused(api.send("POST", "/api/v1/verification", null, big, "application/cap+xml"), 413);
        String bigJson = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        refused(api.post("/api/v1/depots", admin, bigJson), 413);
        // Without a Content-Length the body is read up to the limit, and no further.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/verification"))
                .header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        ApiContract.check(port, chunked);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
