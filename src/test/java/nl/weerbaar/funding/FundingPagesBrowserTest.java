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
            browser.get("/medewerkers");
            int yearBefore = Year.now(clock).getValue();
            browser.clickAndWaitForNewPage(browser.find("a[href='/medewerkers/financiering']"));
            assertThat(Integer.parseInt(browser.find("#line-year").getDomProperty("value"))).as("the current year by the application's clock")
                    .isBetween(yearBefore, Year.now(clock).getValue());
            browser.get("/medewerkers/financiering?year=" + YEAR);
            browser.find("#line-source").sendKeys("Ministerie van Justitie en Veiligheid");
            browser.find("#line-purpose").sendKeys("regional-strengthening");
            browser.find("#line-amount").sendKeys("70.000.000,00");
            browser.clickAndWaitForNewPage(browser.find("#budget-line-form button"));
            assertThat(browser.find("[role='status']").getText()).isEqualTo("Opgeslagen.");
            assertThat(browser.find("tfoot").getText()).contains("€ 70.000.000,00");

            browser.get("/medewerkers/financiering/verdeling?year=" + YEAR);
            computeFormula(browser, "Alleen inwoners", "0", "0", "");
            computeFormula(browser, "Basis, oppervlak en risico", "1000000", "20", "VR13=1.2");
            assertThat(browser.find("#comparison").getText()).contains("VR13");
            assertThat(browser.find(".weerbaar-chart svg").findElements(By.cssSelector("rect")).size()).isGreaterThan(50);
            assertThat(browser.find(".weerbaar-formula").getText()).contains("€ 70.000.000,00", "per inwoner");
            WebElement amsterdam = browser.find("#comparison tr[data-region='VR13']");
            List<WebElement> cells = amsterdam.findElements(By.cssSelector("td"));
            assertThat(cells.get(0).getText()).isNotEqualTo(cells.get(1).getText());

            List<WebElement> adoptLinks = browser.driver().findElements(By.cssSelector("a[href$='/vaststellen']"));
            assertThat(adoptLinks).hasSize(2);
            // "Vaststellen" asks first, on a page of its own
            browser.clickAndWaitForNewPage(adoptLinks.getFirst());
            assertThat(browser.find("h1").getText()).contains("Basis, oppervlak en risico", "vaststellen?");
            browser.clickAndWaitForNewPage(browser.find("#confirm-adoption"));
            assertThat(browser.find("[role='status']").getText()).contains("Basis, oppervlak en risico", "vastgesteld");
            browser.driver().manage().deleteAllCookies();

            logIn(browser, coordinator, PASSWORD);
            browser.get("/medewerkers/financiering/uitgaven?year=" + YEAR);
            browser.find("#exp-municipality").sendKeys("GM0363");
            browser.find("#exp-amount").sendKeys("125000");
            new org.openqa.selenium.support.ui.Select(browser.find("#exp-category")).selectByValue("civil-preparedness");
            browser.find("#exp-description").sendKeys("Noodstroom voor steunpunten");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('exp-date').value = '" + YEAR + "-03-01'");
            browser.clickAndWaitForNewPage(browser.find("#expenditure-form button"));
            assertThat(browser.find("#expenditures").getText()).contains("VR13 / GM0363", "Civiele paraatheid", "€ 125.000,00");
            browser.driver().manage().deleteAllCookies();

            logIn(browser, "admin", adminPassword);
            browser.get("/medewerkers/financiering/rapportage?year=" + YEAR + "&assumedGrowthPercent=2.5");
            assertThat(browser.find("#pledge tr[data-year='2025']").getText()).contains("€ 1.187.000.000.000,00", "€ 17.805.000.000,00");
            assertThat(browser.find("#pledge tr[data-year='" + YEAR + "']").getText()).contains("schatting", "€ 125.000,00");
            assertThat(browser.find("#pledge-chart svg").findElements(By.cssSelector("polyline"))).isNotEmpty();
            assertThat(browser.find("#regions").getText()).contains("€ 125.000,00");
        }
    }

    /**
     * Item 11 of issue 19: a national admin keeps the budget (a line changed with Dutch amounts,
     * deleted when nothing depends on it, kept with a clear refusal when an allocation does), enters
     * GDP and national spending on a page so the 1.5 % report shows a real share, and a formula
     * with 0 % by area gives no region a cent by area.
     */
    @Test
    void budgetLinesAreChangedAndDeletedGdpIsEnteredOnAPageAndZeroPercentGetsNothing() {
        int year = 2033;
        try (Browser browser = Browser.open(port)) {
            logIn(browser, "admin", adminPassword);
            browser.get("/medewerkers/financiering?year=" + year);
            browser.find("#line-source").sendKeys("Ministerie van BZK");
            browser.find("#line-purpose").sendKeys("campaign");
            browser.find("#line-amount").sendKeys("€ 5.000.000");
            browser.clickAndWaitForNewPage(browser.find("#budget-line-form button"));
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.xpath("//tr[td[text()='campaign']]//a")));
            assertThat(browser.find("#line-amount").getDomProperty("value")).isEqualTo("€\u00A05.000.000,00");
            browser.find("#line-amount").clear();
            browser.find("#line-amount").sendKeys("6.000.000");
            browser.clickAndWaitForNewPage(browser.find("#budget-line-edit button"));
            assertThat(browser.find("[role='status']").getText()).isEqualTo("Opgeslagen.");
            assertThat(browser.find("tfoot").getText()).contains("€ 6.000.000,00");

            browser.get("/medewerkers/financiering/verdeling?year=" + year);
            computeFormula(browser, "Alles naar inwoners", "0", "0", "");
            String byArea = browser.driver().findElements(By.cssSelector("details table tbody tr")).stream()
                    .map(row -> row.findElements(By.cssSelector("td")).get(5).getDomProperty("textContent").strip())
                    .distinct().reduce((a, b) -> a + "|" + b).orElseThrow();
            assertThat(byArea).as("0 % by area: not a cent by area for any region").isEqualTo("€\u00A00,00");

            browser.get("/medewerkers/financiering?year=" + year);
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.xpath("//tr[td[text()='campaign']]//a")));
            browser.clickAndWaitForNewPage(browser.find("#budget-line-delete button"));
            assertThat(browser.find("[role='alert']").getText()).as("an allocation depends on it: a clear refusal, in Dutch")
                    .contains("Niet verwijderd", "Alles naar inwoners").doesNotContain("budget line");

            browser.get("/medewerkers/financiering?year=" + year);
            browser.find("#line-source").sendKeys("Vergissing");
            browser.find("#line-purpose").sendKeys("start-up");
            browser.find("#line-amount").sendKeys("1.250,50");
            browser.clickAndWaitForNewPage(browser.find("#budget-line-form button"));
            assertThat(browser.find("tbody").getText()).contains("€ 1.250,50");
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.xpath("//tr[td[text()='start-up']]//a")));
            browser.clickAndWaitForNewPage(browser.find("#budget-line-delete button"));
            assertThat(browser.find("[role='status']").getText()).isEqualTo("De budgetregel is verwijderd.");
            assertThat(browser.find("tbody").getText()).doesNotContain("start-up").contains("campaign");

            browser.get("/medewerkers/financiering/landelijk?year=" + year);
            browser.find("#gdp-year").clear();
            browser.find("#gdp-year").sendKeys(String.valueOf(year));
            browser.find("#gdp-amount").sendKeys("€ 1.300.000.000.000");
            browser.find("#gdp-source").sendKeys("CBS-raming (test)");
            browser.clickAndWaitForNewPage(browser.find("#gdp-form button"));
            assertThat(browser.find("#gdp").getText()).contains("€ 1.300.000.000.000,00", "CBS-raming (test)");
            browser.find("#spending-year").clear();
            browser.find("#spending-year").sendKeys(String.valueOf(year));
            new org.openqa.selenium.support.ui.Select(browser.find("#spending-category")).selectByValue("critical-infrastructure");
            browser.find("#spending-amount").sendKeys("2.600.000.000");
            browser.find("#spending-source").sendKeys("Rijksbegroting (test)");
            browser.clickAndWaitForNewPage(browser.find("#spending-form button"));
            assertThat(browser.find("#national-spending").getText()).contains("€ 2.600.000.000,00", "Vitale infrastructuur");
            browser.find("#gdp-amount").sendKeys("abc");
            browser.find("#gdp-source").sendKeys("x");
            browser.clickAndWaitForNewPage(browser.find("#gdp-form button"));
            assertThat(browser.find("[role='alert']").getText()).contains("Bedrag: vul een bedrag in euro in").doesNotContain("amount");

            browser.get("/medewerkers/financiering/rapportage?year=" + year);
            assertThat(browser.find("#pledge tr[data-year='" + year + "']").getText())
                    .as("with GDP entered, the share is real").contains("€ 1.300.000.000.000,00").contains("0,2 %");
        }
    }

    private static void logIn(Browser browser, String username, String password) {
        browser.get("/inloggen");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(password);
        browser.find("form button[type='submit']").click();
        browser.waitForPath("/medewerkers");
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
