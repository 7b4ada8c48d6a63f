package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.system.Release;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The system page: national admins find it from the staff page; other admins are refused. */
@IntegrationTest
class SystemPageBrowserTest {

    private static final String PASSWORD = "system-page-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Release release;

    @Test
    void nationalAdminSeesWhatAnOperatorChecksFirst() {
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "admin", adminPassword);
            browser.clickAndWaitForNewPage(browser.find("a[href='/medewerkers/systeem']"));

            assertThat(browser.find("h1").getText()).isEqualTo("Systeem");
            assertThat(browser.find("#system-version").getText()).isEqualTo(release.version());
            assertThat(browser.find("#system-database-role").getText()).isEqualTo("primair (schrijft)");
            assertThat(browser.find("#system-standbys").getText()).isEqualTo("Geen standby streamt van deze server.");
            assertThat(browser.find("#system-migrations").getText()).contains("0 wachtend, 0 mislukt");
            assertThat(browser.find("#system-tree-head").getText()).startsWith("grootte ");
            assertThat(browser.find("#system-backup").getText()).as("backups are recorded: never made, or when and where")
                    .matches("Er is nog nooit een back-up gemaakt\\.|Laatste back-up: .+, naar .+")
                    .doesNotContain("onbekend");
            assertThat(browser.find("#system-keys").getText()).containsPattern("^[1-9]\\d* sleutels in gebruik");
            assertThat(browser.find("#system-stale-points").getText()).containsPattern("^[\\d.]+ van [\\d.]+ steunpunten");
            assertThat(browser.find("#system-feeds").getText()).as("other tests of this context may subscribe feeds")
                    .matches("Geen feeds van andere autoriteiten geabonneerd\\.|\\d+ geabonneerd, \\d+ falen\\.");
            browser.screenshot(Path.of("target", "system-page.png"));
        }
    }

    @Test
    void anAdminOfAMunicipalityIsRefusedAndSeesNoLink() {
        ApiClient api = new ApiClient(port);
        String username = api.createUser(api.token("admin", adminPassword), "GM0363", "admin", PASSWORD);
        try (Browser browser = Browser.open(port)) {
            logIn(browser, username, PASSWORD);
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("a[href='/medewerkers/systeem']"))).isEmpty();

            browser.get("/medewerkers/systeem");
            assertThat(browser.find(".weerbaar-error-code").getText()).isEqualTo("Foutcode 403");
        }
    }

    private static void logIn(Browser browser, String username, String password) {
        browser.get("/inloggen");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("form button[type='submit']").click();
        browser.waitForPath("/medewerkers");
    }
}
