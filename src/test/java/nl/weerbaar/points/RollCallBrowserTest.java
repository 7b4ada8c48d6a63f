package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.system.ApplicationClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * When only voice works: a coordinator calls the points of Haarlem by radio, stalest first, and
 * relays twenty statuses in one form; the printed roll-call sheet lists them in the same order.
 */
@IntegrationTest
class RollCallBrowserTest {

    static final String PASSWORD = PointFixtures.PASSWORD;

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    /** Points in a municipality no other test uses, so the roll call holds these only. */
    static List<Long> points(PointFixtures fixtures, String prefix, String municipality, double lat, double lon, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> point = PointFixtures.amsterdamPoint(prefix);
            point.putAll(Map.of("name", "%s %02d".formatted(prefix, i), "municipality", municipality,
                    "lat", lat + (i % 5 - 2) * 0.0008, "lon", lon + (i / 5 - 2) * 0.0012));
            ids.add(fixtures.create(point).get("id").asLong());
        }
        return ids;
    }

    @Test
    void aCoordinatorRelaysTwentyStatusesFromARollCallStalestFirst() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        PointFixtures fixtures = new PointFixtures(api, admin);
        String prefix = "Appel " + System.nanoTime() % 100_000;
        List<Long> ids = points(fixtures, prefix, "GM0392", 52.3838, 4.6437, 22);
        Instant now = clock.instant();
        // Points 2..21 were last heard 30 to 220 minutes ago, point 2 longest; 0 and 1 never.
        List<Map<String, Object>> earlier = new ArrayList<>();
        for (int i = 2; i < 22; i++) {
            earlier.add(Map.of("point", ids.get(i), "status", "open", "occupancy", 10,
                    "reportedAt", now.minus(Duration.ofMinutes(30 + 10L * (21 - i))).toString()));
        }
        var before = api.post("/api/v1/support-points/relay", admin, ApiClient.json(Map.of("channel", "phone", "reports", earlier)));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        String coordinator = api.createUser(admin, "GM0392", "coordinator", PASSWORD);

        try (Browser browser = Browser.open(port)) {
            login(browser, coordinator, "/medewerkers/steunpunten/appel?area=Haarlem");
            assertThat(browser.find("h1").getText()).contains("Haarlem");
            assertThat((Long) ((JavascriptExecutor) browser.driver()).executeScript(
                    "const img = document.querySelector('.weerbaar-roll-call-map img'); return img.complete ? img.naturalWidth : 0;"))
                    .as("the map of the roll call, stale points in red").isGreaterThan(0L);
            assertThat(names(browser)).as("never heard first, then the longest silent")
                    .containsExactlyElementsOf(ids.stream().map(id -> nameOf(api, id)).toList());

            String time = DateTimeFormatter.ofPattern("HH:mm").withZone(ApplicationClock.NETHERLANDS).format(now.minus(Duration.ofMinutes(3)));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#roll-call tbody tr"));
            for (int i = 0; i < 20; i++) {
                WebElement row = rows.get(i);
                new Select(row.findElement(By.cssSelector("select[name='status']"))).selectByValue(i % 4 == 0 ? "full" : "open");
                row.findElement(By.cssSelector("input[name='occupancy']")).sendKeys(String.valueOf(20 + i));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                        row.findElement(By.cssSelector("input[name='time']")), time);
                row.findElement(By.cssSelector("input[name='reportedBy']")).sendKeys("Post " + i);
            }
            new Select(browser.find("#channel")).selectByValue("radio");
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('#roll-call').scrollIntoView();");
            browser.screenshot(java.nio.file.Path.of("target", "points-roll-call.png"));
            browser.clickAndWaitForNewPage(browser.find("#roll-call button[type='submit']"));
            assertThat(browser.find("[role='status']").getText()).contains("20 statussen doorgegeven");

            for (int i = 0; i < 22; i++) {
                JsonNode point = api.get("/api/v1/support-points/" + ids.get(i), admin).json();
                JsonNode last = api.get("/api/v1/support-points/" + ids.get(i) + "/status-history", admin).json().get("items").get(0);
                if (i < 20) {
                    assertThat(point.get("occupancy").asInt()).isEqualTo(20 + i);
                    assertThat(point.get("status").asString()).isEqualTo(i % 4 == 0 ? "full" : "open");
                    assertThat(last.get("channel").asString()).isEqualTo("radio");
                    assertThat(last.get("actor").asString()).isEqualTo(coordinator);
                    assertThat(last.get("reportedBy").asString()).isEqualTo("Post " + i);
                    assertThat(DateTimeFormatter.ofPattern("HH:mm").withZone(ApplicationClock.NETHERLANDS)
                            .format(Instant.parse(last.get("observedAt").asString()))).isEqualTo(time);
                } else {
                    assertThat(last.get("channel").asString()).as("a row left empty was not heard").isEqualTo("phone");
                }
            }
            JsonNode audit = api.get("/api/v1/audit?entityType=support-point&entityId=" + ids.get(5) + "&actor=" + coordinator, admin)
                    .json().get("items");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).get("action").asString()).isEqualTo("support-point.status-relayed");
            assertThat(audit.get(0).get("after").asString()).contains("relayedBy", coordinator, "radio", "Post 5");

            browser.get("/medewerkers/steunpunten/" + ids.get(5));
            assertThat(browser.find(".weerbaar-history").getText()).contains("doorgegeven door " + coordinator + " via radio");

            // The sheet for the radio operator: the same points, stalest first, so 20 and 21 lead now.
            browser.get("/medewerkers/steunpunten/appel?area=GM0392");
            List<String> order = names(browser);
            assertThat(order.subList(0, 2)).containsExactly(nameOf(api, ids.get(20)), nameOf(api, ids.get(21)));
            String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<byte[]> pdf;
            try (HttpClient http = HttpClient.newHttpClient()) {
                pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/medewerkers/steunpunten/appel.pdf?area=GM0392"))
                        .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("Appèl: Haarlem", "Stand van");
                int previous = -1;
                for (String name : order) {
                    int at = text.indexOf(name);
                    assertThat(at).as("%s on the sheet after the one before it", name).isGreaterThan(previous);
                    previous = at;
                }
            }
        }
    }

    static void login(Browser browser, String username, String path) {
        browser.get(path);
        browser.waitForPath("/inloggen");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.clickAndWaitForNewPage(browser.find("form button[type='submit']"));
    }

    private static List<String> names(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#roll-call tbody tr td:nth-child(2) a")).stream()
                .map(WebElement::getText).toList();
    }

    private static String nameOf(ApiClient api, long id) {
        return api.get("/api/v1/support-points/" + id).json().get("name").asString();
    }
}
