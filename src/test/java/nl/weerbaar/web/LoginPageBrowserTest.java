package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LoginPageBrowserTest {

    @LocalServerPort
    int port;

    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void staffMemberLogsInFromHomePageAndOutAgain() {
        try (Browser browser = Browser.open(port)) {
            browser.get("/");
            browser.find("nav a[href='/medewerkers']").click();
            browser.waitForPath("/inloggen");
            assertThat(browser.find("h1").getText()).isEqualTo("Inloggen voor medewerkers");

            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();

            browser.waitForPath("/medewerkers");
            assertThat(browser.find(".weerbaar-signed-in").getText()).isEqualTo("Ingelogd als admin");

            browser.find("form[action='/uitloggen'] button").click();
            browser.waitForPath("/inloggen");
            assertThat(browser.find("[role='status']").getText()).isEqualTo("U bent uitgelogd.");
        }
    }

    @Test
    void wrongPasswordShowsErrorOnLoginPage() {
        try (Browser browser = Browser.open(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys("not-the-password");
            browser.clickAndWaitForNewPage(browser.find("form button[type='submit']"));

            assertThat(browser.path()).isEqualTo("/inloggen?error");
            assertThat(browser.find("[role='alert']").getText()).contains("klopt niet");
        }
    }
}
