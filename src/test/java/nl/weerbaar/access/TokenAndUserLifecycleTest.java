package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, item 2: tokens expire and can be revoked; users can be disabled and enabled, and that holds at once. */
@IntegrationTest
@TimeDependent
class TokenAndUserLifecycleTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Value("${weerbaar.tokens.lifetime:P30D}")
    Duration lifetime;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    AuditTrail audit;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    private List<String> auditActions(String entityType, String entityId) {
        return api.get("/api/v1/audit?entityType=" + entityType + "&entityId=" + entityId, admin).json().get("items").valueStream()
                .map(e -> e.get("action").asString()).toList();
    }

    @Test
    void aTokenExpiresAfterItsLifetimeByTheApplicationClock() {
        String username = api.createUser(admin, "GM0363", "viewer", PASSWORD);
        var issued = api.requestToken(username, PASSWORD);
        Instant createdAt = Instant.parse(issued.json().get("createdAt").asString());
        Instant expiresAt = Instant.parse(issued.json().get("expiresAt").asString());
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(lifetime);
        String token = issued.json().get("token").asString();

        ApiTokens justBefore = new ApiTokens(jdbc, organisations, audit, Clock.offset(clock, lifetime.minusMinutes(1)), lifetime);
        ApiTokens justAfter = new ApiTokens(jdbc, organisations, audit, Clock.offset(clock, lifetime.plusSeconds(1)), lifetime);
        assertThat(justBefore.authenticate(token)).isPresent();
        assertThat(justAfter.authenticate(token)).isEmpty();
    }

    @Test
    void anyUserRevokesTheTokenItPresents() {
        String username = api.createUser(admin, "GM0363", "viewer", PASSWORD);
        String token = api.token(username, PASSWORD);
        String other = api.token(username, PASSWORD);

        var revoked = api.send("DELETE", "/api/v1/tokens/current", token, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        var after = api.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asString()).contains("unknown, expired or revoked");
        assertThat(api.get("/api/v1/me", other).status()).as("only the token presented").isEqualTo(200);
    }

    @Test
    void anAdminInScopeRevokesEveryTokenOfAUser() {
        String username = api.createUser(admin, "GM0363", "operator", PASSWORD);
        String first = api.token(username, PASSWORD);
        String second = api.token(username, PASSWORD);
        String groningenAdmin = api.token(api.createUser(admin, "GM0014", "admin", PASSWORD), PASSWORD);

        assertThat(api.post("/api/v1/users/" + username + "/token-revocation", groningenAdmin, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", first).status()).isEqualTo(200);

        var revoked = api.post("/api/v1/users/" + username + "/token-revocation", admin, null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedTokens").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/me", first).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", second).status()).isEqualTo(401);
        assertThat(auditActions("user", username)).contains("tokens.revoked");
        assertThat(api.post("/api/v1/users/no-such-user-" + System.nanoTime() + "/token-revocation", admin, null).status())
                .isEqualTo(404);
    }

    @Test
    void aDisabledUsersTokensAndSessionsStopAtOnceAndEnablingLetsItLogInAgain() throws Exception {
        String username = api.createUser(admin, "GM0363", "coordinator", PASSWORD);
        String token = api.token(username, PASSWORD);
        FormLogin browser = new FormLogin(port);
        FormLogin.Outcome session = browser.login(username, PASSWORD);
        assertThat(session.location()).endsWith("/medewerkers");
        assertThat(browser.get("/medewerkers", session.session()).statusCode()).isEqualTo(200);

        var disabled = api.post("/api/v1/users/" + username + "/disabling", admin, null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/me", token).status()).as("its token").isEqualTo(401);
        var page = browser.get("/medewerkers", session.session());
        assertThat(page.statusCode()).as("its session").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inloggen"));
        assertThat(api.requestToken(username, PASSWORD).status()).as("its password").isEqualTo(401);
        assertThat(browser.login(username, PASSWORD).location()).endsWith("/inloggen?error");

        var enabled = api.post("/api/v1/users/" + username + "/enabling", admin, null);
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me", token).status()).as("a token revoked by disabling stays revoked").isEqualTo(401);
        assertThat(api.get("/api/v1/me", api.token(username, PASSWORD)).status()).isEqualTo(200);
        assertThat(auditActions("user", username)).contains("user.disabled", "tokens.revoked", "user.enabled");
    }

    @Test
    void disablingIsForAdminsOverTheUsersOrganisationAndNeverOfOneself() {
        String username = api.createUser(admin, "GM0363", "viewer", PASSWORD);
        String groningenAdmin = api.token(api.createUser(admin, "GM0014", "admin", PASSWORD), PASSWORD);
        String amsterdamCoordinator = api.token(api.createUser(admin, "GM0363", "coordinator", PASSWORD), PASSWORD);
        String amsterdamAdminName = api.createUser(admin, "GM0363", "admin", PASSWORD);
        String amsterdamAdmin = api.token(amsterdamAdminName, PASSWORD);

        assertThat(api.post("/api/v1/users/" + username + "/disabling", groningenAdmin, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/users/" + username + "/disabling", amsterdamCoordinator, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/users/" + username + "/disabling", null, null).status()).isEqualTo(401);
        var self = api.post("/api/v1/users/" + amsterdamAdminName + "/disabling", amsterdamAdmin, null);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("username");
        assertThat(api.post("/api/v1/users/no-such-user-" + System.nanoTime() + "/disabling", admin, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", api.token(username, PASSWORD)).status()).as("still enabled").isEqualTo(200);
    }

    @Test
    void anAdminDisablesAndEnablesAUserOnTheStaffPage() throws Exception {
        String username = api.createUser(admin, "GM0363", "operator", PASSWORD);
        String token = api.token(username, PASSWORD);
        FormLogin browser = new FormLogin(port);
        String session = browser.login("admin", adminPassword).session();

        var page = browser.get("/medewerkers/gebruikers", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(username, "/medewerkers/gebruikers/" + username + "/uitschakelen");

        var disabled = browser.submit("/medewerkers/gebruikers", "/medewerkers/gebruikers/" + username + "/uitschakelen", session);
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(browser.get("/medewerkers/gebruikers", session).body()).contains("/medewerkers/gebruikers/" + username + "/inschakelen");

        var enabled = browser.submit("/medewerkers/gebruikers", "/medewerkers/gebruikers/" + username + "/inschakelen", session);
        assertThat(enabled.statusCode()).isEqualTo(302);
        assertThat(api.requestToken(username, PASSWORD).status()).isEqualTo(201);

        String viewerSession = browser.login(api.createUser(admin, "GM0363", "viewer", PASSWORD), PASSWORD).session();
        assertThat(browser.get("/medewerkers/gebruikers", viewerSession).statusCode()).as("admins only").isEqualTo(403);
    }
}
