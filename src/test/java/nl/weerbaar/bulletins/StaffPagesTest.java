package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** As a new user would: a municipality drafts on the staff page, a colleague approves, a resident checks it. */
@IntegrationTest
@TimeDependent
class StaffPagesTest {

    private static final String PASSWORD = "staff-page-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void aMunicipalityDraftsAColleagueApprovesAndAResidentSeesItIsGenuine() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        Session author = login(user(api, admin, "GM0518"));
        Session colleague = login(user(api, admin, "GM0518"));

        Map<String, String> form = new LinkedHashMap<>();
        form.put("area", "GM0518");
        form.put("event", "Stroomstoring");
        form.put("category", "Infra");
        form.put("urgency", "Immediate");
        form.put("severity", "Severe");
        form.put("certainty", "Observed");
        form.put("headline", "Stroomstoring in Den Haag: ga naar een steunpunt");
        form.put("description", "In grote delen van de stad is de stroom uitgevallen.");
        form.put("instruction", "Ga voor informatie en drinkwater naar het dichtstbijzijnde steunpunt.");
        form.put("validHours", "12");
        String drafted = author.post("/medewerkers/berichten", form);
        assertThat(drafted).contains("Concept opgeslagen", "Wacht op goedkeuring door een collega");

        String list = colleague.get("/medewerkers/berichten");
        Matcher approval = Pattern.compile("action=\"(/medewerkers/berichten/([0-9a-f-]{36})/goedkeuring)\"").matcher(list);
        assertThat(approval.find()).isTrue();
        String id = approval.group(2);
        assertThat(colleague.post(approval.group(1), Map.of("version", "0"))).contains("Goedgekeurd:");
        assertThat(author.post("/medewerkers/berichten/" + id + "/publicatie", Map.of())).contains("Gepubliceerd en ondertekend:");

        String resident = api.get("/controleren?id=" + id).body();
        assertThat(resident).contains("data-verdict=\"genuine\"", "Echt: uitgegeven door Gemeente");
        assertThat(author.get("/medewerkers/beweringen")).contains("<svg", "Beweringen in omloop")
                .containsOnlyOnce("<title>Register van beweringen");
    }

    @Test
    void aRefusalOnTheDutchPageIsDutchWhileTheApiKeepsItsEnglishDetail() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String authorName = user(api, admin, "GM0518");
        Session author = login(authorName);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("area", "GM0518");
        form.put("event", "Hitte");
        form.put("category", "Met");
        form.put("urgency", "Expected");
        form.put("severity", "Moderate");
        form.put("certainty", "Likely");
        form.put("headline", "Hittegolf verwacht: drink genoeg water");
        form.put("description", "De komende dagen wordt het heet.");
        form.put("validHours", "12");
        Matcher drafted = Pattern.compile("/medewerkers/berichten/([0-9a-f-]{36})/bewerken")
                .matcher(author.post("/medewerkers/berichten", form));
        assertThat(drafted.find()).isTrue();
        String id = drafted.group(1);

        String ownApproval = author.post("/medewerkers/berichten/" + id + "/goedkeuring", Map.of("version", "0"));
        assertThat(ownApproval).contains("Niet gedaan: U hebt het bericht", "Hittegolf verwacht: drink genoeg water",
                "zelf geschreven: een andere coördinator van", "(vier ogen)").doesNotContain("four eyes");
        String ownPublication = author.post("/medewerkers/berichten/" + id + "/publicatie", Map.of());
        assertThat(ownPublication).contains("is nog een concept: een collega moet het goedkeuren").doesNotContain("is a draft");

        ApiClient.Response api409 = api.post("/api/v1/bulletins/" + id + "/approval", api.token(authorName, PASSWORD), null);
        assertThat(api409.status()).isEqualTo(409);
        assertThat(api409.json().get("detail").asString())
                .isEqualTo("you wrote bulletin " + id + ": a colleague of GM0518 (coordinator) must approve it (four eyes)");
        assertThat(author.get("/medewerkers/berichten/00000000-0000-4000-8000-000000000000/bewerken", 404))
                .contains("Dit bericht bestaat niet, of u mag het niet zien.");
    }

    private String user(ApiClient api, String admin, String organisation) {
        return api.createUser(admin, organisation, "coordinator", PASSWORD);
    }

    private Session login(String username) throws Exception {
        Session session = new Session();
        session.post("/inloggen", Map.of("username", username, "password", PASSWORD), "/inloggen");
        return session;
    }

    /** A browser session without JavaScript: cookies, CSRF tokens from the forms, redirects followed. */
    private final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        String get(String path) throws Exception {
            return get(path, 200);
        }

        String get(String path, int status) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(status);
            return response.body();
        }

        String post(String path, Map<String, String> fields) throws Exception {
            return post(path, fields, "/medewerkers/berichten");
        }

        String post(String path, Map<String, String> fields, String formPage) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(formPage));
            assertThat(token.find()).isTrue();
            Map<String, String> withToken = new LinkedHashMap<>(fields);
            withToken.put("_csrf", token.group(1));
            String body = withToken.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
