package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.weerbaar.points.DemoDataForTests;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.WithDemoNetwork;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The routes pages without JavaScript: make routes for a depot and day, see the map page, lock a route, plan the rest again. */
@WithDemoNetwork
@TimeDependent
class RoutePagesBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    ApplicationContext context;

    @Test
    void aPlannerMakesRoutesSeesThemOnMapsLocksOneAndPlansTheRestAgain() throws Exception {
        DemoDataForTests.load(context);
        long runId = finishedRun();
        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");

            browser.get("/medewerkers/planning/doorrekeningen/" + runId + "/routes");
            assertThat(browser.find("h1").getText()).startsWith("Routes:");
            assertThat(browser.driver().findElements(By.cssSelector("#depot-days tbody tr"))).isNotEmpty();
            browser.clickAndWaitForNewPage(browser.find("#depot-days tbody tr form button"));
            assertThat(browser.path()).matches("/medewerkers/planning/doorrekeningen/" + runId + "/routes/[0-9]+");
            assertThat(browser.find("h1").getText()).startsWith("Routes vanaf");
            assertThat(browser.find("#route-figures").getText()).contains("Ondergrens", "Dichtstbijzijnde-buur-regel");
            assertThat(browser.find(".planning-route img").getAttribute("src")).startsWith("data:image/png;base64,");
            String firstStops = browser.find(".planning-route table").getText();

            browser.find("#keep-1").click();
            browser.find("#seconds").clear();
            browser.find("#seconds").sendKeys("1");
            String before = browser.path();
            browser.clickAndWaitForNewPage(browser.find("#replan-form button[type='submit']"));
            assertThat(browser.path()).isNotEqualTo(before);
            assertThat(browser.find("#keep-1").isSelected()).as("the kept route comes back locked").isTrue();
            assertThat(browser.find(".planning-route table").getText()).isEqualTo(firstStops);

            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(browser.find("#route-sheets").getAttribute("href"))).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        }
    }

    private long finishedRun() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String scenario = ApiClient.json(Map.of("name", "Route pages " + System.nanoTime(), "hazard", "power-outage",
                "areas", List.of("GM0362"), "start", "2026-12-01T06:00:00+01:00", "durationHours", 24,
                "items", List.of(Map.of("item", "drinking-water"))));
        long id = api.post("/api/v1/scenarios", admin, scenario).json().get("id").asLong();
        long runId = api.post("/api/v1/scenarios/" + id + "/runs", admin, null).json().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!api.get("/api/v1/scenario-runs/" + runId, admin).json().get("status").asString().equals("done")) {
            assertThat(Instant.now()).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return runId;
    }
}
