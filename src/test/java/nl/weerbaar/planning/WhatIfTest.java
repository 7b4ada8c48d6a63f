package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The question "what does an extra 100,000 litres at this depot change?", asked in a
 * municipality whose demand no stock could meet (a thousand litres a person a day), so that every
 * extra litre within reach must be supplied, whatever else the shared database holds.
 */
@IntegrationTest
@TimeDependent
class WhatIfTest {

    private static final String ALMERE = "GM0034";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void oneHundredThousandLitresMoreAtADepotWithinReachAreAllSuppliedAndTheComparisonShowsIt() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        var point = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of(
                "name", "Wat-als steunpunt " + System.nanoTime(), "tier", "hub", "buildingKind", "sports-hall",
                "address", "Stadhuisplein 1, Almere", "lat", 52.3708, "lon", 5.2141, "municipality", ALMERE,
                "capabilities", List.of("information", "drinking-water"), "capacity", Map.of("persons", 1000, "overnight", 0),
                "backupPower", Map.of("generator", true, "fuelAutonomyHours", 72))));
        assertThat(point.status()).as(point.body()).isEqualTo(201);
        var depot = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Wat-als depot Almere " + System.nanoTime(),
                "level", "municipal", "municipality", ALMERE, "lat", 52.375, "lon", 5.22)));
        assertThat(depot.status()).as(depot.body()).isEqualTo(201);
        long depotId = depot.json().get("id").asLong();

        Map<String, Object> scenario = Map.of("name", "Waterstoring Almere " + System.nanoTime(), "hazard", "drinking-water-outage",
                "areas", List.of(ALMERE), "start", "2026-12-01T06:00:00+01:00", "durationHours", 24,
                "helpSeekingShare", 1.0, "selfRelianceShare", 0.0,
                "items", List.of(Map.of("item", "drinking-water", "perPersonPerDay", 1000)));
        long without = createAndRun(api, admin, scenario);
        Map<String, Object> withExtra = new java.util.HashMap<>(scenario);
        withExtra.put("name", scenario.get("name") + " + 100.000 l");
        withExtra.put("extraStock", List.of(Map.of("depot", depotId, "item", "drinking-water", "quantity", 100_000)));
        long with = createAndRun(api, admin, withExtra);

        JsonNode before = api.get("/api/v1/scenario-runs/" + without + "/result", admin).json();
        JsonNode after = api.get("/api/v1/scenario-runs/" + with + "/result", admin).json();
        assertThat(supplied(after) - supplied(before)).isEqualTo(100_000);
        assertThat(unmet(before) - unmet(after)).isEqualTo(100_000);
        JsonNode marginal = depotRow(before, depotId).get("marginal");
        assertThat(marginal.get("suppliedUnits").asDouble()).as("one more litre here would be supplied").isEqualTo(1.0);
        assertThat(marginal.get("municipality").asString()).isEqualTo(ALMERE);
        assertThat(depotRow(after, depotId).get("startStock").asLong()).isEqualTo(100_000);

        String pointsCsv = api.get("/api/v1/scenario-runs/" + with + "/points.csv", admin).body();
        assertThat(pointsCsv.lines().findFirst().orElseThrow()).isEqualTo("point,name,municipality,day,date,item,demand,supplied,unmet,open");
        long pointId = point.json().get("id").asLong();
        assertThat(pointsCsv.lines().filter(line -> line.startsWith(pointId + ",")))
                .singleElement().satisfies(line -> assertThat(line).contains(",GM0034,1,2026-12-01,drinking-water,").endsWith(",true"));

        try (Browser browser = Browser.open(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");
            browser.get("/medewerkers/planning/vergelijken?runs=" + without + "," + with);
            String comparison = browser.find("#comparison").getText();
            assertThat(comparison).contains((String) scenario.get("name"), (String) withExtra.get("name"));
            assertThat(browser.find("#comparison").findElements(By.cssSelector("mark"))).isNotEmpty();

            // From the first run's page, "what if?" opens a copy with extra stock where one more unit helps.
            browser.get("/medewerkers/planning/doorrekeningen/" + without);
            assertThat(browser.find("#chart-drinking-water").findElement(By.xpath("..")).getText())
                    .contains("Voorraad of vervoer schiet tekort vanaf dag 1");
            browser.clickAndWaitForNewPage(browser.find("#what-if"));
            assertThat(browser.path()).startsWith("/medewerkers/planning/nieuw?from=");
            assertThat(new Select(browser.find("#extra0-item")).getFirstSelectedOption().getAttribute("value")).isEqualTo("drinking-water");
            assertThat(Long.parseLong(browser.find("#extra0-quantity").getAttribute("value"))).isPositive();
            assertThat(new Select(browser.find("#extra0-depot")).getFirstSelectedOption().getAttribute("value")).isNotBlank();
        }
    }

    private static long createAndRun(ApiClient api, String token, Map<String, Object> scenario) {
        var created = api.post("/api/v1/scenarios", token, ApiClient.json(scenario));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var started = api.post("/api/v1/scenarios/" + created.json().get("id").asLong() + "/runs", token, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            String status = api.get("/api/v1/scenario-runs/" + run, token).json().get("status").asString();
            if (status.equals("done")) {
                return run;
            }
            assertThat(status).as("run %d", run).isIn("queued", "running");
            assertThat(Instant.now()).as("run %d still %s", run, status).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long supplied(JsonNode result) {
        long total = 0;
        for (JsonNode row : result.get("areaDays")) {
            total += row.get("supplied").asLong();
        }
        return total;
    }

    private static long unmet(JsonNode result) {
        long total = 0;
        for (JsonNode row : result.get("areaDays")) {
            for (JsonNode units : row.get("unmet")) {
                total += units.asLong();
            }
        }
        return total;
    }

    private static JsonNode depotRow(JsonNode result, long depot) {
        for (JsonNode row : result.get("depots")) {
            if (row.get("depot").asLong() == depot && row.get("item").asString().equals("drinking-water")) {
                return row;
            }
        }
        throw new AssertionError("depot " + depot + " is not in the result");
    }
}
