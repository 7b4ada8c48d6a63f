package nl.weerbaar.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
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

/**
 * The acceptance walk, in a real browser: a national admin enters the yearly budget, tries
 * two formulas, compares and adopts one; a region coordinator books spending with a NATO category;
 * the national report shows the totals against 1.5 % of GDP with a chart.
 */
@IntegrationTest
@TimeDependent
class FundingPagesBrowserTest {

    private static final int YEAR = 2034;
    private static final String PASSWORD = "funding-browser-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void nationalAdminAdoptsAFormulaRegionBooksSpendingAndTheReportShowsThePledge() {
        String coordinator = "fund-browser-vr13-" + System.nanoTime() % 100000;
        ApiClient api = new ApiClient(port);
        var created = api.post("/api/v1/users", api.token("admin", adminPassword), ApiClient.json(Map.of(
                "username", coordinator, "password", PASSWORD, "organisation", "VR13", "role", "coordinator")));
        assertThat(created.status()).isEqualTo(201);

        try (Browser browser = Browser.open(port)) {
            logIn(browser, "admin", adminPassword);
            browser.get("/staff");
            int yearBefore = Year.now(clock).getValue();
            browser.clickAndWaitForNewPage(browser.find("a[href='/staff/funding']"));
            assertThat(Integer.parseInt(browser.find("#line-year").getDomProperty("value"))).as("the current year by the application's clock")
                    .isBetween(yearBefore, Year.now(clock).getValue());
            browser.get("/staff/funding?year=" + YEAR);
            browser.find("#line-source").sendKeys("Ministerie van Justitie en Veiligheid");
            browser.find("#line-purpose").sendKeys("regional-strengthening");
            browser.find("#line-amount").sendKeys("70.000.000,00");
            browser.clickAndWaitForNewPage(browser.find("#budget-line-form button"));
            assertThat(browser.find("[role='status']").getText()).isEqualTo("Opgeslagen.");
            assertThat(browser.find("tfoot").getText()).contains("EUR 70,000,000.00");

            browser.get("/staff/funding/allocations?year=" + YEAR);
            computeFormula(browser, "Alleen inwoners", "0", "0", "");
            computeFormula(browser, "Basis, oppervlak en risico", "1000000", "20", "VR13=1.2");
            assertThat(browser.find("#comparison").getText()).contains("VR13");
            assertThat(browser.find(".weerbaar-chart svg").findElements(By.cssSelector("rect")).size()).isGreaterThan(50);
            assertThat(browser.find(".weerbaar-formula").getText()).contains("EUR 70,000,000.00", "per inwoner");
            WebElement amsterdam = browser.find("#comparison tr[data-region='VR13']");
            List<WebElement> cells = amsterdam.findElements(By.cssSelector("td"));
            assertThat(cells.get(0).getText()).isNotEqualTo(cells.get(1).getText());

            List<WebElement> adoptButtons = browser.driver().findElements(By.cssSelector("form[action$='/adoption'] button"));
            assertThat(adoptButtons).hasSize(2);
            browser.clickAndWaitForNewPage(adoptButtons.getFirst());
            assertThat(browser.find("[role='status']").getText()).contains("Basis, oppervlak en risico", "vastgesteld");
            browser.driver().manage().deleteAllCookies();

            logIn(browser, coordinator, PASSWORD);
            browser.get("/staff/funding/expenditures?year=" + YEAR);
            browser.find("#exp-municipality").sendKeys("GM0363");
            browser.find("#exp-amount").sendKeys("125000");
            new org.openqa.selenium.support.ui.Select(browser.find("#exp-category")).selectByValue("civil-preparedness");
            browser.find("#exp-description").sendKeys("Noodstroom voor steunpunten");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('exp-date').value = '" + YEAR + "-03-01'");
            browser.clickAndWaitForNewPage(browser.find("#expenditure-form button"));
            assertThat(browser.find("#expenditures").getText()).contains("VR13 / GM0363", "Civiele paraatheid", "EUR 125,000.00");
            browser.driver().manage().deleteAllCookies();

            logIn(browser, "admin", adminPassword);
            browser.get("/staff/funding/report?year=" + YEAR + "&assumedGrowthPercent=2.5");
            assertThat(browser.find("#pledge tr[data-year='2025']").getText()).contains("EUR 1,187,000,000,000.00", "EUR 17,805,000,000.00");
            assertThat(browser.find("#pledge tr[data-year='" + YEAR + "']").getText()).contains("schatting", "EUR 125,000.00");
            assertThat(browser.find("#pledge-chart svg").findElements(By.cssSelector("polyline"))).isNotEmpty();
            assertThat(browser.find("#regions").getText()).contains("EUR 125,000.00");
        }
    }

    private static void logIn(Browser browser, String username, String password) {
        browser.get("/login");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("form button[type='submit']").click();
        browser.waitForPath("/staff");
    }

    private static void computeFormula(Browser browser, String name, String base, String areaShare, String weights) {
        browser.find("#formula-name").sendKeys(name);
        browser.find("#formula-base").clear();
        browser.find("#formula-base").sendKeys(base);
        browser.find("#formula-area").clear();
        browser.find("#formula-area").sendKeys(areaShare);
        browser.find("#formula-risk").sendKeys(weights);
        browser.clickAndWaitForNewPage(browser.find("#formula-form button"));
    }
}
