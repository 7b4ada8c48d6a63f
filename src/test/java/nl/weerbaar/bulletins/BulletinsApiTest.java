package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole road of a bulletin through the API: draft, four-eyes approval, signed publication, checks by anyone. */
@IntegrationTest
@TimeDependent
class BulletinsApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "bulletin-test-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    @Test
    void aMunicipalityDraftsAColleagueApprovesAndAResidentVerifiesTheSignedCap() throws Exception {
        String author = token("GM0363", "coordinator");
        String colleague = token("GM0363", "coordinator");

        ApiClient.Response draft = api.post("/api/v1/bulletins", author, draftJson(clock, "GM0363", "alert", null));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(draft.header("ETag")).isEqualTo("\"0\"");
        String id = draft.json().get("id").asString();
        assertThat(api.get("/api/v1/bulletins/" + id).status()).as("a draft is not public").isEqualTo(404);

        ApiClient.Response ownApproval = send("POST", "/api/v1/bulletins/" + id + "/approval", author, "\"0\"", null);
        assertThat(ownApproval.status()).isEqualTo(409);
        assertThat(ownApproval.json().get("detail").asString()).contains("a colleague of GM0363", "four eyes");
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", author, null).json().get("detail").asString())
                .contains("a colleague must approve it before it can be published");
        assertThat(send("POST", "/api/v1/bulletins/" + id + "/approval", colleague, null, null).status()).isEqualTo(428);
        ApiClient.Response approved = send("POST", "/api/v1/bulletins/" + id + "/approval", colleague, "\"0\"", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");

        ApiClient.Response published = api.post("/api/v1/bulletins/" + id + "/publication", author, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("published");
        assertThat(published.json().get("inForce").asBoolean()).isTrue();
        String kid = published.json().get("keyId").asString();

        ApiClient.Response cap = api.get("/api/v1/bulletins/" + id + "/cap");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(cap.header("Content-Type")).startsWith("application/cap+xml");
        CapXml.validate(CapXml.parse(cap.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(cap.body()).contains("<sender>GM0363@weerbaar.nl</sender>", "<ds:KeyName>" + kid + "</ds:KeyName>");

        JsonNode verdict = verify(cap.body()).json();
        assertThat(verdict.get("verdict").asString()).isEqualTo("genuine");
        assertThat(verdict.get("trusted").asBoolean()).isTrue();
        assertThat(verdict.get("explanation").get("nl").asString()).startsWith("Echt: uitgegeven door Gemeente Amsterdam");

        JsonNode tampered = verify(cap.body().replace("Kook drinkwater", "Drink geen water")).json();
        assertThat(tampered.get("verdict").asString()).isEqualTo("altered");
        assertThat(tampered.get("explanation").get("en").asString()).startsWith("Altered: this is not the bulletin as it was signed");

        JsonNode inForce = api.get("/api/v1/bulletins?area=GM0363&inForce=true").json();
        assertThat(inForce.get("items").findValuesAsString("id")).contains(id);
        ApiClient.Response feed = api.get("/api/v1/areas/GM0363/bulletins.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<id>urn:uuid:" + id + "</id>", "/api/v1/bulletins/" + id + "/cap\" type=\"application/cap+xml\"");
        assertThat(api.get("/api/v1/areas/GM9999/bulletins.atom").status()).isEqualTo(404);
        assertThat(api.get("/.well-known/weerbaar-keys.json").body()).contains(kid, "Gemeente Amsterdam");
        assertThat(api.get("/api/v1/organisations/GM0363/keys").json().get("keys").findValuesAsString("kid")).contains(kid);
    }

    @Test
    void nobodyOutsideTheOrganisationOrBelowCoordinatorDraftsApprovesOrPublishes() {
        String author = token("GM0363", "coordinator");
        String operator = token("GM0363", "operator");
        String otherMunicipality = token("GM0014", "coordinator");
        String region = token("VR13", "coordinator");

        assertThat(api.post("/api/v1/bulletins", operator, draftJson(clock, "GM0363", "alert", null)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/bulletins", otherMunicipality, draftJson(clock, "GM0363", "alert", null)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/bulletins", author, draftJson(clock, "GM0014", "alert", null)).status()).isEqualTo(403);
        String id = api.post("/api/v1/bulletins", author, draftJson(clock, "GM0363", "alert", null)).json().get("id").asString();

        ApiClient.Response byOtherMunicipality = send("POST", "/api/v1/bulletins/" + id + "/approval", otherMunicipality, "\"0\"", null);
        ApiClient.Response byRegion = send("POST", "/api/v1/bulletins/" + id + "/approval", region, "\"0\"", null);
        ApiClient.Response byOperator = send("POST", "/api/v1/bulletins/" + id + "/approval", operator, "\"0\"", null);

        assertThat(byOtherMunicipality.status()).isEqualTo(403);
        assertThat(byRegion.status()).isEqualTo(403);
        assertThat(byRegion.json().get("detail").asString()).contains("belongs to GM0363");
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", otherMunicipality, null).status()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/bulletins/" + id, otherMunicipality, "\"0\"", draftJson(clock, "GM0363", "alert", null)).status())
                .isEqualTo(403);
    }

    @Test
    void badInputNamesEveryField() {
        String author = token("GM0363", "coordinator");
        String yesterday = clock.instant().minus(1, ChronoUnit.DAYS).toString();
        ApiClient.Response response = api.post("/api/v1/bulletins", author,
                "{\"area\":\"GM9999\",\"kind\":\"rumour\",\"severity\":\"Huge\",\"expires\":\"" + yesterday + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("invalidParams").findValuesAsString("name"))
                .contains("area", "kind", "event", "category", "urgency", "severity", "certainty", "headline", "description", "expires");
    }

    @Test
    void anEditedApprovedBulletinNeedsApprovalAgainAndAnUpdateEndsTheOldOne() {
        String author = token("GM0363", "coordinator");
        String colleague = token("GM0363", "coordinator");
        String id = api.post("/api/v1/bulletins", author, draftJson(clock, "GM0363", "alert", null)).json().get("id").asString();
        send("POST", "/api/v1/bulletins/" + id + "/approval", colleague, "\"0\"", null);

        assertThat(send("PUT", "/api/v1/bulletins/" + id, author, "\"0\"", draftJson(clock, "GM0363", "alert", null)).status())
                .as("stale If-Match").isEqualTo(412);
        ApiClient.Response edited = send("PUT", "/api/v1/bulletins/" + id, author, "\"1\"", draftJson(clock, "GM0363", "alert", null));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("status").asString()).isEqualTo("draft");
        assertThat(edited.json().get("approvedBy").isNull()).isTrue();

        String original = publishedBulletin(author, colleague, draftJson(clock, "GM0363", "alert", null));
        String allClear = publishedBulletin(author, colleague, draftJson(clock, "GM0363", "allClear", original));

        assertThat(api.get("/api/v1/bulletins/" + original).json().get("inForce").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/bulletins/" + original).json().get("supersededBy").asString()).isEqualTo(allClear);
        String cap = api.get("/api/v1/bulletins/" + allClear + "/cap").body();
        assertThat(cap).contains("<msgType>Update</msgType>", "<responseType>AllClear</responseType>",
                "<references>GM0363@weerbaar.nl,NL-WEERBAAR-" + original + ",");
        assertThat(send("PUT", "/api/v1/bulletins/" + original, author, "\"2\"", draftJson(clock, "GM0363", "alert", null)).status())
                .as("a published bulletin never changes").isEqualTo(409);
    }

    @Test
    void aRotatedKeyKeepsOldBulletinsGenuineAndARevokedKeyRejectsOnlyWhatItSignedAfterwards() throws Exception {
        String author = token("VR13", "coordinator");
        String colleague = token("VR13", "coordinator");
        String regionAdmin = token("VR13", "admin");
        String beforeRotation = publishedBulletin(author, colleague, draftJson(clock, "VR13", "alert", null));
        String oldKid = api.get("/api/v1/bulletins/" + beforeRotation).json().get("keyId").asString();

        ApiClient.Response rotated = api.post("/api/v1/organisations/VR13/keys/rotation", regionAdmin, null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        String newKid = rotated.json().get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(verify(cap(beforeRotation)).json().get("verdict").asString()).isEqualTo("genuine");

        String signedBeforeRevocation = publishedBulletin(author, colleague, draftJson(clock, "VR13", "alert", null));
        Instant revokedFrom = Instant.parse(api.get("/api/v1/bulletins/" + signedBeforeRevocation).json().get("publishedAt").asString())
                .plusSeconds(1);
        // The next bulletin must be signed after the revocation moment, by the application's clock.
        Thread.sleep(Math.max(0, Duration.between(clock.instant(), revokedFrom.plusMillis(1100)).toMillis()));
        String signedAfterRevocation = publishedBulletin(author, colleague, draftJson(clock, "VR13", "alert", null));
        assertThat(api.get("/api/v1/bulletins/" + signedAfterRevocation).json().get("keyId").asString()).isEqualTo(newKid);

        ApiClient.Response revoked = api.post("/api/v1/organisations/VR13/keys/" + newKid + "/revocation", regionAdmin,
                ApiClient.json(Map.of("reason", "laptop stolen", "from", revokedFrom.toString())));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        JsonNode before = verify(cap(signedBeforeRevocation)).json();
        JsonNode after = verify(cap(signedAfterRevocation)).json();
        assertThat(before.get("verdict").asString()).isEqualTo("genuine");
        assertThat(before.get("explanation").get("en").asString()).contains("revoked later", "stays valid");
        assertThat(after.get("verdict").asString()).isEqualTo("revoked");
        assertThat(after.get("explanation").get("nl").asString()).contains("laptop stolen", "Vertrouw het niet");
        assertThat(api.post("/api/v1/organisations/VR13/keys/rotation", token("VR01", "admin"), null).status())
                .as("another region's admin").isEqualTo(403);

        String afterRevocationNewKey = publishedBulletin(author, colleague, draftJson(clock, "VR13", "alert", null));
        assertThat(api.get("/api/v1/bulletins/" + afterRevocationNewKey).json().get("keyId").asString()).isNotIn(oldKid, newKid);
    }

    private String publishedBulletin(String author, String colleague, String draft) {
        ApiClient.Response created = api.post("/api/v1/bulletins", author, draft);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(send("POST", "/api/v1/bulletins/" + id + "/approval", colleague, created.header("ETag"), null).status()).isEqualTo(200);
        ApiClient.Response published = api.post("/api/v1/bulletins/" + id + "/publication", author, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private String cap(String id) {
        return api.get("/api/v1/bulletins/" + id + "/cap").body();
    }

    /** A valid draft that expires two days after the application's now. */
    static String draftJson(Clock clock, String area, String kind, String references) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("area", area);
        draft.put("kind", kind);
        if (references != null) {
            draft.put("references", references);
        }
        draft.put("event", "Drinkwater");
        draft.put("category", "Health");
        draft.put("urgency", "Immediate");
        draft.put("severity", "Severe");
        draft.put("certainty", "Observed");
        draft.put("headline", "Kook drinkwater voor gebruik");
        draft.put("description", "Door een storing kan het kraanwater besmet zijn.");
        draft.put("instruction", "Kook water minstens één minuut.");
        draft.put("headlineEn", "Boil drinking water before use");
        draft.put("descriptionEn", "Tap water may be contaminated.");
        draft.put("expires", clock.instant().plus(2, ChronoUnit.DAYS).toString());
        return ApiClient.json(draft);
    }

    private ApiClient.Response verify(String capXml) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/verification"))
                .header("Content-Type", "application/cap+xml")
                .POST(HttpRequest.BodyPublishers.ofString(capXml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        ApiContract.check(port, response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ApiClient.Response(response.statusCode(), response.headers(), response.body());
    }

    private ApiClient.Response send(String method, String path, String token, String ifMatch, String body) {
        return api.sendIfMatch(method, path, token, body, ifMatch);
    }

    private String token(String organisation, String role) {
        String username = "b-" + role.charAt(0) + "-" + organisation.toLowerCase() + "-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
        ApiClient.Response response = api.post("/api/v1/users", admin, ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "organisation", organisation, "role", role)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return api.token(username, PASSWORD);
    }
}
