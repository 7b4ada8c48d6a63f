package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class NearestSupportPointsTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    ApiClient api;
    String admin;
    PointFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        fixtures = new PointFixtures(api, admin);
    }

    private static List<Long> ids(JsonNode answer) {
        return answer.get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }

    @Test
    void nearestPointsComeNearestFirstWithDistanceStatusAndFreshness() {
        JsonNode here = fixtures.create(PointFixtures.amsterdamPoint("Hier"));
        fixtures.create(PointFixtures.amsterdamPoint("Daar"));
        double lat = here.get("lat").asDouble();
        double lon = here.get("lon").asDouble();

        var answer = api.get("/api/v1/support-points/nearest?lat=" + lat + "&lon=" + lon + "&limit=2");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode items = answer.json().get("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).get("id").asLong()).isEqualTo(here.get("id").asLong());
        assertThat(items.get(0).get("distanceMeters").asLong()).isZero();
        List<Long> distances = items.valueStream().map(p -> p.get("distanceMeters").asLong()).toList();
        assertThat(distances).isSorted();
        assertThat(items.get(0).get("status").asString()).isEqualTo("inactive");
        assertThat(items.get(0).has("freshness")).isTrue();
        assertThat(answer.json().get("origin").get("municipality").asString()).isEqualTo("GM0363");
    }

    @Test
    void postcodeSearchStartsAtThePostcodePoint() {
        fixtures.create(PointFixtures.amsterdamPoint("Centrum"));
        var answer = api.get("/api/v1/support-points/nearest?postcode=1012%20AB&limit=3");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("origin").get("postcode").asString()).isEqualTo("1012");
        assertThat(answer.json().get("items").size()).isBetween(1, 3);
    }

    @Test
    void statusAndCapabilityFiltersAcceptOneValueOrAList() {
        Map<String, Object> withFood = PointFixtures.amsterdamPoint("Voedselpunt");
        withFood.put("capabilities", List.of("information", "food", "pets"));
        JsonNode food = fixtures.create(withFood);
        long id = food.get("id").asLong();
        String at = "lat=" + food.get("lat").asDouble() + "&lon=" + food.get("lon").asDouble();
        api.send("PUT", "/api/v1/support-points/" + id + "/status", admin, "{\"status\":\"full\",\"occupancy\":120}",
                Map.of("If-Match", "\"1\""));

        assertThat(ids(api.get("/api/v1/support-points/nearest?" + at + "&capability=food,pets&limit=1").json()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/v1/support-points/nearest?" + at + "&status=open,full&limit=1").json()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/v1/support-points/nearest?" + at + "&status=open&limit=20").json()))
                .doesNotContain(id);

        api.send("PUT", "/api/v1/support-points/" + id + "/status", admin,
                "{\"status\":\"open\",\"occupancy\":10,\"unavailable\":[\"food\"]}", Map.of("If-Match", "\"2\""));
        assertThat(ids(api.get("/api/v1/support-points/nearest?" + at + "&capability=food&limit=20").json()))
                .as("a point whose food ran out is not found for food").doesNotContain(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postcode=12AB|postcode",
            "postcode=0999|postcode",
            "postcode=1000AA|postcode",
            "lat=91&lon=4.9|lat",
            "lat=52.37&lon=40|lon",
            "lat=52.37|lon",
            "|postcode",
            "postcode=1012&lat=52.3&lon=4.9|postcode",
            "postcode=1012&limit=0|limit",
            "postcode=1012&capability=teleport|capability",
            "postcode=1012&status=busy|status"})
    void badSearchGetsAClear400NamingTheParameter(String query, String field) {
        var answer = api.get("/api/v1/support-points/nearest?" + (query == null ? "" : query));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("invalidParams").valueStream().map(p -> p.get("name").asString())).contains(field);
    }
}
