package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator on a phone sets the status of a point, and is told when someone else got there first:
 * without JavaScript, the form as it always worked (OfflineStatusBrowserTest drives it with JavaScript).
 */
@IntegrationTest
class OperatorPageBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void operatorOpensThePointFromAPhoneAndAConcurrentChangeIsNotOverwritten() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long id = new PointFixtures(api, admin).create(PointFixtures.amsterdamPoint("Telefoonpunt")).get("id").asLong();
        String operator = "pt-browser-operator-" + System.nanoTime() % 1_000_000;
        api.post("/api/v1/users", admin, ApiClient.json(Map.of("username", operator, "password", PointFixtures.PASSWORD,
                "organisation", "GM0363", "role", "operator")));

        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.resize(390, 844);
            browser.get("/medewerkers/steunpunten/" + id);
            browser.waitForPath("/inloggen");
            browser.find("#username").sendKeys(operator);
            browser.find("#password").sendKeys(PointFixtures.PASSWORD);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers/steunpunten/" + id);

            new Select(browser.find("#status")).selectByValue("open");
            browser.find("#occupancy").clear();
            browser.find("#occupancy").sendKeys("25");
            browser.find("#message").sendKeys("Water en opladen in de grote zaal");
            browser.find("#u-drinking-water").click();
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));

            browser.waitForPath("/medewerkers/steunpunten/" + id);
            assertThat(browser.find("[role='status']").getText()).contains("Opgeslagen");
            var saved = api.get("/api/v1/support-points/" + id).json();
            assertThat(saved.get("status").asString()).isEqualTo("open");
            assertThat(saved.get("occupancy").asInt()).isEqualTo(25);
            assertThat(saved.get("unavailable").get(0).asString()).isEqualTo("drinking-water");

            // Someone else reports the point full while this form is still open.
            var elsewhere = api.send("PUT", "/api/v1/support-points/" + id + "/status", admin,
                    "{\"status\":\"full\",\"occupancy\":120}", Map.of("If-Match", "\"" + saved.get("version").asLong() + "\""));
            assertThat(elsewhere.status()).isEqualTo(200);
            new Select(browser.find("#status")).selectByValue("closed");
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));

            assertThat(browser.find("[role='alert']").getText()).contains("Iemand anders");
            assertThat(new Select(browser.find("#status")).getFirstSelectedOption().getAttribute("value")).isEqualTo("full");
            assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("full");

            browser.get("/medewerkers/steunpunten/dekking?level=region&area=NL");
            assertThat(browser.find("caption").getText()).contains("Inwoners per steunpunt");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).hasSize(25);
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("figure.weerbaar-map path")))
                    .as("every municipality on the map, coloured by its region").hasSize(342);
        }
    }

    @Test
    void mapRunsUnderTheContentSecurityPolicyWithLeafletFromTheJar() {
        try (Browser browser = Browser.open(port)) {
            browser.get("/steunpunten/kaart");
            assertThat(browser.find("#points-map.leaflet-container").isDisplayed()).isTrue();
            assertThat(browser.find(".leaflet-control-zoom-in").isDisplayed()).isTrue();
        }
    }
}
