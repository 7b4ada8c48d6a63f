package nl.weerbaar.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.Browser;
import nl.weerbaar.support.ModuleTestSigner;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance walk of Denk Vooruit: two adults (one on insulin), a baby and a dog in 1012 get
 * a correct 72-hour list and the nearest points that can power devices, with JavaScript on and off;
 * axe-core finds no accessibility violations on the form and the result. A module test: household
 * with the modules it uses (access, areas, points) and the shared system module, nothing else.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ModuleTestSigner.class)
// Pages speak Dutch unless asked otherwise: in the whole application web's locale resolver says so.
@TestPropertySource(properties = "spring.web.locale=nl")
@TimeDependent
class DenkVooruitTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String QUERY = "/denk-vooruit?adults=2&babies=1&pets=1&needs=insulin&days=3&postcode=1012";
    private static Path axe;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @BeforeAll
    static void installAxe() throws Exception {
        Path folder = Path.of("target", "axe");
        axe = folder.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            Files.createDirectories(folder);
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--prefix", folder.toString(), "axe-core@4.11.0")
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes());
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(npm.exitValue()).as(output).isZero();
        }
    }

    @Test
    void theKitIsScaledToTheHousehold() {
        String page = new ApiClient(port).get(QUERY).body();

        // 3 people for 3 days at 3 litres, plus the dog at half a litre a day
        assertThat(page).contains("28,5 liter drinkwater");
        assertThat(page).contains("9 dagrantsoenen");
        assertThat(page).contains("18 luiers");
        assertThat(page).contains("Insuline voor minstens 10 dagen").contains("Koeltas");
        assertThat(page).contains("Voer voor 3 huisdierdagen");
        assertThat(page).contains("Steunpunten bij postcode 1012");
        assertThat(page).contains("Stroom voor medische apparaten en koeling van insuline");
        assertThat(page).as("the form keeps what was entered").contains("name=\"adults\" value=\"2\"");
    }

    @Test
    void badInputIsNamedAndNothingIsCounted() {
        long before = kitsCounted();
        var response = new ApiClient(port).get("/denk-vooruit?adults=0&days=40&postcode=99");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("minstens één persoon", "Kies 1 tot 14 dagen", "Deze postcode kennen we niet");
        assertThat(kitsCounted()).isEqualTo(before);
    }

    @Test
    void onlyAnAnonymousCountPerRegionAndWeekIsKept() {
        long before = kitsCounted();
        LocalDate weekBefore = KitCounter.weekStart(LocalDate.now(clock));
        long beforeThisWeek = kitsCountedIn(weekBefore);
        new ApiClient(port).get(QUERY);
        LocalDate weekAfter = KitCounter.weekStart(LocalDate.now(clock));
        assertThat(kitsCounted()).isEqualTo(before + 1);
        if (weekAfter.equals(weekBefore)) {
            assertThat(kitsCountedIn(weekBefore)).as("counted in the application's week").isEqualTo(beforeThisWeek + 1);
        } else {
            assertThat(kitsCountedIn(weekAfter)).as("counted in the application's week, which just began").isEqualTo(1);
        }
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'household_kit_count'")
                .query(String.class).list();
        assertThat(columns).containsExactlyInAnyOrder("region_code", "week_start", "kits");
    }

    @Test
    void remindersComeAsACalendarFile() {
        LocalDate dayBefore = LocalDate.now(clock);
        String stampBefore = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        var calendar = new ApiClient(port).get("/denk-vooruit/herinneringen.ics");
        LocalDate dayAfter = LocalDate.now(clock);
        String stampAfter = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        assertThat(calendar.header("Content-Type")).startsWith("text/calendar");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("RRULE:FREQ=MONTHLY;INTERVAL=6")
                .contains("BEGIN:VALARM").contains("\r\nEND:VCALENDAR");
        // the first reminder falls on the first of next month, by the application's clock
        assertThat(calendar.body()).containsAnyOf("DTSTART;VALUE=DATE:" + firstOfNextMonth(dayBefore),
                "DTSTART;VALUE=DATE:" + firstOfNextMonth(dayAfter));
        String stamp = calendar.body().lines().filter(line -> line.startsWith("DTSTAMP:")).findFirst().orElseThrow().substring(8);
        assertThat(stamp).isBetween(stampBefore, stampAfter);
    }

    @Test
    void worksWithoutJavaScriptAndHasNoAccessibilityViolations() {
        try (Browser browser = Browser.openWithoutJavaScript(port)) {
            walk(browser);
            assertThat(browser.find("#kit-heading").getText()).contains("3 dagen").contains("3 personen");
        }
        try (Browser browser = Browser.open(port)) {
            browser.get("/denk-vooruit");
            assertThat(violations(browser)).as("axe-core on the form").isEmpty();
            walk(browser);
            assertThat(violations(browser)).as("axe-core on the result").isEmpty();

            // the plan stays in the browser: typed, reloaded, still there, and never part of the form
            WebElement meet = browser.find("#plan-meet-near");
            meet.sendKeys("Bij de kerk");
            assertThat(meet.getDomAttribute("name")).isNull();
            browser.get(QUERY);
            assertThat(browser.find("#plan-meet-near").getAttribute("value")).isEqualTo("Bij de kerk");
            browser.screenshot(Path.of("target", "denk-vooruit.png"));
        }
    }

    private void walk(Browser browser) {
        browser.get("/denk-vooruit");
        browser.find("#adults").clear();
        browser.find("#adults").sendKeys("2");
        browser.find("#babies").clear();
        browser.find("#babies").sendKeys("1");
        browser.find("#pets").clear();
        browser.find("#pets").sendKeys("1");
        browser.find("#need-insulin").click();
        browser.find("#postcode").sendKeys("1012");
        browser.clickAndWaitForNewPage(browser.find("form button[type='submit']"));
        assertThat(browser.driver().findElements(By.cssSelector(".weerbaar-checklist li")).size()).isGreaterThan(15);
    }

    @SuppressWarnings("unchecked")
    private List<Object> violations(Browser browser) {
        try {
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript(Files.readString(axe));
            Object result = js.executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
                            + ".then(function (r) { done(r.violations.map(function (v) {"
                            + "  return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); });");
            return (List<Object>) result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstOfNextMonth(LocalDate day) {
        return day.withDayOfMonth(1).plusMonths(1).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private long kitsCountedIn(LocalDate week) {
        return jdbc.sql("select coalesce(sum(kits), 0) from household_kit_count where week_start = :week")
                .param("week", week).query(Long.class).single();
    }

    private long kitsCounted() {
        return jdbc.sql("select coalesce(sum(kits), 0) from household_kit_count").query(Long.class).single();
    }
}
