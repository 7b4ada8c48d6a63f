package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An operator's phone loses its connection: the point's page still opens (service worker), a
 * status set meanwhile is kept with its idempotency key, ETag and observed time, and arrives once
 * when the connection returns, also when the phone sends it twice; a change someone else made
 * meanwhile is shown with both versions to choose from, never overwritten silently.
 */
@IntegrationTest
class OfflineStatusBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void aStatusSetOfflineArrivesOnceWithItsObservedTimeAndAConflictIsShownWithBothVersions() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long id = new PointFixtures(api, admin).create(PointFixtures.amsterdamPoint("Zonder bereik")).get("id").asLong();
        String operator = "pt-offline-" + System.nanoTime() % 1_000_000;
        api.post("/api/v1/users", admin, ApiClient.json(Map.of("username", operator, "password", PointFixtures.PASSWORD,
                "organisation", "GM0363", "role", "operator")));

        try (Browser browser = Browser.open(port)) {
            browser.resize(390, 844);
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            browser.get("/medewerkers/steunpunten/" + id);
            browser.waitForPath("/inloggen");
            browser.find("#username").sendKeys(operator);
            browser.find("#password").sendKeys(PointFixtures.PASSWORD);
            browser.clickAndWaitForNewPage(browser.find("form button[type='submit']"));
            browser.waitForPath("/medewerkers/steunpunten/" + id);
            // Once the worker controls the page, a load goes through it and is kept.
            chrome.executeAsyncScript("navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1](true));");
            new WebDriverWait(chrome, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    chrome.executeScript("return navigator.serviceWorker.controller !== null;")));
            browser.get("/medewerkers/steunpunten/" + id);
            browser.find("#status-form");

            offline(chrome, true);
            browser.get("/medewerkers/steunpunten/" + id);
            assertThat(browser.find("h1").getText()).as("the page opens from the phone without a connection").startsWith("Zonder bereik");

            setStatus(browser, "open", "30");
            waitForText(browser, "#offline-status", "1 wijziging wacht op verzending");
            setStatus(browser, "full", "120");
            waitForText(browser, "#offline-status", "2 wijzigingen wachten op verzending");
            browser.screenshot(java.nio.file.Path.of("target", "points-offline-390.png"));
            // The phone sent the first one before, but never heard the answer: it goes out twice.
            chrome.executeScript("""
                    const q = JSON.parse(localStorage.getItem('weerbaar.points.pending'));
                    q.push(Object.assign({}, q[0]));
                    localStorage.setItem('weerbaar.points.pending', JSON.stringify(q));""");
            String observed = (String) chrome.executeScript(
                    "return JSON.parse(localStorage.getItem('weerbaar.points.pending'))[1].observedAt;");
            assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("inactive");
            Thread.sleep(1500);

            offline(chrome, false);
            chrome.executeScript("window.dispatchEvent(new Event('online'));");
            waitForText(browser, "#offline-status", "Verzonden");

            JsonNode point = api.get("/api/v1/support-points/" + id, admin).json();
            assertThat(point.get("status").asString()).isEqualTo("full");
            assertThat(point.get("occupancy").asInt()).isEqualTo(120);
            assertThat(Instant.parse(point.get("freshness").get("confirmedAt").asString()))
                    .as("freshness counts from when it was observed on the phone").isEqualTo(Instant.parse(observed));
            assertThat(Instant.parse(point.get("freshness").get("receivedAt").asString())).isAfter(Instant.parse(observed));
            JsonNode history = api.get("/api/v1/support-points/" + id + "/status-history", admin).json().get("items");
            assertThat(history).as("three sends, two statuses: the repeated one had no effect").hasSize(2);
            assertThat(history.get(1).get("status").asString()).isEqualTo("open");
            assertThat(Instant.parse(history.get(1).get("observedAt").asString()))
                    .isBefore(Instant.parse(history.get(1).get("at").asString()));

            // Offline again; meanwhile the coordinator hears by radio that the point closed.
            offline(chrome, true);
            setStatus(browser, "open", "80");
            waitForText(browser, "#offline-status", "1 wijziging wacht op verzending");
            var elsewhere = api.send("PUT", "/api/v1/support-points/" + id + "/status", admin, "{\"status\":\"closed\"}",
                    Map.of("If-Match", "\"" + point.get("version").asLong() + "\""));
            assertThat(elsewhere.status()).isEqualTo(200);
            offline(chrome, false);
            chrome.executeScript("window.dispatchEvent(new Event('online'));");

            String conflict = browser.find("#offline-conflicts [role='alert']").getText();
            assertThat(conflict).contains("Uw versie", "Open, 80", "Huidige versie", "Gesloten");
            chrome.executeScript("document.getElementById('offline-conflicts').scrollIntoView();");
            browser.screenshot(java.nio.file.Path.of("target", "points-offline-conflict-390.png"));
            assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString())
                    .as("not overwritten silently").isEqualTo("closed");
            browser.find("button[data-choice='keep-mine']").click();
            waitForText(browser, "#offline-status", "Verzonden");
            assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("open");
            assertThat(browser.driver().findElements(By.cssSelector("#offline-conflicts [role='alert']"))).isEmpty();
        }
    }

    private static void offline(ChromeDriver chrome, boolean offline) {
        if (offline) {
            ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
            conditions.setOffline(true);
            chrome.setNetworkConditions(conditions);
        } else {
            chrome.deleteNetworkConditions();
        }
    }

    private static void setStatus(Browser browser, String status, String occupancy) {
        new Select(browser.find("#status")).selectByValue(status);
        browser.find("#occupancy").clear();
        browser.find("#occupancy").sendKeys(occupancy);
        browser.find("#status-form button[type='submit']").click();
    }

    private static void waitForText(Browser browser, String selector, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> ((JavascriptExecutor) d).executeScript(
                        "const e = document.querySelector(arguments[0]); return e && !e.hidden ? e.textContent : '';", selector)
                        .toString().contains(text));
    }
}
