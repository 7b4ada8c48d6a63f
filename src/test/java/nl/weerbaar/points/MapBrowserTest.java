package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident on a phone opens the map from the finder: it opens on their postcode, loads only
 * the points in view, explains the colours in words; zoomed out to the whole country it loads
 * no points at all and says to zoom in.
 */
@IntegrationTest
class MapBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void theMapOpensOnThePostcodeAndLoadsOnlyThePointsInView() {
        ApiClient api = new ApiClient(port);
        PointFixtures fixtures = new PointFixtures(api, api.token("admin", adminPassword));
        Map<String, Object> near = PointFixtures.amsterdamPoint("Kaartpunt Centrum");
        near.put("lat", 52.3735);
        near.put("lon", 4.8945);
        fixtures.create(near);
        Map<String, Object> far = PointFixtures.amsterdamPoint("Kaartpunt Groningen");
        far.put("lat", 53.2165);
        far.put("lon", 6.5704);
        far.put("municipality", "GM0014");
        long farId = fixtures.create(far).get("id").asLong();

        try (Browser browser = Browser.open(port)) {
            browser.resize(390, 844);
            browser.get("/steunpunten?postcode=1012");
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("a[href^='/steunpunten/kaart?postcode=1012']")));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> browser.find("#points-map").getAttribute("data-loaded") != null);
            assertThat(browser.find("#points-map-legend").getText()).contains("Open: u kunt er nu terecht.", "Paraat: nog niet open");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> requests = (List<Map<String, Object>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) {"
                            + " return {name: e.name, size: e.transferSize}; });");
            List<Map<String, Object>> points = requests.stream()
                    .filter(r -> String.valueOf(r.get("name")).contains("/api/v1/support-points/export.geojson")).toList();
            assertThat(points).isNotEmpty().allSatisfy(r -> assertThat(String.valueOf(r.get("name"))).contains("bbox="));
            assertThat(requests).noneSatisfy(r -> assertThat(String.valueOf(r.get("name"))).contains("boundaries"));
            long pointBytes = points.stream().mapToLong(r -> ((Number) r.get("size")).longValue()).sum();
            assertThat(pointBytes).as("the points of the visible area, not the country's 714 KB").isLessThan(64 * 1024);
            String bbox = String.valueOf(points.getLast().get("name")).replaceAll(".*bbox=", "");
            var inView = api.get("/api/v1/support-points/export.geojson?bbox=" + bbox).body();
            assertThat(inView).contains("Kaartpunt Centrum").doesNotContain("\"id\":" + farId + ",");
            browser.screenshot(Path.of("docs/map-phone.png"));

            browser.get("/steunpunten/kaart");
            assertThat(browser.find("#points-map-hint").getText()).contains("Zoom in");
        }
        assertThat(api.get("/api/v1/support-points/export.geojson?bbox=5,53,4,52").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/support-points/export.geojson?bbox=abc").body()).contains("bbox");
    }

    @Test
    void coverageOpensOnTheCoordinatorsOwnRegionWithTooltips() {
        ApiClient api = new ApiClient(port);
        String coordinator = api.createUser(api.token("admin", adminPassword), "GM0363", "coordinator", PointFixtures.PASSWORD);
        try (Browser browser = Browser.open(port)) {
            browser.get("/medewerkers/steunpunten/dekking");
            browser.waitForPath("/inloggen");
            browser.find("#username").sendKeys(coordinator);
            browser.find("#password").sendKeys(PointFixtures.PASSWORD);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers/steunpunten/dekking");
            assertThat(browser.find("#focus").getText()).contains("Veiligheidsregio Amsterdam-Amstelland");
            List<String> rows = browser.driver().findElements(By.cssSelector("tbody th")).stream().map(e -> e.getText()).toList();
            assertThat(rows).anyMatch(r -> r.startsWith("Amsterdam (GM0363)")).noneMatch(r -> r.contains("GM0014"));
            assertThat(browser.driver().findElements(By.cssSelector("figure.weerbaar-map path title")).stream()
                    .map(t -> t.getAttribute("textContent")).toList())
                    .anyMatch(t -> t.startsWith("Amsterdam: ") && t.contains("steunpunten open"));
            browser.screenshot(Path.of("docs/coverage-own-region.png"));
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("#focus a")));
            assertThat(browser.driver().findElements(By.cssSelector("tbody tr"))).hasSize(342);
        }
    }
}
