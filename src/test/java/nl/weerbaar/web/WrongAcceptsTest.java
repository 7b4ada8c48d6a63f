package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Input the system used to accept and quietly change or keep (issue 13, item 5), now refused by name. */
@IntegrationTest
@TimeDependent
class WrongAcceptsTest {

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

    private static void refusedNaming(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode params = response.json().get("invalidParams");
        assertThat(params.findValuesAsString("name")).as(response.body()).contains(field);
    }

    private long point(String municipality, double lat, double lon) {
        int n = SEQUENCE.incrementAndGet();
        var response = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of("name", "Linked point " + n + " " + System.nanoTime(),
                "tier", "local", "buildingKind", "community-centre", "lat", lat + n * 1e-5, "lon", lon,
                "municipality", municipality, "capabilities", java.util.List.of("information"))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private ApiClient.Response depot(Object name, Long supportPoint) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "level", "municipal", "municipality", "GM0363",
                "lat", 52.37, "lon", 4.89));
        if (supportPoint != null) {
            body.put("supportPoint", supportPoint);
        }
        return api.post("/api/v1/depots", admin, ApiClient.json(body));
    }

    @Test
    void aDepotLinksOnlyToAnExistingSupportPointInItsOwnMunicipality() {
        long depots = jdbc.sql("select count(*) from depot").query(Long.class).single();
        refusedNaming(depot("Linked elsewhere", point("GM0599", 51.92, 4.48)), "supportPoint");
        refusedNaming(depot("Linked to nothing", 999_999_999L), "supportPoint");
        assertThat(jdbc.sql("select count(*) from depot").query(Long.class).single()).isEqualTo(depots);

        long amsterdam = point("GM0363", 52.37, 4.89);
        var linked = depot("Linked in Amsterdam", amsterdam);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("supportPoint").asLong()).isEqualTo(amsterdam);
    }

    @Test
    void aNameOfOnlyInvisibleCharactersIsBlank() {
        refusedNaming(depot("\u200B\u200B\u200B", null), "name");
        refusedNaming(depot("\uFEFF \u2060", null), "name");
    }

    @Test
    void fractionsForWholeNumbersAreRefusedNotRounded() {
        refusedNaming(api.post("/api/v1/funding/expenditures", admin, "{\"municipality\":\"GM0363\",\"year\":2030,"
                + "\"kind\":\"spending\",\"amountCents\":1.5,\"natoCategory\":\"civil-preparedness\",\"description\":\"fraction\","
                + "\"bookedOn\":\"2030-01-01\"}"), "amountCents");
    }

    @Test
    void unknownFieldsAndDuplicateKeysAreRefusedEverywhere() {
        refusedNaming(api.post("/api/v1/support-points", admin, "{\"name\":\"x\",\"nmae\":\"typo\"}"), "nmae");
        var duplicate = api.post("/api/v1/funding/budget-lines", admin,
                "{\"year\":2030,\"year\":2031,\"source\":\"dup\",\"purpose\":\"campaign\",\"amountCents\":100}");
        refusedNaming(duplicate, "body");
        assertThat(duplicate.json().get("detail").asString()).contains("Duplicate", "year");
    }
}
