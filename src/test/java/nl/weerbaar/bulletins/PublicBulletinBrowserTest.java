package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident on a phone reads what the authorities say: the bulletin in force on the home page,
 * its whole text and instruction on its own page, and checks it is genuine. Without JavaScript.
 */
@IntegrationTest
@TimeDependent
class PublicBulletinBrowserTest {

    private static final String PASSWORD = "public-bulletin-password";
    /** As PublicPagesTest: one public page on a weak phone connection, HTML plus CSS. */
    private static final int PAGE_BUDGET_BYTES = 30 * 1024;

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aResidentReadsTheWholeBulletinFromTheHomePageAndChecksIt() {
        ApiClient api = new ApiClient(port);
        String id = published(api, "GM0599", "Extreme", "Rook bij de haven: ramen en deuren dicht");

        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.resize(390, 844);
            browser.get("/");
            var onHome = browser.find("#bulletins [data-bulletin='" + id + "'] a");
            assertThat(browser.find("#bulletins").getText()).contains("Levensbedreigend", "Rotterdam", "Wat moet u doen?",
                    "Sluit ramen en deuren");
            browser.clickAndWaitForNewPage(onHome);

            assertThat(browser.path()).isEqualTo("/berichten/" + id);
            assertThat(browser.find("h1").getText()).startsWith("Rook bij de haven");
            String page = browser.find("main").getText();
            assertThat(page).contains("Dit bericht geldt nu.", "Er is veel rook bij een brand in de haven.",
                    "Wat moet u doen?", "Sluit ramen en deuren en zet de ventilatie uit.",
                    "Gebied", "Rotterdam", "Ondertekend door", "Gemeente Rotterdam", "Geldt tot", "Uitgegeven op");
            assertThat(page).as("absolute Dutch times, not ISO").containsPattern("[0-9]{1,2} [a-z]+ 20[0-9]{2} [0-9]{2}:[0-9]{2}");
            browser.screenshot(Path.of("docs/bulletin-phone.png"));

            browser.clickAndWaitForNewPage(browser.find("#check a"));
            assertThat(browser.path()).isEqualTo("/controleren?id=" + id);
            assertThat(browser.find("#verdict").getAttribute("data-verdict")).isEqualTo("genuine");

            browser.get("/steunpunten?postcode=3011");
            assertThat(browser.find("#notices-heading").isDisplayed()).isTrue();
            assertThat(browser.find("main").getText()).contains("Rook bij de haven", "Sluit ramen en deuren");
            browser.clickAndWaitForNewPage(browser.driver().findElement(By.cssSelector("a[href='/berichten/" + id + "']")));
            assertThat(browser.find("h1").getText()).startsWith("Rook bij de haven");
        }
    }

    @Test
    void theBulletinPageIsSmallPrintsWithoutScriptAndSpeaksEnglishOnRequest() {
        ApiClient api = new ApiClient(port);
        String id = published(api, "GM0363", "Moderate", "Stroomstoring in Amsterdam-Oost " + System.nanoTime() % 100_000);
        var page = api.get("/berichten/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("public", "stale-if-error");
        int css = api.get("/css/weerbaar.css").body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length + css).isLessThan(PAGE_BUDGET_BYTES);
        assertThat(page.body()).doesNotContain("<script", "style=").contains("href=\"/controleren?id=" + id + "\"");
        assertThat(api.get("/berichten/" + id + "?lang=en").body()).contains("Boil drinking water before use",
                "This bulletin is in force now.", "What should you do?");
        assertThat(api.get("/berichten?area=GM0363").body()).contains("Stroomstoring in Amsterdam-Oost");
        assertThat(api.get("/berichten/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.get("/berichten/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void verifyTellsPlainTextFromAlteredAndChecksAPastedPosterLinkLikeAScan() {
        ApiClient api = new ApiClient(port);
        String id = published(api, "GM0363", "Severe", "Kook drinkwater in Amsterdam-Noord");
        String code = jdbc.queryForObject("select poster_code from bulletin where id = ?::uuid", String.class, id);

        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            browser.resize(390, 844);
            browser.get("/controleren");
            browser.find("#cap").sendKeys("Kook drinkwater in Amsterdam-Noord. Dit bericht komt van de gemeente.");
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));
            assertThat(browser.find("#verdict").getAttribute("data-verdict")).isEqualTo("notSigned");
            String verdict = browser.find("#verdict").getText();
            assertThat(verdict).contains("Niet ondertekend", "gewone tekst").doesNotContain("Veranderd", "the ", "signature");

            browser.get("/controleren");
            browser.find("#cap").sendKeys("https://weerbaar.example.nl/verify?b=" + code);
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));
            assertThat(browser.find("#verdict").getAttribute("data-verdict")).isEqualTo("genuine");
            assertThat(browser.find("#verdict").getText()).contains("Kook drinkwater in Amsterdam-Noord");
            browser.screenshot(Path.of("docs/verify-poster-link-phone.png"));

            browser.get("/controleren");
            browser.find("#cap").sendKeys(code.substring(0, code.length() - 3) + "AAA");
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));
            assertThat(browser.find("#verdict").getAttribute("data-verdict")).isEqualTo("altered");
            assertThat(browser.find("#verdict").getText()).as("Dutch only").contains("Veranderd").doesNotContain("the code");

            browser.get("/controleren?lang=en");
            browser.find("#cap").sendKeys("Boil your water.");
            browser.clickAndWaitForNewPage(browser.find("form.weerbaar-form button[type='submit']"));
            assertThat(browser.find("#verdict").getText()).contains("Not signed", "plain text").doesNotContain("Niet ondertekend");
        }
    }

    /** A bulletin drafted, approved by a colleague and published through the API; returns its id. */
    private String published(ApiClient api, String area, String severity, String headline) {
        String admin = api.token("admin", adminPassword);
        String author = api.token(api.createUser(admin, area, "coordinator", PASSWORD), PASSWORD);
        String colleague = api.token(api.createUser(admin, area, "coordinator", PASSWORD), PASSWORD);
        String json = BulletinsApiTest.draftJson(clock, area, "alert", null)
                .replace("\"Severe\"", "\"" + severity + "\"")
                .replace("Kook drinkwater voor gebruik", headline)
                .replace("Door een storing kan het kraanwater besmet zijn.", "Er is veel rook bij een brand in de haven.")
                .replace("Kook water minstens één minuut.", "Sluit ramen en deuren en zet de ventilatie uit.");
        var drafted = api.post("/api/v1/bulletins", author, json);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        var draft = api.get("/api/v1/bulletins/" + id, author);
        assertThat(api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", colleague, null, draft.header("ETag"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", author, null).status()).isEqualTo(200);
        return id;
    }
}
