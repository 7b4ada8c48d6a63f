package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator on a phone receives and issues stock through the pages and sees coverage as a chart;
 * a refused issue keeps the form and says why in Dutch; the stock card reads in words with its balance.
 */
@IntegrationTest
@TimeDependent
class StockPagesBrowserTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void receiveAndIssueOnAPhoneThenSeeTheStockCardAndCoverageChart() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long depot = api.post("/api/v1/depots", admin, """
                {"name": "Gemeentewerf Browsertest", "level": "municipal", "municipality": "GM0363", "lat": 52.37, "lon": 4.9}""")
                .json().get("id").asLong();
        String lot = "BROWSER-" + System.nanoTime() % 100000;

        try (Browser browser = Browser.open(port)) {
            browser.resize(390, 900);
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");

            browser.get("/medewerkers/voorraad/depots/" + depot);
            new Select(browser.find("#type")).selectByValue("receipt");
            new Select(browser.find("#item")).selectByValue("drinking-water");
            browser.find("#quantity").sendKeys("120");
            browser.find("#lot").sendKeys(lot);
            // set, not typed: typed digits land in the segments of whatever order the browser's locale
            // gives the date field, so on some days they made a year like 72031 and the receipt failed
            String expiry = LocalDate.now(clock).plusDays(200).toString();
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('expiry').value = arguments[0]", expiry);
            browser.clickAndWaitForNewPage(browser.find("form[method='post'] button[type='submit']"));
            assertThat(browser.find("[role='status']").getText()).contains("Geboekt");

            new Select(browser.find("#type")).selectByValue("issue");
            browser.find("#quantity").sendKeys("500");
            browser.clickAndWaitForNewPage(browser.find("form[method='post'] button[type='submit']"));
            assertThat(browser.find("[role='alert']").getText()).as("refused in Dutch, with the item's name and unit")
                    .contains("Niet geboekt").contains("Nog 120 l Drinkwater in flessen uit te geven").contains("gevraagd: 500 l")
                    .doesNotContain("drinking-water").doesNotContain("only");
            assertThat(new Select(browser.find("#type")).getFirstSelectedOption().getText())
                    .as("the form keeps what was entered").isEqualTo("Uitgifte");
            assertThat(browser.find("#quantity").getDomProperty("value")).isEqualTo("500");
            browser.screenshot(Path.of("target", "stock-refused.png"));
            assertThat(new Select(browser.find("#item")).getFirstSelectedOption().getDomProperty("value")).isEqualTo("drinking-water");

            assertThat(browser.find("#balances").getText()).contains(lot).contains("120 l").contains("Drinkwater in flessen")
                    .contains(LocalDate.parse(expiry).format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")));

            // a soon-expiring lot, a quantity written the Dutch way, and the details a stock card keeps
            String soonLot = lot + "-SOON";
            browser.find("#quantity").clear();
            new Select(browser.find("#type")).selectByValue("receipt");
            browser.find("#quantity").sendKeys("1.250");
            browser.find("#lot").clear();
            browser.find("#lot").sendKeys(soonLot);
            browser.find("#documentNumber").clear();
            browser.find("#documentNumber").sendKeys("PAKBON-77");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('expiry').value = arguments[0]",
                    LocalDate.now(clock).plusDays(10).toString());
            browser.clickAndWaitForNewPage(browser.find("form[method='post'] button[type='submit']"));
            assertThat(browser.find("[role='status']").getText()).contains("Geboekt");
            assertThat(browser.driver().findElements(By.cssSelector("#balances tbody tr")).stream()
                    .filter(row -> row.getText().contains(soonLot)).findFirst().orElseThrow().getText())
                    .contains("1.250 l").contains("verloopt over 10 dag(en)");
            String newest = browser.find("#stock-card tbody tr").getText();
            assertThat(newest).as("the stock card in words, with the running balance and the document")
                    .contains("Ontvangst").contains("Drinkwater in flessen").contains("+1.250 l").contains("1.370 l")
                    .contains("PAKBON-77").doesNotContain("receipt");
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('stock-card').scrollIntoView()");
            browser.screenshot(Path.of("target", "stock-card.png"));

            browser.get("/medewerkers/voorraad");
            assertThat(browser.find("#expiry").getText()).as("expiry per item, with units")
                    .contains("Drinkwater in flessen")
                    .as("no raw decimals such as 803814.000: thousands grouped, as in 14.164 set")
                    .doesNotContainPattern("\\d{4,}[.,]\\d{3}\\b");
            assertThat(browser.driver().findElements(By.cssSelector("figure svg g"))).hasSize(25);
            browser.find("#new-depot summary").click();
            browser.find("#depot-name").sendKeys("Regionaal depot Browsertest");
            new Select(browser.find("#depot-level")).selectByValue("regional");
            // the place is picked on the map, then found from the postcode: nobody types coordinates
            browser.find("#depot-location").click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElement(By.id("depot-lat")).getDomProperty("value").isEmpty());
            browser.find("#depot-postcode").sendKeys("1012 AB", org.openqa.selenium.Keys.TAB);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> "GM0363".equals(browser.find("#depot-municipality").getDomProperty("value")));
            // the coordinates sit folded away: filled by the map and the postcode, not typed
            assertThat(browser.driver().findElement(By.id("depot-lat")).getDomProperty("value")).startsWith("52.3");
            browser.clickAndWaitForNewPage(browser.find("#new-depot button"));
            assertThat(browser.find("h1").getText()).isEqualTo("Regionaal depot Browsertest");
            assertThat(browser.find("main").getText()).contains("regionaal · VR13");
            browser.get("/medewerkers/voorraad");
            assertThat(browser.driver().findElements(By.cssSelector("figure.weerbaar-map path"))).hasSize(342);
            browser.screenshot(Path.of("target", "stock-overview.png"));
        }
    }

    @Test
    void withoutJavaScriptADepotIsPlacedByItsPostcodeAndABadPostcodeIsExplainedInDutch() {
        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.get("/inloggen");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/medewerkers");

            browser.get("/medewerkers/voorraad");
            browser.find("#new-depot summary").click();
            browser.find("#depot-name").sendKeys("Depot zonder script");
            browser.find("#depot-postcode").sendKeys("0999 ZZ");
            browser.clickAndWaitForNewPage(browser.find("#new-depot button"));
            assertThat(browser.find("#new-depot [role='alert']").getText())
                    .isEqualTo("Postcode: deze postcode kennen we niet; schrijf hem als 1234 AB.");

            browser.find("#depot-name").sendKeys("Depot zonder script");
            new Select(browser.find("#depot-level")).selectByValue("municipal");
            browser.find("#depot-postcode").sendKeys("1012 AB");
            browser.clickAndWaitForNewPage(browser.find("#new-depot button"));
            assertThat(browser.find("h1").getText()).isEqualTo("Depot zonder script");
            assertThat(browser.find("main").getText()).contains("gemeentelijk · GM0363");
        }
    }
}
