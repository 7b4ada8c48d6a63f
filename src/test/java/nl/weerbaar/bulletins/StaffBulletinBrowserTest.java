package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two coordinators of a municipality at their desks: one drafts with the CAP choices in Dutch,
 * reads it as residents will and edits it; the other reads the same preview and the CAP,
 * approves and publishes; then they cancel it, and the public page says it was replaced.
 */
@IntegrationTest
@TimeDependent
class StaffBulletinBrowserTest {

    private static final String PASSWORD = "staff-bulletin-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void fourEyesSeeWhatResidentsWillSeeAndAPublishedBulletinIsCancelledFromThePages() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String author = api.createUser(admin, "GM0855", "coordinator", PASSWORD);
        String colleague = api.createUser(admin, "GM0855", "coordinator", PASSWORD);

        try (Browser writer = Browser.open(port); Browser approver = Browser.open(port)) {
            login(writer, author, "/medewerkers/berichten");
            writer.find("#event").sendKeys("Drinkwater");
            Select severity = new Select(writer.find("#severity"));
            assertThat(severity.getOptions()).extracting(WebElement::getText).contains("Levensbedreigend", "Ernstig", "Matig");
            new Select(writer.find("#category")).selectByValue("Health");
            severity.selectByValue("Moderate");
            writer.find("#headline").sendKeys("Kook drinkwater in Tilburg-West");
            writer.find("#description").sendKeys("Bij werk aan de leiding is vuil in het water gekomen.");
            writer.find("#instruction").sendKeys("Kook water één minuut voor u het drinkt.");
            writer.clickAndWaitForNewPage(writer.find("form.weerbaar-form button[type='submit']"));

            assertThat(writer.path()).matches("/medewerkers/berichten/[0-9a-f-]{36}");
            String id = writer.path().substring("/medewerkers/berichten/".length());
            assertThat(writer.find("#done").getText()).contains("Concept opgeslagen");
            assertThat(writer.find("#resident-view h1").getText()).isEqualTo("Kook drinkwater in Tilburg-West");
            assertThat(writer.find("#resident-view").getText()).contains("Concept", "Matig", "Gezondheid", "Kook water één minuut");
            assertThat(writer.find("#cap").getText()).contains("<alert", "<severity>Moderate</severity>");
            assertThat(writer.find("#actions").getText()).contains("Wacht op goedkeuring");

            writer.clickAndWaitForNewPage(writer.find("#edit"));
            assertThat(new Select(writer.find("#severity")).getFirstSelectedOption().getAttribute("value")).isEqualTo("Moderate");
            writer.find("#headline").clear();
            writer.find("#headline").sendKeys("Kook drinkwater in Tilburg-West en Reeshof");
            writer.clickAndWaitForNewPage(writer.find("form.weerbaar-form button[type='submit']"));
            assertThat(writer.find("#done").getText()).contains("Concept gewijzigd");
            assertThat(writer.find("#resident-view h1").getText()).isEqualTo("Kook drinkwater in Tilburg-West en Reeshof");

            login(approver, colleague, "/medewerkers/berichten/" + id);
            assertThat(approver.find("#resident-view").getText()).contains("Kook water één minuut", "Tilburg");
            assertThat(approver.find("#cap").getText()).contains("Kook drinkwater in Tilburg-West en Reeshof");
            approver.screenshot(Path.of("docs/bulletin-staff-preview.png"));
            approver.clickAndWaitForNewPage(approver.find("#approve"));
            assertThat(approver.find("#done").getText()).contains("Goedgekeurd");
            approver.clickAndWaitForNewPage(approver.find("#publish"));
            assertThat(approver.find("#done").getText()).contains("Gepubliceerd en ondertekend");
            assertThat(approver.find("#cap").getText()).contains("Signature");

            approver.clickAndWaitForNewPage(approver.find("#follow-up-cancel"));
            assertThat(approver.find("#follows-up").getText()).contains("Intrekking");
            approver.find("#description").clear();
            approver.find("#description").sendKeys("De leiding is schoongespoeld. Het water is weer veilig.");
            approver.clickAndWaitForNewPage(approver.find("form.weerbaar-form button[type='submit']"));
            String cancel = approver.path().substring("/medewerkers/berichten/".length());
            assertThat(cancel).isNotEqualTo(id);

            writer.get("/medewerkers/berichten/" + cancel);
            writer.clickAndWaitForNewPage(writer.find("#approve"));
            writer.clickAndWaitForNewPage(writer.find("#publish"));
            assertThat(writer.find("#done").getText()).contains("Gepubliceerd");

            var original = api.get("/api/v1/bulletins/" + cancel).json();
            assertThat(original.get("kind").asString()).isEqualTo("cancel");
            assertThat(original.get("references").asString()).isEqualTo(id);
            writer.get("/berichten/" + id);
            assertThat(writer.find("#bulletin-state").getText()).contains("vervangen door een nieuwer bericht");
        }
    }

    private static void login(Browser browser, String username, String path) {
        browser.get(path);
        browser.waitForPath("/inloggen");
        browser.find("#username").sendKeys(username);
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("form button[type='submit']").click();
        browser.waitForPath(path);
    }
}
