package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

@IntegrationTest
@TimeDependent
class SupportPointsApiTest {

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
    PointFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        fixtures = new PointFixtures(api, admin);
    }

    private ApiClient.Response setStatus(String token, long id, String etag, String body) {
        return api.send("PUT", "/api/v1/support-points/" + id + "/status", token, body,
                etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private long historyEntries(long id) {
        return jdbc.sql("select count(*) from support_point_status where point_id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void coordinatorRegistersPointAndEveryoneReadsItWithEtagAndKebabCaseCodes() {
        String coordinator = fixtures.token("GM0363", "coordinator");
        var created = api.post("/api/v1/support-points", coordinator, ApiClient.json(PointFixtures.amsterdamPoint("Buurthuis")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/support-points/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        // Signed in, the ETag is the version, for If-Match; anonymous readers get one over the content (PublicCachingTest).
        assertThat(api.get("/api/v1/support-points/" + id, coordinator).header("ETag")).isEqualTo("\"1\"");
        var read = api.get("/api/v1/support-points/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).matches("W/\"[^\"]+\"");
        JsonNode point = read.json();
        assertThat(point.get("tier").asString()).isEqualTo("local");
        assertThat(point.get("buildingKind").asString()).isEqualTo("community-centre");
        assertThat(point.get("municipality").asString()).isEqualTo("GM0363");
        assertThat(point.get("region").asString()).isEqualTo("VR13");
        assertThat(point.get("capabilities").valueStream().map(JsonNode::asString))
                .containsExactly("information", "phone-charging", "drinking-water");
        assertThat(point.get("capacity").get("persons").asInt()).isEqualTo(120);
        assertThat(point.get("public").asBoolean()).isTrue();
        assertThat(point.get("demo").asBoolean()).isFalse();
        assertThat(point.get("status").asString()).isEqualTo("inactive");
        assertThat(point.get("freshness").get("recentlyConfirmed").asBoolean()).isFalse();

        var audited = api.get("/api/v1/audit?entityType=support-point&entityId=" + id, admin).json().get("items");
        assertThat(audited.get(0).get("action").asString()).isEqualTo("support-point.created");
    }

    @Test
    void invalidPointIsRefusedNamingEveryFieldAndWritesNothing() {
        long before = jdbc.sql("select count(*) from support_point").query(Long.class).single();
        var response = api.post("/api/v1/support-points", admin, """
                {"name": "", "tier": "huge", "buildingKind": "castle", "lat": 40.0, "lon": 4.9, "municipality": "GM9999",
                 "capabilities": ["information", "teleport"], "capacity": {"persons": -1}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = response.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("name", "tier", "buildingKind", "lat", "municipality", "capabilities",
                "capacity.persons");
        assertThat(jdbc.sql("select count(*) from support_point").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void positionOutsideTheGivenMunicipalityIsRefused() {
        Map<String, Object> point = PointFixtures.amsterdamPoint("Verkeerde plek");
        point.put("municipality", "GM0014");
        var response = api.post("/api/v1/support-points", admin, ApiClient.json(point));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").get(0).get("reason").asString()).contains("GM0363", "GM0014");
    }

    @Test
    void statusUpdateNeedsIfMatchAndAStaleOneGets412() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Sporthal")).get("id").asLong();
        String operator = fixtures.token("GM0363", "operator");
        String open = "{\"status\":\"open\",\"occupancy\":40,\"message\":\"Koffie en water\"}";

        assertThat(setStatus(operator, id, null, open).status()).isEqualTo(428);
        var first = setStatus(operator, id, "\"1\"", open);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(first.json().get("status").asString()).isEqualTo("open");
        assertThat(first.json().get("freshness").get("recentlyConfirmed").asBoolean()).isTrue();

        var stale = setStatus(operator, id, "\"1\"", "{\"status\":\"full\",\"occupancy\":120}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asString()).contains("\"2\"");
        assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("open");
        assertThat(historyEntries(id)).isEqualTo(1);
    }

    @Test
    void aRetriedStatusUpdateWithTheSameIdempotencyKeyHasOneEffectAndTheSameAnswer() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Bibliotheek")).get("id").asLong();
        String operator = fixtures.token("GM0363", "operator");
        Map<String, String> headers = Map.of("If-Match", "\"1\"", "Idempotency-Key", UUID.randomUUID().toString());
        String body = "{\"status\":\"open\",\"occupancy\":12}";

        var first = api.send("PUT", "/api/v1/support-points/" + id + "/status", operator, body, headers);
        var retry = api.send("PUT", "/api/v1/support-points/" + id + "/status", operator, body, headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo("\"2\"");
        assertThat(historyEntries(id)).isEqualTo(1);
    }

    @Test
    void operatorOutsideTheMunicipalityIsRefusedAndOperatorMayNotRegister() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("School")).get("id").asLong();
        String groningen = fixtures.token("GM0014", "operator");
        assertThat(setStatus(groningen, id, "\"1\"", "{\"status\":\"open\"}").status()).isEqualTo(403);

        String regionOperator = fixtures.token("VR13", "operator");
        assertThat(setStatus(regionOperator, id, "\"1\"", "{\"status\":\"standby\"}").status()).isEqualTo(200);

        String amsterdamOperator = fixtures.token("GM0363", "operator");
        var register = api.post("/api/v1/support-points", amsterdamOperator, ApiClient.json(PointFixtures.amsterdamPoint("Nee")));
        assertThat(register.status()).isEqualTo(403);
        assertThat(historyEntries(id)).isEqualTo(1);
    }

    @Test
    void nonPublicPointIsNeverShownToAnonymousCallers() {
        Map<String, Object> shelter = PointFixtures.amsterdamPoint("Opvang kwetsbaren");
        shelter.put("public", false);
        JsonNode created = fixtures.create(shelter);
        long id = created.get("id").asLong();
        double lat = created.get("lat").asDouble();
        double lon = created.get("lon").asDouble();

        assertThat(api.get("/api/v1/support-points/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/support-points?municipality=GM0363").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.get("/api/v1/support-points/nearest?lat=" + lat + "&lon=" + lon + "&limit=100").body())
                .doesNotContain("\"id\":" + id + ",");

        String amsterdamViewer = fixtures.token("GM0363", "viewer");
        assertThat(api.get("/api/v1/support-points/" + id, amsterdamViewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/support-points?municipality=GM0363", amsterdamViewer).body()).contains("\"id\":" + id + ",");
        String groningenViewer = fixtures.token("GM0014", "viewer");
        assertThat(api.get("/api/v1/support-points/" + id, groningenViewer).status()).isEqualTo(404);
    }

    @Test
    void editNeedsIfMatchAndRetireTakesThePointOutOfPublicView() {
        JsonNode created = fixtures.create(PointFixtures.amsterdamPoint("Kerk"));
        long id = created.get("id").asLong();
        Map<String, Object> edited = PointFixtures.amsterdamPoint("Kerk herdoopt");
        edited.put("lat", created.get("lat").asDouble());
        edited.put("lon", created.get("lon").asDouble());
        String path = "/api/v1/support-points/" + id;

        assertThat(api.send("PUT", path, admin, ApiClient.json(edited)).status()).isEqualTo(428);
        var edit = api.send("PUT", path, admin, ApiClient.json(edited), Map.of("If-Match", "\"1\""));
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.json().get("name").asString()).startsWith("Kerk herdoopt");

        assertThat(api.send("DELETE", path, admin, null, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var retired = api.send("DELETE", path, admin, null, Map.of("If-Match", edit.header("ETag")));
        assertThat(retired.status()).isEqualTo(200);
        assertThat(Instant.parse(retired.json().get("retiredAt").asString())).isBetween(before, clock.instant());
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get(path, admin).status()).isEqualTo(200);
        assertThat(setStatus(admin, id, retired.header("ETag"), "{\"status\":\"open\"}").status()).isEqualTo(409);
    }

    @Test
    void statusHistoryRecordsWhoAndWhenForSignedInUsersInScope() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Dorpshuis")).get("id").asLong();
        String operator = fixtures.token("GM0363", "operator");
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JsonNode point = setStatus(operator, id, "\"1\"", "{\"status\":\"open\",\"occupancy\":5,\"unavailable\":[\"drinking-water\"]}")
                .json();
        Instant after = clock.instant();

        var history = api.get("/api/v1/support-points/" + id + "/status-history", operator);
        assertThat(history.status()).isEqualTo(200);
        JsonNode entry = history.json().get("items").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("open");
        assertThat(entry.get("unavailable").get(0).asString()).isEqualTo("drinking-water");
        assertThat(entry.get("actor").asString()).startsWith("pt-operator-gm0363");
        // Confirmed when the application clock says, so freshness (judged by that clock) counts from then.
        assertThat(Instant.parse(entry.get("at").asString())).isBetween(before, after);
        assertThat(point.get("freshness").get("confirmedAt").asString()).isEqualTo(entry.get("at").asString());
        assertThat(point.get("freshness").get("ageMinutes").asLong()).isZero();
        assertThat(api.get("/api/v1/support-points/" + id + "/status-history").status()).isEqualTo(401);
    }

    @Test
    void unavailableMustBeACapabilityOfThePoint() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Wijkcentrum")).get("id").asLong();
        var response = setStatus(admin, id, "\"1\"", "{\"status\":\"open\",\"unavailable\":[\"food\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("unavailable");
    }

    @Test
    void listFiltersByMunicipalityRegionAndStatusAndNamesBadFilters() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Filterhuis")).get("id").asLong();
        setStatus(admin, id, "\"1\"", "{\"status\":\"closed\"}");

        assertThat(api.get("/api/v1/support-points?region=VR13&status=closed").body()).contains("\"id\":" + id + ",");
        assertThat(api.get("/api/v1/support-points?municipality=GM0363&status=open").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.get("/api/v1/support-points?region=VR01").body()).doesNotContain("\"id\":" + id + ",");
        var bad = api.get("/api/v1/support-points?municipality=Amsterdam&status=busy");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("municipality", "status");
    }

    @Test
    void coordinatorActivatesAndStandsDownAllPointsOfAnArea() {
        long id = fixtures.create(PointFixtures.amsterdamPoint("Activatie")).get("id").asLong();
        String regionCoordinator = fixtures.token("VR13", "coordinator");

        var activated = api.post("/api/v1/support-points/activation", regionCoordinator,
                "{\"area\":\"GM0363\",\"status\":\"open\",\"message\":\"Stroomuitval: steunpunten open\"}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("points").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode point = api.get("/api/v1/support-points/" + id).json();
        assertThat(point.get("status").asString()).isEqualTo("open");
        assertThat(point.get("message").asString()).isEqualTo("Stroomuitval: steunpunten open");
        assertThat(historyEntries(id)).isEqualTo(1);

        assertThat(api.post("/api/v1/support-points/activation", regionCoordinator,
                "{\"area\":\"GM0014\",\"status\":\"open\"}").status()).isEqualTo(403);
        String operator = fixtures.token("VR13", "operator");
        assertThat(api.post("/api/v1/support-points/activation", operator,
                "{\"area\":\"GM0363\",\"status\":\"inactive\"}").status()).isEqualTo(403);
    }
}
