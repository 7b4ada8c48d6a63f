package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import tools.jackson.databind.JsonNode;

/** Issue 13, item 3: failed logins slow the guesser down without letting a stranger lock the owner out. */
@IntegrationTest
@TimeDependent
class LoginThrottleTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordLogin passwordLogin;
    @Autowired
    LoginThrottle throttle;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }

    /**
     * Fails once over HTTP (so the address is the one the server sees), then enough times more
     * that this address waits over two minutes: no test step takes that long.
     */
    private String throttleFromHere(String username) {
        assertThat(api.requestToken(username, "wrong-password").status()).isEqualTo(401);
        String address = jdbc.sql("select client_address from login_throttle where username = :u").param("u", username)
                .query(String.class).single();
        for (int i = 0; i < 8; i++) {
            throttle.recordFailure(username, address);
        }
        return address;
    }

    @Test
    void repeatedFailuresThrottleTheGuessersAddressButNotTheOwnerElsewhereNorTheOwnersTokens() {
        String username = api.createUser(admin, "GM0363", "operator", PASSWORD);
        String ownersToken = api.token(username, PASSWORD);

        String address = throttleFromHere(username);
        var throttled = api.requestToken(username, PASSWORD);
        assertThat(throttled.status()).as("the right password from the guesser's address waits its turn").isEqualTo(401);

        assertThat(api.get("/api/v1/me", ownersToken).status()).as("existing tokens keep working").isEqualTo(200);
        assertThat(passwordLogin.authenticate(attempt(username, PASSWORD, "198.51.100.7")).isAuthenticated())
                .as("the owner at another address logs in").isTrue();

        // The delay runs on the application clock: after the longest possible delay the address may try again.
        LoginThrottle later = new LoginThrottle(jdbc, Clock.offset(clock, Duration.ofMinutes(15).plusSeconds(1)), 3,
                Duration.ofMinutes(15));
        assertThat(later.isThrottled(username, address)).isFalse();
        assertThat(throttle.isThrottled(username, address)).isTrue();
    }

    @Test
    void unknownNameWrongPasswordAndThrottledAreAnsweredAlike() {
        String username = api.createUser(admin, "GM0363", "viewer", PASSWORD);
        JsonNode wrong = problem(api.requestToken(username, "wrong-password"));
        JsonNode unknown = problem(api.requestToken("no-such-user-" + System.nanoTime(), "wrong-password"));
        String address = throttleFromHere(username);
        JsonNode throttled = problem(api.requestToken(username, PASSWORD));

        assertThat(unknown.get("detail").asString()).isEqualTo(wrong.get("detail").asString())
                .isEqualTo(throttled.get("detail").asString()).doesNotContainIgnoringCase("locked");
        assertThat(unknown.get("status").asInt()).isEqualTo(wrong.get("status").asInt()).isEqualTo(throttled.get("status").asInt())
                .isEqualTo(401);
        assertThatThrownBy(() -> passwordLogin.authenticate(attempt(username, PASSWORD, address)))
                .isInstanceOf(BadCredentialsException.class).hasMessage(PasswordLogin.REFUSED);
    }

    @Test
    void theLoginPageAnswersUnknownWrongAndThrottledAlike() throws Exception {
        String username = api.createUser(admin, "GM0363", "viewer", PASSWORD);
        FormLogin browser = new FormLogin(port);
        FormLogin.Outcome unknown = browser.login("no-such-user-" + System.nanoTime(), "wrong-password");
        FormLogin.Outcome wrong = browser.login(username, "wrong-password");
        throttleFromHere(username);
        FormLogin.Outcome throttled = browser.login(username, PASSWORD);

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(throttled.status()).isEqualTo(302);
        assertThat(unknown.location()).isEqualTo(wrong.location()).isEqualTo(throttled.location()).endsWith("/inloggen?error");
    }

    @Test
    void delaysGrowFromTheThirdFailureAndAreCapped() {
        LoginThrottle rule = new LoginThrottle(jdbc, clock, 3, Duration.ofMinutes(15));
        assertThat(rule.delayAfter(1)).isZero();
        assertThat(rule.delayAfter(2)).isZero();
        assertThat(rule.delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(rule.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(rule.delayAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.delayAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    private static JsonNode problem(ApiClient.Response response) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json();
    }
}
