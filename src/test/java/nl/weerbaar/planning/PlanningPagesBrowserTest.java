package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The walk in a real browser: a coordinator defines a 72-hour blackout for Amsterdam-Amstelland
 * with the form, runs it, watches the progress and reads where water runs out first and why; and
 * the form works without JavaScript.
 */
@IntegrationTest
@TimeDependent
class PlanningPagesBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void theScenarioFormWorksWithoutJavaScriptWithNormsFilledInAndRegionsPickedOnTheMap() {
        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            logIn(browser, "admin", adminPassword);
            browser.get("/medewerkers");
            assertThat(browser.find("a[href='/medewerkers/planning']").getText()).contains("Scenario’s");

            browser.get("/medewerkers/planning/nieuw");
            assertThat(browser.find("h1").getText()).isEqualTo("Nieuw scenario");
            assertThat(browser.find("#amount-drinking-water").getAttribute("value")).isEqualTo("3");
            assertThat(browser.find("#amount-water-all-uses").getAttribute("value")).isEqualTo("15");
            assertThat(browser.find("#amount-emergency-ration").getAttribute("value")).isEqualTo("1");
            assertThat(browser.find("#item-drinking-water").isSelected()).isTrue();
            assertThat(browser.find("#fairness-worst-served-first").isSelected()).isTrue();
            assertThat(browser.find("#fairness-worst-served-first-help").getText()).contains("vandaag gaat voor morgen");
            assertThat(browser.find("#fairness-equal-share-help").getText()).contains("kleinste deel");
            assertThat(browser.find("#fairness-most-supplied-help").getText()).contains("meeste eenheden");
            assertThat(browser.find("#start").getAttribute("type")).isEqualTo("datetime-local");
            assertThat(browser.find("#region-VR13").isSelected()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("select[name='extra0.depot'] option"))).isNotEmpty();

            // The map picks a region by a plain link: no script needed.
            browser.clickAndWaitForNewPage(browser.find(".planning-map--picker a[data-region='VR13']"));
            assertThat(browser.path()).isEqualTo("/medewerkers/planning/nieuw?areas=VR13");
            assertThat(browser.find("#region-VR13").isSelected()).isTrue();
            assertThat(browser.find("#region-VR01").isSelected()).isFalse();
        }
    }

    @Test
    void aCoordinatorDefinesABlackoutRunsItAndSeesWhereWaterRunsOutFirst() {
        String name = "Blackout VR13 browser " + System.nanoTime() % 1_000_000;
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "admin", adminPassword);
            browser.get("/medewerkers");
            browser.clickAndWaitForNewPage(browser.find("a[href='/medewerkers/planning']"));
            browser.clickAndWaitForNewPage(browser.find("#new-scenario"));

            // A municipality code that does not exist comes back with the problem next to the field.
            browser.find("#name").sendKeys(name);
            browser.find("#municipalities").sendKeys("GM9999");
            browser.clickAndWaitForNewPage(browser.find("#scenario-form button[type='submit']"));
            assertThat(browser.find("#error-areas").getText()).contains("GM9999");
            assertThat(browser.find("#problems").getText()).as("in Dutch, with the field's name, not its code")
                    .contains("Gebied: niet herkend: GM9999").doesNotContain("areas").doesNotContain("neither");
            assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);

            browser.find("#municipalities").clear();
            browser.find("#region-VR13").click();
            browser.find("#durationHours").clear();
            browser.find("#durationHours").sendKeys("72");
            browser.clickAndWaitForNewPage(browser.find("#scenario-form button[type='submit']"));
            assertThat(browser.find("h1").getText()).isEqualTo(name);
            assertThat(browser.find("#scenario-summary").getText()).contains("Amsterdam-Amstelland", "Langdurige stroomuitval", "72 uur");

            browser.clickAndWaitForNewPage(browser.find("#run-form button"));
            assertThat(browser.path()).startsWith("/medewerkers/planning/doorrekeningen/");
            // The page reloads itself while the run goes on; the result replaces the progress bar.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(180)).pollingEvery(Duration.ofSeconds(1))
                    .until(d -> !d.findElements(By.id("headline")).isEmpty()
                            || !d.findElements(By.cssSelector(".planning-status--failed")).isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector(".planning-status--failed"))).isEmpty();

            assertThat(browser.find("#region-shortfalls").getText()).contains("VR13 Amsterdam-Amstelland");
            assertThat(browser.driver().findElements(By.cssSelector("head link[href='/css/planning.css']"))).hasSize(1);
            WebElement chart = browser.find("#chart-drinking-water svg");
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(browser.find("#table-drinking-water").getText()).contains("dag 1");
            // Whatever else the shared database holds, a blackout of a whole region leaves someone short:
            // points without a generator go dark, and where no point was registered nobody is in reach.
            List<WebElement> shortfalls = browser.driver().findElements(By.cssSelector("#first-shortfalls tbody tr"));
            assertThat(shortfalls).isNotEmpty();
            assertThat(shortfalls.getFirst().getText()).contains("Eerste tekort: dag");
            assertThat(browser.find("#unmet-map svg").findElements(By.cssSelector("path[data-municipality='GM0363']"))).hasSize(1);
            assertThat(browser.find("#depots h2").getText()).contains("extra voorraad");

            // The downloads come from the same session: CSV rows per municipality, day and item; a PDF.
            String cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> csv = download(browser.find("#result-csv").getAttribute("href"), cookie, HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("municipality,region,day,date,item,demand,supplied,unmet,no-stock,");
            assertThat(csv.body()).contains("GM0363,VR13,1,");
            HttpResponse<byte[]> pdf = download(browser.find("#report-pdf").getAttribute("href"), cookie, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    private static <T> HttpResponse<T> download(String url, String cookie, HttpResponse.BodyHandler<T> body) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
