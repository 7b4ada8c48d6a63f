package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A municipal coordinator registers, edits and retires a support point through the pages. */
@IntegrationTest
class RegistryPagesBrowserTest {

    private static final String PASSWORD = "registry-pages-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void coordinatorRegistersEditsAndRetiresAPoint() {
        ApiClient api = new ApiClient(port);
        String coordinator = api.createUser(api.token("admin", adminPassword), "GM0363", "coordinator", PASSWORD);
        String name = "Buurthuis Registertest " + System.nanoTime() % 100000;

        try (Browser browser = Browser.open(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys(coordinator);
            browser.find("#password").sendKeys(PASSWORD);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");
            browser.find("a[href='/medewerkers/steunpunten/beheer']").click();
            browser.find("a[href='/medewerkers/steunpunten/nieuw']").click();

            browser.find("#name").sendKeys(name);
            new Select(browser.find("#buildingKind")).selectByValue("community-centre");
            // Placed by its postcode, as on a phone: no coordinates typed, no municipality chosen.
            browser.find("#postcode").sendKeys("1012 AB");
            browser.find("#cap-drinking-water").click();
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form[method='post'] button[type='submit']"));
            assertThat(browser.find("[role='status']").getText()).isEqualTo("Opgeslagen.");
            String editPath = browser.path().replace("?saved", "");
            long id = Long.parseLong(editPath.replaceAll("\\D+", " ").trim().split(" ")[0]);
            var stored = api.get("/api/v1/support-points/" + id).json();
            assertThat(stored.get("name").asString()).isEqualTo(name);
            assertThat(stored.get("capabilities").toString()).contains("information", "drinking-water");
            assertThat(stored.get("municipality").asString()).as("from the postcode").isEqualTo("GM0363");
            assertThat(stored.get("lat").asDouble()).isCloseTo(52.3734, within(0.01));
            assertThat(stored.get("lon").asDouble()).isCloseTo(4.8941, within(0.01));

            browser.find("#opening").sendKeys("Bij stroomuitval binnen 2 uur");
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form[method='post'] button[type='submit']"));
            assertThat(api.get("/api/v1/support-points/" + id).json().get("opening").asString())
                    .isEqualTo("Bij stroomuitval binnen 2 uur");

            browser.clickAndWaitForNewPage(browser.find("form[action$='/intrekken'] button"));
            assertThat(browser.find("[role='status']").getText()).contains("ingetrokken");
            assertThat(api.get("/api/v1/support-points/" + id).status()).isEqualTo(404);

            browser.get("/medewerkers/steunpunten/nieuw");
            browser.find("#name").sendKeys("Onvolledig");
            browser.find("#municipality").sendKeys("GM0363");
            browser.find("form.weerbaar-form details summary").click();
            browser.find("#lat").sendKeys("noord");
            browser.find("#lon").sendKeys("4.9");
            browser.find("form.weerbaar-form[method='post'] button[type='submit']").click();
            assertThat(browser.find("[role='alert']").getText()).as("Dutch words for a Dutch page, not field codes")
                    .contains("Plaats: kies de plaats op de kaart").doesNotContain("lat:", "must be");
        }
    }
}
