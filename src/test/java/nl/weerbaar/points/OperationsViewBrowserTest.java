package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role's start page for its own area (issue 19, item 4): the coordinator's operations view
 * with counts, stale, full and overfull points first, search and paging; the volunteer's own
 * points first on a phone, with only the actions a volunteer may take.
 */
@IntegrationTest
class OperationsViewBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void coordinatorSeesTheLivePictureOfTheirAreaAndAVolunteerTheirOwnPointFirst() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String prefix = "Ops " + System.nanoTime() % 100_000;
        List<Long> ids = RollCallBrowserTest.points(new PointFixtures(api, admin), prefix, "GM0397", 52.3413, 4.6180, 6);
        // Enough points nationally for more than one page, whatever else this database holds.
        RollCallBrowserTest.points(new PointFixtures(api, admin), prefix + " kust", "GM0473", 52.3600, 4.5441, 20);
        Instant now = clock.instant();
        var relayed = api.post("/api/v1/support-points/relay", admin, ApiClient.json(Map.of("channel", "phone", "reports", List.of(
                Map.of("point", ids.get(0), "status", "open", "occupancy", 150),
                Map.of("point", ids.get(1), "status", "full", "occupancy", 120),
                Map.of("point", ids.get(2), "status", "open", "occupancy", 40, "reportedAt", now.minus(Duration.ofHours(8)).toString()),
                Map.of("point", ids.get(3), "status", "open", "occupancy", 10)))));
        assertThat(relayed.status()).as(relayed.body()).isEqualTo(200);
        String volunteer = api.createUser(admin, "GM0397", "operator", PointFixtures.PASSWORD);
        var own = api.send("PUT", "/api/v1/support-points/" + ids.get(5) + "/status", api.token(volunteer, PointFixtures.PASSWORD),
                "{\"status\":\"open\",\"occupancy\":5}", Map.of("If-Match", "\"1\""));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        String coordinator = api.createUser(admin, "GM0397", "coordinator", PointFixtures.PASSWORD);

        try (Browser browser = Browser.open(port)) {
            RollCallBrowserTest.login(browser, coordinator, "/medewerkers/steunpunten/beheer");
            assertThat(browser.find("h1").getText()).isEqualTo("Steunpunten: Heemstede");
            String counts = browser.find(".weerbaar-counts").getText();
            assertThat(counts).contains("4 Open", "1 Vol", "1 Niet actief", "1 verouderd", "1 meer aanwezigen dan plaatsen");
            assertThat(browser.find("[role='alert']").getText()).contains("meer aanwezigen dan plaatsen");
            assertThat(names(browser)).as("stale first, then full and overfull, then the rest")
                    .containsExactly(name(prefix, 2), name(prefix, 0), name(prefix, 1), name(prefix, 3), name(prefix, 4), name(prefix, 5));
            assertThat(browser.driver().findElements(By.linkText("Nieuw steunpunt"))).hasSize(1);
            assertThat(browser.driver().findElements(By.linkText("Bewerken"))).hasSize(6);
            browser.screenshot(java.nio.file.Path.of("target", "points-operations.png"));

            browser.get("/medewerkers/steunpunten/beheer?area=Heemstede&q=" + prefix.replace(' ', '+') + "+03");
            assertThat(names(browser)).containsExactly(name(prefix, 3));
            browser.get("/medewerkers/steunpunten/beheer?area=Heemstede&q=2101");
            assertThat(names(browser)).as("points near postcode 2101").hasSize(6);
            browser.get("/medewerkers/steunpunten/beheer?area=Heemstede&show=stale");
            assertThat(names(browser)).containsExactly(name(prefix, 2));
        }

        try (Browser phone = Browser.open(port)) {
            phone.resize(390, 844);
            RollCallBrowserTest.login(phone, volunteer, "/medewerkers/steunpunten/beheer");
            assertThat(phone.find(".weerbaar-own").getText()).as("a volunteer's own point at the top of the page")
                    .startsWith("Mijn steunpunten").contains(name(prefix, 5));
            assertThat(phone.find(".weerbaar-own a").getLocation().getY()).isLessThan(600);
            WebElement first = phone.find(".weerbaar-ops tbody tr");
            assertThat(first.getText()).startsWith(name(prefix, 5)).contains("mijn punt");
            assertThat(first.findElement(By.cssSelector("a[data-offline-keep]")).getAttribute("href"))
                    .endsWith("/medewerkers/steunpunten/" + ids.get(5));
            assertThat(phone.driver().findElements(By.linkText("Nieuw steunpunt"))).as("only actions a volunteer may take").isEmpty();
            assertThat(phone.driver().findElements(By.linkText("Bewerken"))).isEmpty();
            assertThat((Long) ((JavascriptExecutor) phone.driver()).executeScript("return document.documentElement.scrollWidth;"))
                    .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390L);
            phone.screenshot(java.nio.file.Path.of("target", "points-volunteer-390.png"));
            assertThat(statusOf(phone, "/medewerkers/steunpunten/nieuw")).as("refused before the form, not after").isEqualTo(403);
            assertThat(statusOf(phone, "/medewerkers/steunpunten/" + ids.get(5) + "/bewerken")).isEqualTo(403);
        }

        try (Browser national = Browser.open(port)) {
            national.get("/medewerkers/steunpunten/beheer");
            national.waitForPath("/inloggen");
            national.find("#username").sendKeys("admin");
            national.find("#password").sendKeys(adminPassword);
            national.clickAndWaitForNewPage(national.find("form button[type='submit']"));
            assertThat(national.find("h1").getText()).isEqualTo("Steunpunten: Nederland");
            assertThat(national.driver().findElements(By.cssSelector(".weerbaar-ops tbody tr"))).hasSizeLessThanOrEqualTo(25);
            assertThat(national.find(".weerbaar-paging").getText()).contains("Pagina 1 van");
            assertThat((Long) ((JavascriptExecutor) national.driver()).executeScript("return document.documentElement.scrollHeight;"))
                    .as("one page of points, not all of them").isLessThan(6000L);
        }
    }

    private static String name(String prefix, int i) {
        return "%s %02d".formatted(prefix, i);
    }

    private static List<String> names(Browser browser) {
        browser.find("h1");
        return browser.driver().findElements(By.cssSelector(".weerbaar-ops tbody tr td:first-child > span:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private int statusOf(Browser browser, String path) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
