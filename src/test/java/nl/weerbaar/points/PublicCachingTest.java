package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Public reads may be kept by any HTTP cache, with strong validators; answers to signed-in staff
 * never, and what a shared cache may keep never holds a point that is not public.
 */
@IntegrationTest
class PublicCachingTest {

    private static final String SHARED = "max-age=15, public, stale-if-error=86400";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    ApiClient api;
    String admin;
    PointFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        fixtures = new PointFixtures(api, admin);
    }

    private static String nearestTo(JsonNode point, int limit) {
        return "/api/v1/support-points/nearest?lat=" + point.get("lat").asDouble() + "&lon=" + point.get("lon").asDouble()
                + "&limit=" + limit;
    }

    private ApiClient.Response getIfNoneMatch(String path, String etag) {
        return api.send("GET", path, null, null, Map.of("If-None-Match", etag));
    }

    private static void assertStrongEtag(ApiClient.Response answer) {
        assertThat(answer.header("ETag")).as("ETag").matches("\"[^\"]+\"");
    }

    /** Weak where the server may gzip the same content (see PublicReadEtags). */
    private static void assertEtag(ApiClient.Response answer) {
        assertThat(answer.header("ETag")).as("ETag").matches("(W/)?\"[^\"]+\"");
    }

    private static void assertNeverStored(ApiClient.Response answer) {
        assertThat(answer.header("Cache-Control")).as("Cache-Control").contains("no-store", "private").doesNotContain("public");
    }

    @Test
    void finderAnswersAreSharedCacheableWithAStrongEtagAnd304OnAMatch() {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Cachepunt"));

        var answer = api.get(nearestTo(point, 3));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo(SHARED);
        assertStrongEtag(answer);
        assertThat(api.get(nearestTo(point, 3)).header("ETag")).as("the same answer, the same tag").isEqualTo(answer.header("ETag"));

        var revalidated = getIfNoneMatch(nearestTo(point, 3), answer.header("ETag"));
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(answer.header("ETag"));
        assertThat(getIfNoneMatch(nearestTo(point, 3), "\"something-else\"").status()).isEqualTo(200);
    }

    @Test
    void finderSendsItsAnswerGzippedToWhoTakesGzipUnderATagOfItsOwn() throws Exception {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Gzippunt"));
        var plain = api.get(nearestTo(point, 10));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder gzipRequest = HttpRequest.newBuilder(URI.create("http://localhost:" + port + nearestTo(point, 10)))
                .header("Accept-Encoding", "gzip, deflate");

        HttpResponse<byte[]> gzipped = http.send(gzipRequest.build(), HttpResponse.BodyHandlers.ofByteArray());
        ApiContract.check(port, gzipped);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(String.join(",", gzipped.headers().allValues("Vary"))).containsIgnoringCase("Accept-Encoding");
        assertThat(gzipped.headers().firstValue("Cache-Control")).hasValue(SHARED);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).matches("\"[^\"]+\"").isNotEqualTo(plain.header("ETag"));
        HttpResponse<byte[]> notModified = http.send(gzipRequest.header("If-None-Match", gzipEtag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        ApiContract.check(port, notModified);
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void finderEtagChangesWhenAPublicPointChangesStatus() {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Wordt geopend"));
        var before = api.get(nearestTo(point, 1));
        assertThat(before.json().get("items").get(0).get("status").asString()).isEqualTo("inactive");

        var opened = api.send("PUT", "/api/v1/support-points/" + point.get("id").asLong() + "/status", admin,
                "{\"status\":\"open\"}", Map.of("If-Match", "\"1\""));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);

        var after = getIfNoneMatch(nearestTo(point, 1), before.header("ETag"));
        assertThat(after.status()).as("a stale tag no longer matches").isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.json().get("items").get(0).get("status").asString()).isEqualTo("open");
    }

    @Test
    void pointReadsListsAndExportsAreSharedCacheableWithEtagsAnd304() {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Leespunt"));
        for (String path : List.of("/api/v1/support-points/" + point.get("id").asLong(),
                "/api/v1/support-points?municipality=GM0363", "/api/v1/support-points/export.csv?municipality=GM0363",
                "/api/v1/support-points/export.geojson?municipality=GM0363", "/api/v1/support-points/coverage")) {
            var answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(path).isEqualTo(SHARED);
            assertEtag(answer);
            assertThat(getIfNoneMatch(path, answer.header("ETag")).status()).as(path).isEqualTo(304);
        }
    }

    @Test
    void answersToSignedInStaffAreNeverStoredAndPointReadsCarryTheVersionForIfMatch() {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Personeelspunt"));
        String viewer = fixtures.token("GM0363", "viewer");
        for (String path : List.of(nearestTo(point, 3), "/api/v1/support-points/" + point.get("id").asLong(),
                "/api/v1/support-points?municipality=GM0363", "/api/v1/support-points/export.csv?municipality=GM0363",
                "/api/v1/support-points/export.geojson?municipality=GM0363", "/api/v1/support-points/coverage")) {
            var answer = api.get(path, viewer);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertNeverStored(answer);
        }
        assertThat(api.get("/api/v1/support-points/" + point.get("id").asLong(), viewer).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void noSharedCacheableAnswerHoldsAPointThatIsNotPublic() {
        Map<String, Object> shelter = PointFixtures.amsterdamPoint("Opvang niet openbaar");
        shelter.put("public", false);
        JsonNode created = fixtures.create(shelter);
        String name = created.get("name").asString();
        List<String> paths = List.of(nearestTo(created, 100), "/api/v1/support-points?municipality=GM0363",
                "/api/v1/support-points/export.csv?municipality=GM0363",
                "/api/v1/support-points/export.geojson?municipality=GM0363");

        for (String path : paths) {
            var anonymous = api.get(path);
            assertThat(anonymous.header("Cache-Control")).as(path).contains("public");
            assertThat(anonymous.body()).as(path).doesNotContain(name);
        }
        String amsterdamViewer = fixtures.token("GM0363", "viewer");
        for (String path : paths.subList(1, paths.size())) {
            var staff = api.get(path, amsterdamViewer);
            assertThat(staff.body()).as("staff see it: " + path).contains(name);
            assertNeverStored(staff);
            assertThat(String.join(",", staff.headers().allValues("Vary"))).as(path).containsIgnoringCase("Authorization");
        }
    }

    @Test
    void publicPagesAreSharedCacheablePerLanguageWithA304OnAMatch() throws Exception {
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Paginacache"));
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/steunpunten?postcode=1012", "/steunpunten/" + point.get("id").asLong(), "/steunpunten/kaart")) {
            HttpResponse<String> page = http.send(pageRequest(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue(SHARED);
            assertThat(page.headers().allValues("Vary").toString()).as(path).containsIgnoringCase("Accept-Language").containsIgnoringCase("Cookie");
            String etag = page.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).matches("(W/)?\"[^\"]+\"");
            var revalidated = http.send(pageRequest(path).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aPageThatSetsTheLanguageCookieIsNotSharedCacheable() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(pageRequest("/steunpunten?postcode=1012&lang=en").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store", "private").doesNotContain("public");
    }

    private HttpRequest.Builder pageRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }
}
