package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TimeDependent
class AccessApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "correct-horse-battery";

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

    private String newUser(String organisation, String role) {
        return api.createUser(admin, organisation, role, PASSWORD);
    }

    private ApiClient.Response createUser(String token, String organisation, String role) {
        String username = "u-" + System.nanoTime() % 1000000 + "-" + SEQUENCE.incrementAndGet();
        return api.post("/api/v1/users", token, ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "organisation", organisation, "role", role)));
    }

    @Test
    void tokenIsIssuedOnceForValidCredentialsAndIdentifiesTheUser() {
        String username = newUser("GM0363", "operator");
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var issued = api.requestToken(username, PASSWORD);
        Instant after = clock.instant();
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().get("token").asString();

        assertThat(token).startsWith("wb_").hasSizeGreaterThan(40);
        assertThat(Instant.parse(issued.json().get("createdAt").asString())).as("issued by the application clock")
                .isBetween(before, after);
        JsonNode me = api.get("/api/v1/me", token).json();
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("organisation").asString()).isEqualTo("GM0363");
        assertThat(me.get("role").asString()).isEqualTo("operator");
    }

    @Test
    void wrongPasswordAndUnknownTokenGet401Problems() {
        String username = newUser("GM0363", "viewer");
        var wrong = api.send("POST", "/api/v1/tokens", null, null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");

        var unknownToken = api.get("/api/v1/me", "wb_not-a-real-token");
        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(unknownToken.json().get("detail").asString()).contains("unknown, expired or revoked");
        assertThat(api.get("/api/v1/me", api.token(username, PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void regionAdminCreatesUsersInItsOwnMunicipalitiesOnly() {
        String regionAdmin = api.token(newUser("VR13", "admin"), PASSWORD);

        assertThat(createUser(regionAdmin, "GM0363", "operator").status()).isEqualTo(201);
        var outside = createUser(regionAdmin, "GM0014", "operator");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("detail").asString()).contains("VR13");
        assertThat(createUser(regionAdmin, "NL", "viewer").status()).isEqualTo(403);
    }

    @Test
    void municipalityCoordinatorMayNotCreateUsers() {
        String coordinator = api.token(newUser("GM0363", "coordinator"), PASSWORD);
        assertThat(createUser(coordinator, "GM0363", "viewer").status()).isEqualTo(403);
    }

    @Test
    void invalidUserIsRefusedNamingEveryFieldAndWritesNothing() {
        var response = api.post("/api/v1/users", admin, """
                {"username": "Bad Name", "password": "short", "organisation": "GM9999", "role": "boss"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = response.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("username", "password", "organisation", "role");
    }

    @Test
    void partnerActsOnlyInItsAreasAndRegionAdminsManageItsUsers() {
        String code = "RODE-KRUIS-" + SEQUENCE.incrementAndGet() + System.nanoTime() % 1000;
        var created = api.post("/api/v1/organisations", admin, ApiClient.json(Map.of(
                "code", code, "name", "Rode Kruis Amsterdam-Amstelland", "areas", List.of("VR13"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("kind").asString()).isEqualTo("partner");

        String regionAdmin = api.token(newUser("VR13", "admin"), PASSWORD);
        assertThat(createUser(regionAdmin, code, "operator").status()).isEqualTo(201);
        String otherRegionAdmin = api.token(newUser("VR01", "admin"), PASSWORD);
        assertThat(createUser(otherRegionAdmin, code, "operator").status()).isEqualTo(403);

        String municipalAdmin = api.token(newUser("GM0363", "admin"), PASSWORD);
        var tooWide = api.post("/api/v1/organisations", municipalAdmin, ApiClient.json(Map.of(
                "code", code + "-X", "name", "Too wide", "areas", List.of("VR13"))));
        assertThat(tooWide.status()).isEqualTo(403);
    }

    @Test
    void everyWriteIsAuditedWithActorAndRequestIdAndVisibleInScope() {
        String regionAdminName = newUser("VR13", "admin");
        String regionAdmin = api.token(regionAdminName, PASSWORD);
        var created = createUser(regionAdmin, "GM0363", "viewer");
        String username = created.json().get("username").asString();

        var entries = api.get("/api/v1/audit?entityType=user&entityId=" + username, regionAdmin);
        assertThat(entries.status()).isEqualTo(200);
        JsonNode entry = entries.json().get("items").get(0);
        assertThat(entry.get("action").asString()).isEqualTo("user.created");
        assertThat(entry.get("actor").asString()).isEqualTo(regionAdminName);
        assertThat(entry.get("requestId").asString()).isEqualTo(created.header("X-Request-ID"));
        assertThat(entry.get("after").asString()).contains("GM0363").doesNotContain(PASSWORD);

        // Entries outside the region stay out of sight.
        String groningenUser = newUser("GM0014", "viewer");
        var hidden = api.get("/api/v1/audit?entityType=user&entityId=" + groningenUser, regionAdmin);
        assertThat(hidden.json().get("items").isEmpty()).isTrue();
        var visibleNationally = api.get("/api/v1/audit?entityType=user&entityId=" + groningenUser, admin);
        assertThat(visibleNationally.json().get("items").size()).isEqualTo(1);
    }

    @Test
    void regionAdminListsOnlyTheUsersOfItsOwnArea() {
        String regionAdmin = api.token(newUser("VR13", "admin"), PASSWORD);
        String amsterdam = newUser("GM0363", "viewer");
        String groningen = newUser("GM0014", "viewer");
        String national = newUser("NL", "viewer");

        List<String> listed = api.get("/api/v1/users", regionAdmin).json().get("items").valueStream()
                .map(u -> u.get("username").asString()).toList();

        assertThat(listed).contains(amsterdam).doesNotContain(groningen, national);
        assertThat(api.get("/api/v1/users", admin).body()).contains(amsterdam, groningen, national);
    }
}
