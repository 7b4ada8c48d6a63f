package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Status by text message, with a fake SMS gateway: it posts what a real gateway posts (a form of
 * from, to, text, id and time, signed with the shared secret) and reads the reply it would send back.
 */
@IntegrationTest
class TextMessageStatusTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Value("${weerbaar.sms.secret}")
    String secret;

    /** What a gateway does: post the message as a form, signed with HMAC-SHA256 over the body. */
    record FakeGateway(int port, byte[] secret) {
        record Delivery(int status, String reply) {}

        Delivery deliver(String id, String from, String text) {
            return deliver(id, from, text, "signature");
        }

        Delivery deliver(String id, String from, String text, String how) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("from", from);
            form.put("to", "+3197010000000");
            form.put("text", text);
            form.put("id", id);
            form.put("time", "");
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sms/inbound"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            switch (how) {
                case "signature" -> request.header("X-Weerbaar-Signature", "sha256=" + HexFormat.of().formatHex(hmac(body)));
                case "secret" -> request.header("X-Weerbaar-Secret", new String(secret, StandardCharsets.UTF_8));
                case "bad signature" -> request.header("X-Weerbaar-Signature", "sha256=" + HexFormat.of().formatHex(hmac(body + " ")));
                default -> { }
            }
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Delivery(response.statusCode(), response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private byte[] hmac(String body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRegisteredNumberChangesItsPointOnceAndOthersChangeNothing() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        PointFixtures fixtures = new PointFixtures(api, admin);
        long id = fixtures.create(PointFixtures.amsterdamPoint("Sms-punt")).get("id").asLong();
        Map<String, Object> groningenPoint = PointFixtures.amsterdamPoint("Sms-punt Groningen");
        groningenPoint.putAll(Map.of("municipality", "GM0014", "lat", 53.2194, "lon", 6.5665));
        long groningen = fixtures.create(groningenPoint).get("id").asLong();
        String operator = api.createUser(admin, "GM0363", "operator", PointFixtures.PASSWORD);
        String coordinator = api.token(api.createUser(admin, "GM0363", "coordinator", PointFixtures.PASSWORD), PointFixtures.PASSWORD);
        String number = "+316" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String national = "06 " + number.substring(4);

        var registered = api.post("/api/v1/sms/senders", coordinator, ApiClient.json(Map.of("phoneNumber", national, "username", operator)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("phoneNumber").asString()).isEqualTo(number);
        assertThat(api.post("/api/v1/sms/senders", coordinator, ApiClient.json(Map.of("phoneNumber", number, "username", operator)))
                .status()).as("a number belongs to one user").isEqualTo(409);
        String groningenOperator = api.createUser(admin, "GM0014", "operator", PointFixtures.PASSWORD);
        assertThat(api.post("/api/v1/sms/senders", coordinator, ApiClient.json(Map.of("phoneNumber", "+31611111111",
                "username", groningenOperator))).status()).as("a user outside the coordinator's scope").isEqualTo(403);
        String viewer = api.createUser(admin, "GM0363", "viewer", PointFixtures.PASSWORD);
        assertThat(api.post("/api/v1/sms/senders", coordinator, ApiClient.json(Map.of("phoneNumber", "+31611111112",
                "username", viewer))).status()).as("a viewer cannot report").isEqualTo(400);
        assertThat(api.get("/api/v1/audit?entityType=sms-sender&entityId=" + URLEncoder.encode(number, StandardCharsets.UTF_8), admin)
                .json().get("items")).hasSize(1);

        FakeGateway gateway = new FakeGateway(port, secret.getBytes(StandardCharsets.UTF_8));
        String messageId = "gw-" + System.nanoTime();
        var accepted = gateway.deliver(messageId, number, "status " + id + " VOL 120 Geen plek meer, ga naar de sporthal");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.reply()).startsWith("Ontvangen:").contains("Vol", "120");
        var point = api.get("/api/v1/support-points/" + id).json();
        assertThat(point.get("status").asString()).isEqualTo("full");
        assertThat(point.get("occupancy").asInt()).isEqualTo(120);
        assertThat(point.get("message").asString()).isEqualTo("Geen plek meer, ga naar de sporthal");
        var history = api.get("/api/v1/support-points/" + id + "/status-history", admin).json().get("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("channel").asString()).isEqualTo("sms");
        assertThat(history.get(0).get("actor").asString()).isEqualTo(operator);

        var repeated = gateway.deliver(messageId, number, "status " + id + " VOL 120 Geen plek meer, ga naar de sporthal");
        assertThat(repeated.reply()).isEqualTo(accepted.reply());
        assertThat(api.get("/api/v1/support-points/" + id + "/status-history", admin).json().get("items"))
                .as("a repeated message id has one effect").hasSize(1);

        var unknown = gateway.deliver("gw-" + System.nanoTime(), "+31699999999", "STATUS " + id + " DICHT");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.reply()).contains("niet aangemeld");
        var outside = gateway.deliver("gw-" + System.nanoTime(), number, "STATUS " + groningen + " OPEN 5");
        assertThat(outside.reply()).contains("buiten uw gebied");
        assertThat(api.get("/api/v1/support-points/" + groningen).json().get("status").asString()).isEqualTo("inactive");
        var unreadable = gateway.deliver("gw-" + System.nanoTime(), number, "open " + id);
        assertThat(unreadable.reply()).contains("STATUS <nummer steunpunt>");

        String forged = "gw-" + System.nanoTime();
        assertThat(gateway.deliver(forged, number, "STATUS " + id + " DICHT", "bad signature").status()).isEqualTo(401);
        assertThat(gateway.deliver(forged, number, "STATUS " + id + " DICHT", "none").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("full");

        var bySecret = gateway.deliver(forged, number, "STATUS " + id + " DICHT Stroom uitgevallen", "secret");
        assertThat(bySecret.reply()).as("the forged id was never taken, so the real message is new").contains("Gesloten");
        assertThat(api.get("/api/v1/support-points/" + id).json().get("status").asString()).isEqualTo("closed");
        assertThat(api.get("/api/v1/support-points/" + id + "/status-history", admin).json().get("items")).hasSize(2);

        assertThat(api.send("DELETE", "/api/v1/sms/senders/" + number, coordinator, null).status()).isEqualTo(204);
        assertThat(gateway.deliver("gw-" + System.nanoTime(), number, "STATUS " + id + " OPEN").reply()).contains("niet aangemeld");
    }
}
