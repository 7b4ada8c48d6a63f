package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TimeDependent
class SupportPointPagesTest {

    private static final int PAGE_BUDGET_BYTES = 30 * 1024;

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode amsterdamPoint(Map<String, Object> changes) {
        ApiClient api = new ApiClient(port);
        Map<String, Object> point = PointFixtures.amsterdamPoint("Paginapunt");
        point.putAll(changes);
        return new PointFixtures(api, api.token("admin", adminPassword)).create(point);
    }

    private void open(JsonNode point) {
        ApiClient api = new ApiClient(port);
        var opened = api.send("PUT", "/api/v1/support-points/" + point.get("id").asLong() + "/status",
                api.token("admin", adminPassword), "{\"status\":\"open\"}", Map.of("If-Match", "\"1\""));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    }

    @Test
    void homeAndFinderOfferThePostcodeFormWithoutJavaScript() throws Exception {
        for (String path : new String[] {"/", "/steunpunten"}) {
            String body = page(path).body();
            assertThat(body).as(path).contains("action=\"/steunpunten\"", "method=\"get\"", "name=\"postcode\"")
                    .doesNotContain("<script");
        }
        assertThat(page("/").body()).contains("href=\"/steunpunten\"");
    }

    @Test
    void postcodeSearchListsPointsNearestFirstWithStatusAndFreshness() throws Exception {
        // On the postcode's own point, so it is among the nearest.
        JsonNode point = amsterdamPoint(Map.of("name", "Buurthuis Centrum Paginatest", "lat", 52.37339, "lon", 4.89406));
        // Open points of other tests around 1012 come first on the page; the API lists by distance alone.
        HttpResponse<String> results = page("/steunpunten?postcode=1012+AB");
        assertThat(results.statusCode()).isEqualTo(200);
        // Other tests put points on this very spot too: at 0 m the order among them is not this test's to know.
        assertThat(new ApiClient(port).get("/api/v1/support-points/nearest?postcode=1012&limit=100").body())
                .contains("\"id\":" + point.get("id").asLong() + ",");
        assertThat(results.body()).contains("Steunpunten bij postcode 1012");
        assertThat(page("/steunpunten/" + point.get("id").asLong()).body()).contains("Niet actief");

        HttpResponse<String> detail = page("/steunpunten/" + point.get("id").asLong());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Buurthuis Centrum Paginatest", "Drinkwater", "Telefoon opladen",
                "Status nog nooit bevestigd");
        assertThat(page("/steunpunten/" + point.get("id").asLong() + "?lang=en").body()).contains("Drinking water");
    }

    @Test
    void aStatusJustSetReadsAsRecentlyConfirmed() throws Exception {
        JsonNode point = amsterdamPoint(Map.of("name", "Buurthuis Versetest"));
        open(point);

        String detail = page("/steunpunten/" + point.get("id").asLong()).body();
        assertThat(detail).contains("Open", "Bevestigd 0 min geleden").doesNotContain("Niet recent bevestigd");
    }

    @Test
    void badPostcodeGetsTheFormBackWithAClearMessage() throws Exception {
        HttpResponse<String> bad = page("/steunpunten?postcode=12AB");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("utrecht-form-field--invalid", "geen bekende Nederlandse postcode", "value=\"12AB\"");
    }

    @Test
    void mapPageLoadsLeafletAndItsDataFromThisServerOnly() throws Exception {
        String map = page("/steunpunten/kaart").body();
        // The webjar locator writes the version into the path, so caches can keep it forever.
        assertThat(map).contains("src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"", "href=\"/webjars/leaflet/1.9.4/dist/leaflet.css\"",
                "src=\"/js/points-map.js\"", "data-points=\"/api/v1/support-points/export.geojson\"",
                "<noscript>", "id=\"points-map-legend\"").doesNotContain("data-boundaries");
        assertThat(map).doesNotContain("http://", "https://", "<script>", "style=");
        assertThat(page("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(page("/js/points-map.js").body()).contains("L.map(");
    }

    @Test
    void nonPublicPointHasNoPublicPage() throws Exception {
        JsonNode shelter = amsterdamPoint(Map.of("public", false));
        assertThat(page("/steunpunten/" + shelter.get("id").asLong()).statusCode()).isEqualTo(404);
    }

    @Test
    void resultsPageStaysWithinBudgetAndMarksDemoPoints() throws Exception {
        amsterdamPoint(Map.of());
        HttpResponse<String> results = page("/steunpunten?postcode=1012");
        assertThat(results.statusCode()).isEqualTo(200);
        int css = page("/css/weerbaar.css").body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(results.body().getBytes(StandardCharsets.UTF_8).length + css).isLessThan(PAGE_BUDGET_BYTES);
        assertThat(results.body()).doesNotContain("<script", "style=", "<style");
        // Other tests may have loaded the demo network into the shared database: then it must say so.
        if (results.body().contains("weerbaar-badge--demo")) {
            assertThat(results.body()).contains("Voorbeeldgegevens");
        }
    }
}
