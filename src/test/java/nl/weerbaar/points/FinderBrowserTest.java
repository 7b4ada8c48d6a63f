package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A resident on a phone, without JavaScript, looks for a point: the open one comes before a
 * nearer one on standby, a status nobody confirmed lately reads as uncertain, every status is
 * explained, and a point on another island says it lies across the water.
 */
@IntegrationTest
// An embedded database of its own, also when the suite runs against a server: the ranking is checked
// among this test's points, which other tests' points near the same postcodes could push off the page.
@TestPropertySource(properties = {"weerbaar.test.database=finder-ranking", "weerbaar.db.url="})
@TimeDependent
class FinderBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void openPointsComeFirstStaleOnesReadUncertainAndOpenOnlyLeavesTheRestOut() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        PointFixtures fixtures = new PointFixtures(api, admin);
        // Postcode 7411 (Deventer) lies at 52.25272, 6.16094: a standby point next to it, an open one 550 m off.
        long standby = fixtures.create(point("Wijkhuis Paraat", "Brink 1, Deventer", 52.25290, 6.16094)).get("id").asLong();
        setStatus(api, admin, standby, "standby");
        long open = fixtures.create(point("Sporthal Open", "Keizerstraat 2, Deventer", 52.25770, 6.16094)).get("id").asLong();
        setStatus(api, admin, open, "open");
        long stale = fixtures.create(point("Bibliotheek Oud Nieuws", "Brink 70, Deventer", 52.25300, 6.16120)).get("id").asLong();
        setStatus(api, admin, stale, "open");
        jdbc.update("update support_point set status_confirmed_at = ? where id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofHours(9))), stale);
        long doubled = fixtures.create(point("Spuistraat 14", "Spuistraat 14", 52.25280, 6.16100)).get("id").asLong();
        awaitInFinder(api, "7411", standby, open, stale, doubled);

        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.resize(390, 844);
            browser.get("/steunpunten");
            browser.find("#postcode").sendKeys("7411 AB");
            browser.clickAndWaitForNewPage(browser.find("form[role='search'] button[type='submit']"));
            awaitUncertain(browser, stale);

            List<Long> order = resultIds(browser);
            assertThat(order.indexOf(open)).as("the open point before the nearer standby one").isLessThan(order.indexOf(standby));
            assertThat(order.indexOf(stale)).as("open but unconfirmed after the confirmed open point")
                    .isGreaterThan(order.indexOf(open)).isLessThan(order.indexOf(standby));
            WebElement staleCard = card(browser, stale);
            assertThat(staleCard.getText()).contains("Open (onzeker)", "Niet recent bevestigd: 9 uur geleden");
            assertThat(staleCard.findElement(By.cssSelector(".utrecht-badge-status")).getAttribute("class"))
                    .contains("weerbaar-badge--uncertain");
            assertThat(card(browser, standby).getText()).contains("Paraat", "nog niet open", "Brink 1, Deventer", "Route");
            assertThat(card(browser, open).findElement(By.partialLinkText("Route")).getAttribute("href"))
                    .startsWith("https://www.openstreetmap.org/directions?").contains("52.2577%2C6.16094");
            String doubledCard = card(browser, doubled).getText();
            assertThat(doubledCard.indexOf("Spuistraat 14")).isEqualTo(doubledCard.lastIndexOf("Spuistraat 14"));
            assertThat(browser.find("#statuses").getText()).contains("Paraat: nog niet open", "Vol:", "Gesloten:", "Onzeker:");
            browser.get("/steunpunten?postcode=7411+AB#results");
            browser.screenshot(Path.of("docs/finder-ranked-phone.png"));

            browser.find("label[for='open']").click();
            browser.clickAndWaitForNewPage(browser.find("form[role='search'] button[type='submit']"));
            assertThat(browser.path()).contains("open=1");
            List<Long> openOnly = resultIds(browser);
            assertThat(openOnly).contains(open).doesNotContain(standby, doubled);
            assertThat(browser.driver().findElements(By.cssSelector(".weerbaar-card .utrecht-badge-status")))
                    .allSatisfy(badge -> assertThat(badge.getText()).startsWith("Open"));
        }
        // The API keeps its pure distance order.
        var nearest = api.get("/api/v1/support-points/nearest?postcode=7411&limit=100").json().get("items");
        List<Long> byDistance = new ArrayList<>();
        nearest.forEach(item -> byDistance.add(item.get("id").asLong()));
        assertThat(byDistance.indexOf(standby)).isLessThan(byDistance.indexOf(open));
    }

    @Test
    void onVlielandPointsOnOtherIslandsSayTheyLieAcrossTheWater() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        PointFixtures fixtures = new PointFixtures(api, admin);
        long island = fixtures.create(municipalPoint("Dorpshuis De Vliestroom", "GM0096", 53.297792, 5.074481)).get("id").asLong();
        long terschelling = fixtures.create(municipalPoint("Zorgcentrum West", "GM0093", 53.36271, 5.21689)).get("id").asLong();
        long harlingen = fixtures.create(municipalPoint("De Haven", "GM0072", 53.174633, 5.425553)).get("id").asLong();
        awaitInFinder(api, "8899", island, terschelling, harlingen);

        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.resize(390, 844);
            browser.get("/steunpunten?postcode=8899");
            List<Long> order = resultIds(browser);
            assertThat(order.getFirst()).isEqualTo(island);
            assertThat(card(browser, island).getText()).doesNotContain("Over het water", "andere gemeente");
            assertThat(card(browser, terschelling).getText()).contains("Over het water", "In een andere gemeente: Terschelling");
            assertThat(card(browser, harlingen).getText()).contains("Over het water", "In een andere gemeente: Harlingen");
            browser.get("/steunpunten?postcode=8899#results");
            browser.screenshot(Path.of("docs/finder-vlieland-phone.png"));
        }
    }

    /**
     * The finder's index takes in a change after its commit, within a second (as another instance
     * would): wait until it lists the points this test made before a resident looks.
     */
    private static void awaitInFinder(ApiClient api, String postcode, long... ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Set<Long> listed = new HashSet<>();
        while (System.nanoTime() < deadline) {
            listed.clear();
            api.get("/api/v1/support-points/nearest?postcode=" + postcode + "&limit=100").json().get("items")
                    .forEach(item -> listed.add(item.get("id").asLong()));
            if (Arrays.stream(ids).allMatch(listed::contains)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the finder did not list points " + Arrays.toString(ids) + " near " + postcode
                + " within 15 s; it lists " + listed);
    }

    private static Map<String, Object> point(String name, String address, double lat, double lon) {
        Map<String, Object> point = PointFixtures.amsterdamPoint(name);
        point.put("name", name);
        point.put("address", address);
        point.put("lat", lat);
        point.put("lon", lon);
        point.put("municipality", "GM0150");
        return point;
    }

    private static Map<String, Object> municipalPoint(String name, String municipality, double lat, double lon) {
        Map<String, Object> point = PointFixtures.amsterdamPoint(name);
        point.put("address", "Dorpsstraat 1");
        point.put("lat", lat);
        point.put("lon", lon);
        point.put("municipality", municipality);
        return point;
    }

    private static void setStatus(ApiClient api, String admin, long id, String status) {
        long version = api.get("/api/v1/support-points/" + id).json().get("version").asLong();
        var set = api.send("PUT", "/api/v1/support-points/" + id + "/status", admin, "{\"status\":\"" + status + "\"}",
                Map.of("If-Match", "\"" + version + "\""));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** The direct update reaches the finder through the change feed: reload until it shows. */
    private static void awaitUncertain(Browser browser, long id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!card(browser, id).getText().contains("onzeker") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            browser.driver().navigate().refresh();
        }
    }

    private static List<Long> resultIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".weerbaar-card h3 a")).stream()
                .map(a -> Long.valueOf(a.getAttribute("href").replaceAll(".*/steunpunten/", ""))).toList();
    }

    private static WebElement card(Browser browser, long id) {
        return browser.driver().findElement(By.xpath("//li[contains(@class,'weerbaar-card')][.//a[contains(@href,'/steunpunten/" + id + "')]]"));
    }
}
