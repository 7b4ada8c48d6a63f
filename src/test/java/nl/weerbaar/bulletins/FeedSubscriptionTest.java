package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.system.FeedHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Subscribed feeds against a feed server inside the test (no internet): new, updated, cancelled,
 * duplicate, malformed, slow and unavailable feeds, and what the area's pages and the staff page show.
 */
@IntegrationTest
@TimeDependent
class FeedSubscriptionTest {

    private static final String PASSWORD = "feeds-password-1";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;
    @Autowired
    FeedPoller poller;
    @Autowired
    FeedHealth feedHealth;
    @Autowired
    JdbcClient jdbc;

    /** What the feed server answers per path: a body and its type, or a status, or a pause first. */
    record Answer(int status, String contentType, byte[] body, Duration pause) {
        static Answer of(String contentType, String body) {
            return new Answer(200, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private HttpServer server;
    private ApiClient api;
    private String admin;

    @BeforeEach
    void startFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    @AfterEach
    void stopFeedServer() {
        server.stop(0);
    }

    /** Serves the answer for the path, with an ETag over its body: a request that names it gets 304. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try {
                Thread.sleep(answer.pause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (answer.status() != 200) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            String etag = "\"" + java.util.Arrays.hashCode(answer.body()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    @Test
    void aSubscribedFeedBringsItsAlertToTheAreaPageAndItsCancellationRemovesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String coordinator = api.token(api.createUser(admin, "GM0344", "coordinator", PASSWORD), PASSWORD);
        String feedPath = "/" + suffix + "/alerts.atom";
        String alert = thunderstorm("A-" + suffix, "Alert", null, "Onweer " + suffix);
        answers.put("/" + suffix + "/a.xml", Answer.of("application/cap+xml", alert));
        answers.put(feedPath, Answer.of("application/atom+xml", atom("a.xml")));
        UUID feed = subscribe(coordinator, "Weerdienst " + suffix, feedPath, "GM0344");

        FeedPoller.Outcome first = poller.pollNow(feed).orElseThrow();
        assertThat(first.imported()).as(first.words()).isEqualTo(1);
        String page = api.get("/steunpunten?postcode=3511").body();
        assertThat(page).contains("Onweer " + suffix, "Niet ondertekend", "bron: Weerdienst " + suffix);
        assertThat(api.get("/steunpunten?postcode=1012").body()).as("Amsterdam is another area").doesNotContain("Onweer " + suffix);

        // Unchanged: the feed server is asked whether it changed, and answers 304.
        FeedPoller.Outcome unchanged = poller.pollNow(feed).orElseThrow();
        assertThat(unchanged.words()).isEqualTo("not changed since the last poll");
        assertThat(notModified.get(feedPath).get()).isEqualTo(1);

        // An update replaces the alert; the same message under a second address is taken in once.
        String update = thunderstorm("B-" + suffix, "Update", reference(alert), "Zwaar onweer " + suffix);
        answers.put("/" + suffix + "/b.xml", Answer.of("application/cap+xml", update));
        answers.put("/" + suffix + "/b-again.xml", Answer.of("application/cap+xml", update));
        answers.put(feedPath, Answer.of("application/atom+xml", atom("a.xml", "b.xml", "b-again.xml")));
        FeedPoller.Outcome updated = poller.pollNow(feed).orElseThrow();
        assertThat(updated.imported()).as(updated.words()).isEqualTo(1);
        assertThat(updated.duplicates()).as("the copy of the update").isEqualTo(1);
        page = api.get("/steunpunten?postcode=3511").body();
        assertThat(page).contains("Zwaar onweer " + suffix).doesNotContain(">Onweer " + suffix);

        // The cancellation takes it off the page.
        String cancel = thunderstorm("C-" + suffix, "Cancel", reference(update), "Onweer voorbij " + suffix);
        answers.put("/" + suffix + "/c.xml", Answer.of("application/cap+xml", cancel));
        answers.put(feedPath, Answer.of("application/atom+xml", atom("a.xml", "b.xml", "b-again.xml", "c.xml")));
        assertThat(poller.pollNow(feed).orElseThrow().imported()).isEqualTo(1);
        assertThat(api.get("/steunpunten?postcode=3511").body()).doesNotContain(suffix);

        JsonNode messages = api.get("/api/v1/feed-subscriptions/" + feed + "/messages", coordinator).json().get("items");
        assertThat(messages).hasSize(3);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("verdict").asString()).isEqualTo("notSigned");
            assertThat(m.get("inForce").asBoolean()).isFalse();
        });
        JsonNode status = api.get("/api/v1/feed-subscriptions/" + feed, coordinator).json();
        assertThat(status.get("status").asString()).isEqualTo("ok");
        assertThat(status.get("lastSuccessAt").isNull()).isFalse();
    }

    @Test
    void anRssFeedOfRealMessagesKeepsEachVerdictAndRefusesUnsafeXml() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        answers.put("/" + suffix + "/ipaws.xml", new Answer(200, "application/xml",
                CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"), Duration.ZERO));
        answers.put("/" + suffix + "/tsunami.xml", new Answer(200, "application/xml",
                CapExamples.read("nws-wcatwc-2013-tsunami-cancellation-update.xml"), Duration.ZERO));
        answers.put("/" + suffix + "/attack.xml", new Answer(200, "application/xml",
                CapExamples.read("made-up/doctype-external-entities.xml"), Duration.ZERO));
        answers.put("/" + suffix + "/feed.rss", Answer.of("application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Alerts</title>
                  <item><title>IPAWS</title><link>ipaws.xml</link></item>
                  <item><title>Tsunami</title><enclosure url="tsunami.xml" type="application/cap+xml" length="1"/></item>
                  <item><title>Attack</title><link>attack.xml</link></item>
                </channel></rss>"""));
        UUID feed = subscribe(admin, "Real " + suffix, "/" + suffix + "/feed.rss", "NL");

        FeedPoller.Outcome outcome = poller.pollNow(feed).orElseThrow();

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.imported() + outcome.duplicates()).as(outcome.words()).isEqualTo(2);
        assertThat(outcome.refused()).isEqualTo(1);
        assertThat(outcome.words()).contains("DOCTYPE");
        assertThat(jdbc.sql("select verdict from cap_import where sender = 'wcatwc@noaa.gov' and identifier = 'PAAQ-4-mg5a94'")
                .query(String.class).single()).isEqualTo("notSigned");
        assertThat(jdbc.sql("select verdict from cap_import where sender = 'cap-pac@canada.example.ca' and identifier = :identifier")
                .param("identifier", twoSignatures()).query(String.class).single()).as("intact, but SHA-1 and signers not trusted here")
                .isIn("weakAlgorithm", "unknownSigner");
    }

    @Test
    void malformedSlowAndUnavailableFeedsFailWithBackoffAndShowAsFailing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        answers.put("/" + suffix + "/broken.atom", Answer.of("application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"));
        answers.put("/" + suffix + "/slow.atom", new Answer(200, "application/atom+xml", atom().getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(3)));
        answers.put("/" + suffix + "/down.atom", new Answer(503, null, null, Duration.ZERO));
        UUID broken = subscribe(admin, "Broken " + suffix, "/" + suffix + "/broken.atom", "VR09");
        UUID slow = subscribe(admin, "Slow " + suffix, "/" + suffix + "/slow.atom", "VR09");
        UUID down = subscribe(admin, "Down " + suffix, "/" + suffix + "/down.atom", "VR09");

        assertThat(poller.pollNow(broken).orElseThrow().words()).contains("not well-formed XML");
        assertThat(poller.pollNow(slow).orElseThrow().words()).contains("did not answer within 1 s");
        assertThat(poller.pollNow(down).orElseThrow().words()).contains("HTTP 503");
        Instant beforeSecondTry = clock.instant();
        assertThat(poller.pollNow(down).orElseThrow().succeeded()).isFalse();

        JsonNode failing = api.get("/api/v1/feed-subscriptions/" + down, admin).json();
        assertThat(failing.get("status").asString()).isEqualTo("failing");
        assertThat(failing.get("failuresInARow").asInt()).isEqualTo(2);
        Duration backoff = Duration.between(Instant.parse(failing.get("lastPolledAt").asString()),
                Instant.parse(failing.get("nextPollAt").asString()));
        assertThat(backoff).as("5 minutes doubled twice").isEqualTo(Duration.ofMinutes(20));
        assertThat(Instant.parse(failing.get("lastErrorAt").asString())).isAfterOrEqualTo(beforeSecondTry.minusMillis(1));
        assertThat(failing.get("lastSuccessAt").isNull()).isTrue();

        String staffPage = staffPage("/medewerkers/feeds");
        assertThat(staffPage).contains("Down " + suffix, "Faalt (2 keer achter elkaar)", "HTTP 503", "nog nooit");
        assertThat(feedHealth.failing()).as("what the system page and the metric weerbaar.feeds.failing show")
                .anySatisfy(feed -> {
                    assertThat(feed.name()).isEqualTo("Down " + suffix);
                    assertThat(feed.problem()).contains("HTTP 503");
                });

        answers.put("/" + suffix + "/down.atom", Answer.of("application/atom+xml", atom()));
        assertThat(poller.pollNow(down).orElseThrow().succeeded()).isTrue();
        JsonNode recovered = api.get("/api/v1/feed-subscriptions/" + down, admin).json();
        assertThat(recovered.get("status").asString()).isEqualTo("ok");
        assertThat(recovered.get("lastError").asString()).as("kept for the record").contains("HTTP 503");
    }

    @Test
    void internalAddressesAreRefusedAndAFeedIsSubscribedOnceAndEndedWithIfMatch() {
        for (String url : new String[] {"http://localhost/feed", "http://10.1.2.3/feed", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/feed", "file:///etc/passwd", "http://user:secret@example.org/feed"}) {
            var refused = api.post("/api/v1/feed-subscriptions", admin, ApiClient.json(Map.of("name", "X", "url", url, "area", "NL")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("\"url\"");
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID feed = subscribe(admin, "Once " + suffix, "/" + suffix + "/once.atom", "GM0344");
        assertThat(api.post("/api/v1/feed-subscriptions", admin, ApiClient.json(Map.of("name", "Again", "url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/" + suffix + "/once.atom", "area", "GM0344"))).status())
                .isEqualTo(409);

        assertThat(api.send("DELETE", "/api/v1/feed-subscriptions/" + feed, admin, null).status()).isEqualTo(428);
        var ended = api.sendIfMatch("DELETE", "/api/v1/feed-subscriptions/" + feed, admin, null, "\"1\"");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("status").asString()).isEqualTo("ended");
        assertThat(poller.pollNow(feed)).as("an ended feed is not polled").isEmpty();
    }

    private static String twoSignatures() {
        return between(new String(CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"), StandardCharsets.UTF_8),
                "<identifier>", "</identifier>");
    }

    /** A staff page as the national admin's browser gets it after logging in with the form. */
    private String staffPage(String path) {
        try {
            var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
            String base = "http://localhost:" + port;
            String login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/inloggen")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/inloggen"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password="
                            + java.net.URLEncoder.encode(adminPassword, StandardCharsets.UTF_8) + "&_csrf="
                            + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            return page.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID subscribe(String token, String name, String path, String area) {
        var created = api.post("/api/v1/feed-subscriptions", token, ApiClient.json(Map.of("name", name,
                "url", "http://127.0.0.1:" + server.getAddress().getPort() + path, "area", area)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** An Atom feed linking each message (relative to the feed) as CAP. */
    private static String atom(String... links) {
        StringBuilder entries = new StringBuilder();
        for (String link : links) {
            entries.append("<entry><id>urn:test:").append(link).append("</id><title>").append(link)
                    .append("</title><updated>2026-12-01T00:00:00Z</updated><link rel=\"alternate\" type=\"application/cap+xml\" href=\"")
                    .append(link).append("\"/></entry>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:test</id>"
                + "<title>Test</title><updated>2026-12-01T00:00:00Z</updated>" + entries + "</feed>";
    }

    /**
     * The real severe-thunderstorm message of the CAP 1.2 standard (appendix A.2), with its own
     * identifier, sent now and in force for two hours, as an alert, update or cancellation.
     */
    private String thunderstorm(String identifier, String msgType, String references, String headline) {
        Instant now = clock.instant();
        String sent = CapWriter.time(now.minusSeconds(60));
        String expires = CapWriter.time(now.plus(Duration.ofHours(2)));
        return new String(CapExamples.read("oasis-cap12-appendixA2-severe-thunderstorm.xml"), StandardCharsets.UTF_8)
                .replace("<identifier>KSTO1055887203</identifier>", "<identifier>" + identifier + "</identifier>")
                .replace("<sent>2003-06-17T14:57:00-07:00</sent>", "<sent>" + sent + "</sent>")
                .replace("<expires>2003-06-17T16:00:00-07:00</expires>", "<expires>" + expires + "</expires>")
                .replace("<msgType>Alert</msgType>", "<msgType>" + msgType + "</msgType>")
                .replace("<scope>Public</scope>", "<scope>Public</scope>" + (references == null ? "" : "<references>" + references + "</references>"))
                .replace("<headline>SEVERE THUNDERSTORM WARNING</headline>", "<headline>" + headline + "</headline>");
    }

    /** The CAP reference to a message: sender,identifier,sent. */
    private static String reference(String message) {
        return between(message, "<sender>", "</sender>") + "," + between(message, "<identifier>", "</identifier>") + ","
                + between(message, "<sent>", "</sent>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
