package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The real CAP messages in the specs import, and their signatures are reported truthfully. */
@IntegrationTest
@TimeDependent
class CapImportTest {

    private final VerdictWords words = VerdictWords.fromBundles();

    /** Any moment will do for messages that carry no signature; a fixed one keeps the check independent of the day. */
    private static final Instant ANY_MOMENT = Instant.parse("2026-11-28T00:00:00Z");

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @ParameterizedTest
    @ValueSource(strings = {"nws-wcatwc-2013-tsunami-cancellation-update.xml", "oasis-cap12-appendixA2-severe-thunderstorm.xml",
            "oasis-cap12-appendixA3-earthquake-update.xml", "oasis-cap12-appendixA4-amber-alert.xml"})
    void unsignedExamplesAreValidCapAndSayNotSigned(String file) throws Exception {
        byte[] xml = example(file);
        CapXml.validate(CapXml.parse(xml));

        assertThat(BulletinVerifier.verify(xml, CapExamples.NO_KEYS, ANY_MOMENT))
                .isInstanceOf(Verdict.NotSigned.class);
    }

    @Test
    void theSignedIpawsExampleHasAValidSignatureByAnUntrustedExpiredCertificate() throws Exception {
        Verdict verdict = BulletinVerifier.verify(example("ipaws-2019-signed-cancel.xml"),
                CapExamples.NO_KEYS, Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.UnknownSigner.class, unknown -> {
            assertThat(unknown.intact()).as("signature valid").isTrue();
            assertThat(unknown.certificateExpired()).isTrue();
        });
        assertThat(words.english(verdict)).contains("the signature is valid", "with the certificate CN=IPAWSOPEN_200302",
                "not known here", "certificate has also expired");
        assertThat(words.dutch(verdict)).contains("de handtekening klopt", "gezet met het certificaat CN=IPAWSOPEN_200302",
                "Het certificaat is bovendien verlopen");
    }

    @Test
    void theExamplesImportThroughTheApiWithTheirSignatureStatus() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);

        JsonNode ipaws = importCap(admin, "ipaws-2019-signed-cancel.xml", 201);
        JsonNode thunderstorm = importCap(admin, "oasis-cap12-appendixA2-severe-thunderstorm.xml", 201);

        assertThat(ipaws.get("sender").asString()).isEqualTo("bbrundage@dps.state.nv.us");
        assertThat(ipaws.get("msgType").asString()).isEqualTo("Cancel");
        assertThat(ipaws.get("signature").get("verdict").asString()).isEqualTo("unknownSigner");
        assertThat(ipaws.get("signature").get("explanation").get("en").asString()).contains("signature is valid", "expired");
        assertThat(thunderstorm.get("signature").get("verdict").asString()).isEqualTo("notSigned");
        assertThat(importCap(admin, "oasis-cap12-appendixA2-severe-thunderstorm.xml", 409).get("detail").asString())
                .contains("imported already");
    }

    @Test
    void cap11MessagesImportWithTheirVersionAndHeadlineReadInTheirOwnEncoding() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);

        JsonNode heat = importCap(admin, "made-up/cap11-unsigned-heat-advisory.xml", 201);
        JsonNode seismic = importCap(admin, "made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml", 201);

        assertThat(heat.get("capVersion").asString()).isEqualTo("1.1");
        assertThat(heat.get("headline").asString()).isEqualTo("Heat advisory until Wednesday 8 PM");
        assertThat(heat.get("signature").get("verdict").asString()).isEqualTo("otherCapVersion");
        assertThat(heat.get("signature").get("explanation").get("en").asString()).contains("CAP 1.1", "Not signed");
        assertThat(seismic.get("headline").asString()).isEqualTo("Séisme de magnitude 4,1 près de Trois-Rivières");
        assertThat(seismic.get("msgType").asString()).isEqualTo("Alert");
        assertThat(seismic.get("signature").get("explanation").get("en").asString()).contains("RSA-SHA1", "It matches the content");
    }

    @Test
    void cap10UnsafeAndInvalidMessagesAreRefusedNamingWhy() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        byte[] avoidIn11 = new String(example("made-up/cap11-unsigned-heat-advisory.xml"), StandardCharsets.UTF_8)
                .replace("<responseType>Prepare</responseType>", "<responseType>Avoid</responseType>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] statusMissing = new String(example("made-up/cap11-unsigned-heat-advisory.xml"), StandardCharsets.UTF_8)
                .replace("<status>Actual</status>", "").getBytes(StandardCharsets.UTF_8);

        assertThat(importCap(admin, example("made-up/cap10-unsigned-winter-storm.xml"), 400).toString()).contains("CAP 1.0");
        assertThat(importCap(admin, example("made-up/doctype-external-entities.xml"), 400).toString()).contains("DOCTYPE");
        assertThat(importCap(admin, example("made-up/not-cap-atom-feed.xml"), 400).toString()).contains("not a CAP alert");
        assertThat(importCap(admin, avoidIn11, 400).toString()).contains("Avoid exists only from CAP 1.2 on");
        assertThat(importCap(admin, statusMissing, 400).toString()).contains("not valid CAP 1.1");
    }

    @Test
    void veryLikelyAndUtcWrittenAsZAreCap11ButAnElementOutOfPlaceIsNot() throws Exception {
        String heat = new String(example("made-up/cap11-unsigned-heat-advisory.xml"), StandardCharsets.UTF_8);
        String old = heat.replace("<certainty>Likely</certainty>", "<certainty>Very Likely</certainty>")
                .replace("2026-07-14T11:00:00-05:00</sent>", "2026-07-14T16:00:00Z</sent>");
        String misplaced = heat.replace("<scope>Public</scope>", "").replace("<msgType>Alert</msgType>",
                "<msgType>Alert</msgType><scope>Public</scope><scope>Public</scope>");

        Cap11.validate(CapXml.parse(old.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> Cap11.validate(CapXml.parse(misplaced.getBytes(
                StandardCharsets.UTF_8)))).hasMessageStartingWith("not valid CAP 1.1");
        assertThatThrownBy(() -> CapXml.validate(CapXml.parse(old.getBytes(
                StandardCharsets.UTF_8)))).as("not CAP 1.2").isInstanceOf(CapXml.NotCapException.class);
    }

    private JsonNode importCap(String token, String file, int expectedStatus) throws IOException, InterruptedException {
        return importCap(token, example(file), expectedStatus);
    }

    private JsonNode importCap(String token, byte[] xml, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cap-imports?area=NL"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(), HttpResponse.BodyHandlers.ofString());
        ApiContract.check(port, response);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new ApiClient.Response(response.statusCode(), response.headers(), response.body()).json();
    }

    private static byte[] example(String file) throws IOException {
        try (var in = CapImportTest.class.getResourceAsStream("/cap-examples/" + file)) {
            return in.readAllBytes();
        }
    }
}
