package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** A write retried with the same Idempotency-Key has one effect and gets the same answer. */
@IntegrationTest
@TimeDependent
class IdempotencyTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    JsonMapper json;

    private HttpResponse<String> createUser(String token, String key, String username) throws Exception {
        return checked(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                + "\",\"password\":\"idempotent-password\",\"organisation\":\"GM0363\",\"role\":\"viewer\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> checked(HttpResponse<String> response) {
        ApiContract.check(port, response);
        return response;
    }

    private long usersNamed(String username) {
        return jdbc.sql("select count(*) from user_account where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aRetryGetsTheSameAnswerAndHasNoSecondEffect() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        String key = UUID.randomUUID().toString();
        String username = "idem-" + System.nanoTime() % 1_000_000;

        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        HttpResponse<String> first = createUser(token, key, username);
        Instant after = clock.instant();
        HttpResponse<String> retry = createUser(token, key, username);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(usersNamed(username)).isEqualTo(1);
        // The user and the kept answer are stamped by the application clock, not the database's.
        assertThat(Instant.parse(json.readTree(first.body()).get("createdAt").asString())).isBetween(before, after);
        assertThat(jdbc.sql("select created_at from idempotent_request where key = :k").param("k", key).query(Timestamp.class)
                .single().toInstant()).isBetween(before, after);
    }

    @Test
    void concurrentRetriesHaveOneEffect() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        String key = UUID.randomUUID().toString();
        String username = "idem-race-" + System.nanoTime() % 1_000_000;
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> createUser(token, key, username)));
            }
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(201);
        }
        assertThat(usersNamed(username)).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        String key = UUID.randomUUID().toString();
        String username = "idem-a-" + System.nanoTime() % 1_000_000;
        assertThat(createUser(token, key, username).statusCode()).isEqualTo(201);

        HttpResponse<String> other = createUser(token, key, username + "-other");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(usersNamed(username + "-other")).isZero();
    }

    @Test
    void aRefusedWriteIsNotRememberedSoTheFixedRequestCanUseTheKey() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        String key = UUID.randomUUID().toString();
        assertThat(createUser(token, key, "Not Valid").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from idempotent_request where key = :k").param("k", key).query(Long.class).single())
                .isZero();
    }

    /** Issue 13, item 8: an empty or overlong key used to be skipped, so a retry made two users. */
    @Test
    void anEmptyOrOverlongKeyIsRefusedNamingTheHeaderAndWritesNothing() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        for (String key : List.of("", "   ", "k".repeat(201))) {
            String username = "idem-bad-" + System.nanoTime() % 1_000_000;
            HttpResponse<String> refused = createUser(token, key, username);
            assertThat(refused.statusCode()).as("key of %d characters", key.length()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).get("invalidParams").get(0).get("name").asString()).isEqualTo("Idempotency-Key");
            assertThat(usersNamed(username)).isZero();
        }
        String username = "idem-200-" + System.nanoTime() % 1_000_000;
        assertThat(createUser(token, "k".repeat(200), username).statusCode()).as("200 characters are allowed").isEqualTo(201);
    }

    /** Issue 13, item 8: answers are kept for the retry window only, by the application clock. */
    @Test
    void storedAnswersArePurgedAfterTheRetryWindow() throws Exception {
        String token = new ApiClient(port).token("admin", adminPassword);
        String key = UUID.randomUUID().toString();
        assertThat(createUser(token, key, "idem-old-" + System.nanoTime() % 1_000_000).statusCode()).isEqualTo(201);

        IdempotencyRetention retention = new IdempotencyRetention(jdbc, clock, Duration.ofHours(24));
        retention.purge();
        assertThat(storedAnswers(key)).as("inside the window the answer is kept").isEqualTo(1);

        // Only this answer is aged (other tests share the table): stored 24 hours and a minute ago by the clock.
        jdbc.sql("update idempotent_request set created_at = :then where key = :k")
                .param("then", Timestamp.from(clock.instant().minus(Duration.ofHours(24).plusMinutes(1)))).param("k", key).update();
        assertThat(retention.purge()).isPositive();
        assertThat(storedAnswers(key)).as("after the window the answer is gone").isZero();
    }

    private long storedAnswers(String key) {
        return jdbc.sql("select count(*) from idempotent_request where key = :k").param("k", key).query(Long.class).single();
    }
}
