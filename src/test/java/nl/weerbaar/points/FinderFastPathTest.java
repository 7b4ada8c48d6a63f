package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The finder's fast path ({@link FinderFastPath}) sends a kept answer exactly as the normal path
 * sends it, headers and all, and leaves everything else to the normal path: the first ask, a
 * signed-in caller, a bad search, an answer gone stale. The counter {@code weerbaar.finder.fast.answers}
 * tells which path answered. A parameter the fast path does not know, which the controller
 * ignores, sends an ask the normal way to the same kept answer, so both paths can be compared
 * on any ask.
 */
@IntegrationTest
class FinderFastPathTest {

    private static final String NORMAL_WAY = "&via=normal-path";
    /** Differ on every answer, whichever path sends it. */
    private static final List<String> PER_ANSWER = List.of("date", "x-request-id");
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    ApiClient api;
    String admin;
    PointFixtures fixtures;
    Metrics metrics;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        fixtures = new PointFixtures(api, admin);
        metrics = new Metrics(port);
    }

    /** The nearest one point to a new point of its own: the point itself, never confirmed, so the answer stays servable. */
    private String nearestToNewPoint(String name) {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint(name));
        return "/api/v1/support-points/nearest?lat=" + point.get("lat").asDouble() + "&lon=" + point.get("lon").asDouble() + "&limit=1";
    }

    private double fastAnswers() {
        return metrics.value("weerbaar_finder_fast_answers_total").orElse(0.0);
    }

    private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.check(port, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends an ask and checks which path answered it: the fast path counts what it sends. */
    private HttpResponse<byte[]> send(String method, String path, Map<String, String> headers, boolean fast) {
        double before = fastAnswers();
        HttpResponse<byte[]> response = send(method, path, headers);
        assertThat(fastAnswers() - before).as("%s %s %s sent by the fast path", method, path, headers).isEqualTo(fast ? 1 : 0);
        return response;
    }

    /** Every header but those that differ per answer, each with all its values in order. */
    private static Map<String, List<String>> headers(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return headers;
    }

    private static void assertSameAnswer(HttpResponse<byte[]> fast, HttpResponse<byte[]> normal) {
        assertThat(fast.statusCode()).as("status").isEqualTo(normal.statusCode());
        assertThat(fast.body()).as("body").isEqualTo(normal.body());
        assertThat(headers(fast)).as("headers").isEqualTo(headers(normal));
        assertThat(fast.headers().firstValue("X-Request-ID")).as("request id").hasValueSatisfying(id -> assertThat(id).matches(UUID_FORM))
                .isNotEqualTo(normal.headers().firstValue("X-Request-ID"));
    }

    @Test
    void theFirstAskBuildsTheAnswerAndTheNextIsSentByTheFastPathByteForByte() {
        String path = nearestToNewPoint("Snelpad");

        HttpResponse<byte[]> first = send("GET", path, Map.of(), false);
        HttpResponse<byte[]> second = send("GET", path, Map.of(), true);

        assertThat(first.statusCode()).isEqualTo(200);
        assertSameAnswer(second, first);
        Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");
        HttpResponse<byte[]> gzipped = send("GET", path, gzip, true);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertSameAnswer(gzipped, send("GET", path + NORMAL_WAY, gzip, false));
    }

    /** The headers the API's security chain writes are on the fast answers too, from the same one list. */
    @Test
    void theFastAnswerCarriesTheApiSecurityHeaders() {
        String path = nearestToNewPoint("Kopregels");
        send("GET", path, Map.of(), false);

        HttpResponse<byte[]> fast = send("GET", path, Map.of("X-Forwarded-Proto", "https"), true);

        assertThat(fast.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(fast.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(fast.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(fast.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(fast.headers().firstValue("Strict-Transport-Security")).as("behind a TLS proxy").hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(fast.headers().firstValue("API-Version")).isPresent();
        assertThat(fast.headers().firstValue("Cache-Control")).hasValue("max-age=15, public, stale-if-error=86400");
        assertThat(fast.headers().allValues("Vary")).containsExactly("Origin", "Access-Control-Request-Method",
                "Access-Control-Request-Headers", "Accept-Encoding");
    }

    /**
     * Each row: method, request headers (name: value, ';' between them; {@code $plain} and
     * {@code $gzip} stand for the answer's two tags), the status both paths give. The fast path sends each.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET  | ''                                          | 200",
            "GET  | Accept-Encoding: gzip                       | 200",
            "GET  | If-None-Match: $plain                       | 304",
            "GET  | If-None-Match: $gzip; Accept-Encoding: gzip | 304",
            "GET  | If-None-Match: $gzip                        | 200",
            "GET  | If-None-Match: W/$plain                     | 304",
            "GET  | If-None-Match: \"other\", $plain            | 304",
            "GET  | If-None-Match: \"other\"                    | 200",
            "GET  | If-None-Match: *                            | 200",
            "HEAD | ''                                          | 200",
            "HEAD | If-None-Match: $plain                       | 304",
            "GET  | Origin: https://example.org                 | 200",
            "GET  | X-Forwarded-Proto: https                    | 200",
            "GET  | Accept: text/html                           | 200",
            "HEAD | Origin: https://example.org                 | 200"})
    void everyKindOfAskGetsTheSameAnswerFromBothPaths(String method, String headerList, int status) {
        String path = nearestToNewPoint("Beide wegen");
        HttpResponse<byte[]> plain = send("GET", path, Map.of(), false);
        String gzipTag = send("GET", path, Map.of("Accept-Encoding", "gzip"), true).headers().firstValue("ETag").orElseThrow();
        Map<String, String> headers = new TreeMap<>();
        for (String header : headerList.split(";")) {
            if (!header.isBlank()) {
                String[] nameAndValue = header.split(":", 2);
                headers.put(nameAndValue[0].strip(), nameAndValue[1].strip()
                        .replace("$plain", plain.headers().firstValue("ETag").orElseThrow()).replace("$gzip", gzipTag));
            }
        }

        HttpResponse<byte[]> normal = send(method, path + NORMAL_WAY, headers, false);
        HttpResponse<byte[]> fast = send(method, path, headers, true);

        assertThat(fast.statusCode()).isEqualTo(status);
        assertSameAnswer(fast, normal);
        if (method.equals("HEAD") || status == 304) {
            assertThat(fast.body()).as("no body").isEmpty();
        }
        if (method.equals("HEAD") && status == 200) {
            assertThat(fast.headers().firstValue("Content-Length")).hasValue(String.valueOf(plain.body().length));
        }
    }

    @Test
    void aSignedInCallerIsNeverSentTheSharedAnswer() {
        String path = nearestToNewPoint("Ingelogd");
        HttpResponse<byte[]> anonymous = send("GET", path, Map.of(), false);
        String viewer = fixtures.token("GM0363", "viewer");

        HttpResponse<byte[]> signedIn = send("GET", path, Map.of("Authorization", "Bearer " + viewer), false);

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(signedIn.body()).as("public points only, whoever asks").isEqualTo(anonymous.body());
        assertThat(send("GET", path, Map.of("Authorization", "Bearer not-a-token"), false).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"postcode=x|postcode", "lat=52.37|lon", "postcode=1012&postcode=1013|postcode",
            "postcode=1012&limit=0|limit", "postcode=1012&status=busy|status"})
    void aBadSearchGetsTheNormalProblemAnswer(String query, String field) {
        send("GET", "/api/v1/support-points/nearest?postcode=1012", Map.of());

        HttpResponse<byte[]> bad = send("GET", "/api/v1/support-points/nearest?" + query, Map.of(), false);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"name\":\"" + field + "\"");
    }

    @Test
    void afterAPointChangesStatusTheStaleAnswerIsNotSentAgain() {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Gaat open"));
        String path = "/api/v1/support-points/nearest?lat=" + point.get("lat").asDouble() + "&lon=" + point.get("lon").asDouble()
                + "&limit=1";
        send("GET", path, Map.of(), false);
        HttpResponse<byte[]> before = send("GET", path, Map.of(), true);

        var opened = api.send("PUT", "/api/v1/support-points/" + point.get("id").asLong() + "/status", admin,
                "{\"status\":\"open\"}", Map.of("If-Match", "\"1\""));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        HttpResponse<byte[]> after = send("GET", path, Map.of(), false);

        assertThat(new String(before.body(), StandardCharsets.UTF_8)).contains("\"status\":\"inactive\"");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("\"status\":\"open\"");
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertSameAnswer(send("GET", path, Map.of(), true), after);
    }

    /** Dashboards keep counting the finder under its own uri, whichever path answered. */
    @Test
    void fastAnswersAreTimedUnderTheFindersUri() throws InterruptedException {
        String path = nearestToNewPoint("Getimed");
        double timed = timedFinderAnswers();
        send("GET", path, Map.of(), false);
        timed = timedFinderAnswers(timed + 1);

        send("GET", path, Map.of(), true);

        assertThat(timedFinderAnswers(timed + 1)).isEqualTo(timed + 1);
    }

    /** The count once it reaches {@code expected}, or after five seconds: the timing ends just after the answer leaves. */
    private double timedFinderAnswers(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        double timed = timedFinderAnswers();
        while (timed < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            timed = timedFinderAnswers();
        }
        return timed;
    }

    private double timedFinderAnswers() {
        return metrics.scrape().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                        && line.contains("method=\"GET\"") && line.contains("status=\"200\"")
                        && line.contains("uri=\"/api/v1/support-points/nearest\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).strip().split(" ")[0]))
                .sum();
    }
}
