package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.system.ApplicationClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The national admin trusts another authority's CA for Limburg-Noord: its flood warning (sent
 * 28 November 2026, no expiry) reads genuine on the server and offline, every change is audited,
 * and withdrawing trust from before the message revokes it. The message's own times decide, so
 * the day the test runs does not.
 */
@IntegrationTest
class TrustAnchorsApiTest {

    private static final String PASSWORD = "trust-anchor-test";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @TempDir
    Path folder;

    @Test
    void aTrustedCertificateMakesItsAuthoritysMessageGenuineUntilTrustIsWithdrawn() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        byte[] flood = CapExamples.read("made-up/cap12-certificate-chain-rsa-sha256.xml");
        assertThat(verify(flood).get("verdict").asString()).as("before it is trusted").isEqualTo("unknownSigner");

        ApiClient.Response added = api.post("/api/v1/trust-anchors", admin, ApiClient.json(Map.of("name", "Made-up Lagezentrum",
                "certificate", new String(CapExamples.read("made-up/foreign-authority-ca.pem"), StandardCharsets.US_ASCII),
                "areas", List.of("VR23"))));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        assertThat(added.header("Location")).endsWith("/api/v1/trust-anchors/" + id);
        assertThat(added.json().get("subject").asString()).contains("CN=Made-up Lagezentrum Root CA");
        assertThat(added.json().get("covers").toString()).contains("GM1669");
        JsonNode genuine = verify(flood);
        assertThat(genuine.get("verdict").asString()).isEqualTo("genuine");
        assertThat(genuine.get("explanation").get("en").asString()).startsWith("Genuine: issued by Made-up Lagezentrum");
        assertThat(api.get("/api/v1/trust-anchors/" + id, admin).json().get("name").asString()).isEqualTo("Made-up Lagezentrum");

        String keySet = api.get("/.well-known/weerbaar-keys.json").body();
        assertThat(keySet).contains("\"trustAnchors\"", id);
        Path keySetFile = Files.writeString(folder.resolve("keyset.json"), keySet);
        Path message = Files.write(folder.resolve("flood.xml"), flood);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new OfflineVerifyCommand(Clock.fixed(Instant.parse("2031-01-01T09:00:00Z"), ApplicationClock.NETHERLANDS))
                .run(List.of("verify", message.toString(), "--keys", keySetFile.toString()), new PrintStream(out), new PrintStream(out));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();

        ApiClient.Response revoked = api.post("/api/v1/trust-anchors/" + id + "/revocation", admin,
                ApiClient.json(Map.of("reason", "CA compromised", "from", "2026-11-27T00:00:00Z")));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(verify(flood).get("verdict").asString()).isEqualTo("revoked");
        assertThat(api.post("/api/v1/trust-anchors/" + id + "/revocation", admin, ApiClient.json(Map.of("reason", "again"))).status())
                .isEqualTo(409);
        JsonNode audited = api.get("/api/v1/audit?entityType=trust_anchor&entityId=" + id, admin).json();
        assertThat(audited.toString()).contains("trust-anchor.added", "trust-anchor.revoked", "CA compromised");
    }

    @Test
    void onlyTheNationalAdminAddsAnchorsAndBadInputIsNamedField() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String regionAdmin = api.token(api.createUser(admin, "VR23", "admin", PASSWORD), PASSWORD);
        String pem = new String(CapExamples.read("made-up/foreign-authority-ca.pem"), StandardCharsets.US_ASCII);
        String anchor = ApiClient.json(Map.of("name", "Probe", "certificate", pem, "areas", List.of("VR23")));

        ApiClient.Response anonymous = api.post("/api/v1/trust-anchors", null, anchor);
        ApiClient.Response region = api.post("/api/v1/trust-anchors", regionAdmin, anchor);
        ApiClient.Response bad = api.post("/api/v1/trust-anchors", admin, ApiClient.json(Map.of("name", " ",
                "certificate", "not a certificate", "publicKey", "MFkw", "areas", List.of("VR99"))));
        ApiClient.Response badCertificate = api.post("/api/v1/trust-anchors", admin, ApiClient.json(Map.of("name", "X",
                "certificate", "bm90IGEgY2VydGlmaWNhdGU=", "areas", List.of("NL"))));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(region.status()).as("a region's admin does not decide national trust").isEqualTo(403);
        assertThat(region.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("invalidParams").findValuesAsString("name")).contains("name", "areas", "certificate");
        assertThat(badCertificate.json().get("invalidParams").findValuesAsString("name")).containsExactly("certificate");
        assertThat(api.get("/api/v1/trust-anchors", regionAdmin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/trust-anchors", api.token(api.createUser(admin, "NL", "viewer", PASSWORD), PASSWORD)).status())
                .isEqualTo(403);
    }

    private JsonNode verify(byte[] xml) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/verification"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        ApiContract.check(port, response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ApiClient.Response(response.statusCode(), response.headers(), response.body()).json();
    }
}
