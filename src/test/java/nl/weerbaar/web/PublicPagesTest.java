package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PublicPagesTest {

    /** Budget for one public page on a weak phone connection: HTML plus CSS, uncompressed. */
    private static final int PAGE_BUDGET_BYTES = 30 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
            "/,      Voorbereid als het misgaat, Prepared when things go wrong",
            "/over,  Bron: CBS,                  Source: CBS",
            "/inloggen, Inloggen voor medewerkers,  Staff login"})
    void pagesAreDutchByDefaultAndEnglishOnRequest(String path, String dutch, String english) throws Exception {
        HttpResponse<String> nl = get(path, null, null);
        assertThat(nl.statusCode()).isEqualTo(200);
        assertThat(nl.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(nl.body()).contains("<html lang=\"nl\"", dutch, "Inloggen medewerkers", "<main id=\"content\"");

        HttpResponse<String> en = get(path + "?lang=en", null, null);
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\"", english).doesNotContain(dutch);
    }

    @Test
    void languageChoiceSticksInACookie() throws Exception {
        HttpResponse<String> switched = get("/?lang=en", null, null);
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("weerbaar-lang=en").contains("HttpOnly", "SameSite=Lax");

        HttpResponse<String> next = get("/over", cookie.substring(0, cookie.indexOf(';')), "nl");
        assertThat(next.body()).contains("<html lang=\"en\"", "About Weerbaar");
    }

    @Test
    void browserLanguageDecidesWithoutCookie() throws Exception {
        assertThat(get("/", null, "en-GB,en;q=0.9").body()).contains("<html lang=\"en\"");
        assertThat(get("/", null, "de-DE,de;q=0.9").body()).contains("<html lang=\"nl\"");
        assertThat(get("/?lang=fr", null, "en").body()).contains("<html lang=\"nl\"");
    }

    @Test
    void everyPageCarriesTheNavigationWithItsSectionMarked() throws Exception {
        assertThat(get("/steunpunten", null, "nl").body())
                .contains("href=\"/denk-vooruit\"", "href=\"/controleren\"")
                .containsPattern("href=\"/steunpunten\"[^>]*aria-current=\"page\"");
        assertThat(get("/denk-vooruit", null, "nl").body())
                .containsPattern("href=\"/denk-vooruit\"[^>]*aria-current=\"page\"")
                .doesNotContainPattern("href=\"/steunpunten\"[^>]*aria-current");
        assertThat(get("/bestaat-niet", null, "nl").body()).contains("href=\"/steunpunten\"");
    }

    @Test
    void unknownPageGetsFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> nl = get("/bestaat-niet", null, null);
        assertThat(nl.statusCode()).isEqualTo(404);
        assertThat(nl.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(nl.body()).contains("Pagina niet gevonden", "Naar de startpagina", "href=\"/\"", "weerbaar.css")
                .doesNotContain("Whitelabel");

        assertThat(get("/bestaat-niet", null, "en").body()).contains("Page not found");
    }

    /** A refusal of the domain on a page (here: no such bulletin) gets the error page of its kind, not a 500. */
    @Test
    void domainNotFoundOnAPageGetsTheNotFoundPage() throws Exception {
        HttpResponse<String> missing = get("/berichten/00000000-0000-4000-8000-000000000000", null, "nl");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Pagina niet gevonden").doesNotContain("no published bulletin");
    }

    @Test
    void forbiddenRequestGetsFriendlyAccessDeniedPage() throws Exception {
        // A form post without the CSRF token is refused with 403 by Spring Security.
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/uitloggen"))
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> denied = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Geen toegang", "Foutcode 403", "Naar de startpagina");
    }

    @Test
    void stylesheetIsServedAndSmall() throws Exception {
        HttpResponse<String> css = get("/css/weerbaar.css", null, null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains("--utrecht-", "@media print");
        assertThat(bytes(css)).isLessThan(12 * 1024);
    }

    @ParameterizedTest
    @CsvSource({"/", "/over", "/inloggen", "/bestaat-niet"})
    void pagesStayWithinBudgetAndNeedNoInlineCode(String path) throws Exception {
        HttpResponse<String> page = get(path, null, null);
        int css = bytes(get("/css/weerbaar.css", null, null));
        assertThat(bytes(page) + css).isLessThan(PAGE_BUDGET_BYTES);
        // The Content-Security-Policy (default-src 'self') would block inline scripts and styles.
        assertThat(page.body()).doesNotContain("<script", "style=", "<style");
    }

    @Test
    void loginFormPostsWithCsrfTokenAndShowsError() throws Exception {
        String form = get("/inloggen", null, null).body();
        assertThat(form).contains("action=\"/inloggen\"", "method=\"post\"", "name=\"username\"",
                "name=\"password\"", "name=\"_csrf\"");

        assertThat(get("/inloggen?error", null, null).body()).contains("klopt niet", "utrecht-form-field--invalid");
        assertThat(get("/inloggen?logout", null, null).body()).contains("U bent uitgelogd");
    }

    @Test
    void anAddressWithAPartThatCannotBeReadIsAnsweredNamingThatPart() throws Exception {
        HttpResponse<String> page = get("/berichten/1/affiche.pdf", null, "nl");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Verzoek niet begrepen", "Het deel ‘id’ van het adres klopt niet: ‘1’");

        HttpResponse<String> english = get("/berichten/%3Cb%3Ebold/affiche.pdf?lang=en", null, null);
        assertThat(english.body()).contains("The part ‘id’ of the address is not right: we cannot read ‘&lt;b&gt;bold’")
                .doesNotContain("<b>bold");

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/berichten/1/affiche.pdf"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"detail\":\"'id' cannot be read from '1'\"");
    }

    private HttpResponse<String> get(String path, String cookie, String acceptLanguage)
            throws IOException, InterruptedException {
        // As a browser asks: without text/html the error controller answers in JSON.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int bytes(HttpResponse<String> response) {
        return response.body().getBytes(StandardCharsets.UTF_8).length;
    }
}
