package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Item 10 of issue 19: from a blackout's result a coordinator sees the dark support points with
 * what power there would do, reads why national water stays unused, and runs "a generator here"
 * with one click.
 */
@IntegrationTest
@TimeDependent
class PlanActionsBrowserTest {

    private static final String ALMERE = "GM0034";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void darkPointsAreListedWithTheValueOfPowerAndAGeneratorThereIsOneClickAway() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String pointName = "Donker steunpunt " + System.nanoTime() % 1_000_000;
        var point = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of(
                "name", pointName, "tier", "hub", "buildingKind", "sports-hall",
                "address", "Stadhuisplein 1, Almere", "lat", 52.3708, "lon", 5.2141, "municipality", ALMERE,
                "capabilities", List.of("information", "drinking-water"), "capacity", Map.of("persons", 1000, "overnight", 0),
                "backupPower", Map.of("generator", false))));
        assertThat(point.status()).as(point.body()).isEqualTo(201);
        long pointId = point.json().get("id").asLong();
        String depotName = "Landelijk depot acties " + System.nanoTime() % 1_000_000;
        var depot = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", depotName,
                "level", "national", "municipality", ALMERE, "lat", 52.38, "lon", 5.25)));
        assertThat(depot.status()).as(depot.body()).isEqualTo(201);
        var receipt = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "receipt",
                "depot", depot.json().get("id").asLong(), "item", "drinking-water", "lot", "ACTIES-" + System.nanoTime(),
                "expiry", LocalDate.now(clock).plusYears(3).toString(), "quantity", 1_000_000)));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);

        String name = "Stroomuitval Almere " + System.nanoTime() % 1_000_000;
        var scenario = api.post("/api/v1/scenarios", admin, ApiClient.json(Map.of("name", name, "hazard", "power-outage",
                "areas", List.of(ALMERE), "start", "2026-12-01T06:00:00+01:00", "durationHours", 48,
                "helpSeekingShare", 0.1, "walkingDistanceKm", 1.5,
                "items", List.of(Map.of("item", "drinking-water", "perPersonPerDay", 3)))));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        var started = api.post("/api/v1/scenarios/" + scenario.json().get("id").asLong() + "/runs", admin, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().get("id").asLong();

        try (Browser browser = Browser.open(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");

            browser.get("/medewerkers/planning/doorrekeningen/" + run);
            waitForResult(browser);
            WebElement dark = browser.find("#dark-table tr[data-point='" + pointId + "']");
            assertThat(dark.getText()).contains(pointName, "Almere", "dag 1");
            assertThat(browser.find("#dark-points h2").getText()).isEqualTo("Donkere steunpunten: waar helpt stroom?");
            String unused = browser.find("#unused-stock").getText();
            assertThat(unused).as("why national water stays: derived from the plan").contains("In landelijke depots blijft", depotName)
                    .containsAnyOf("donker", "geleverd", "wagens", "steunpunt binnen");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('dark-points').scrollIntoView()");
            browser.screenshot(java.nio.file.Path.of("target", "planning-dark-points.png"));

            // one click: a copy of the scenario with a generator at this point, saved and run
            browser.clickAndWaitForNewPage(dark.findElement(By.cssSelector("button")));
            assertThat(browser.path()).startsWith("/medewerkers/planning/doorrekeningen/").isNotEqualTo("/medewerkers/planning/doorrekeningen/" + run);
            waitForResult(browser);
            assertThat(browser.find("main").getText()).contains(name + " + aggregaat bij " + pointName);
            assertThat(browser.driver().findElements(By.cssSelector("#dark-table tr[data-point='" + pointId + "']")))
                    .as("with a generator the point stays lit").isEmpty();
        }
    }

    private static void waitForResult(Browser browser) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        new WebDriverWait(browser.driver(), Duration.between(Instant.now(), deadline)).pollingEvery(Duration.ofSeconds(1))
                .until((WebDriver d) -> !d.findElements(By.id("headline")).isEmpty()
                        || !d.findElements(By.cssSelector(".planning-status--failed")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(".planning-status--failed"))).isEmpty();
    }
}
