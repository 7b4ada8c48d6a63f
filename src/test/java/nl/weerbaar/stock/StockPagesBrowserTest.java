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

/** A coordinator on a phone receives and issues stock through the pages and sees coverage as a chart. */
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
            browser.get("/login");
            browser.find("#username").sendKeys("admin");
            browser.find("#password").sendKeys(adminPassword);
            browser.find("form button[type='submit']").click();
            browser.waitForPath("/staff");

            browser.get("/staff/voorraad/depots/" + depot);
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
            assertThat(browser.find("[role='alert']").getText()).contains("Niet geboekt").contains("only 120");

            assertThat(browser.driver().findElements(By.cssSelector("table tbody tr")).stream()
                    .anyMatch(row -> row.getText().contains(lot) && row.getText().contains("120"))).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector("table tbody tr")).stream()
                    .anyMatch(row -> row.getText().contains(lot) && row.getText().contains(expiry)))
                    .as("the balance shows the expiry entered").isTrue();

            browser.get("/staff/voorraad");
            assertThat(browser.driver().findElements(By.cssSelector("figure svg g"))).hasSize(25);
            browser.find("#new-depot summary").click();
            browser.find("#depot-name").sendKeys("Regionaal depot Browsertest");
            new Select(browser.find("#depot-level")).selectByValue("regional");
            browser.find("#depot-municipality").sendKeys("GM0363");
            browser.find("#depot-lat").sendKeys("52.3");
            browser.find("#depot-lon").sendKeys("4.95");
            browser.clickAndWaitForNewPage(browser.find("#new-depot button"));
            assertThat(browser.find("h1").getText()).isEqualTo("Regionaal depot Browsertest");
            assertThat(browser.find("main").getText()).contains("regional · VR13");
            browser.get("/staff/voorraad");
            assertThat(browser.driver().findElements(By.cssSelector("figure.weerbaar-map path"))).hasSize(342);
            browser.screenshot(Path.of("target", "stock-overview.png"));
        }
    }
}
