package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/verification} gives programs a code and residents words for every kind of
 * message, with the CAP version and each signature. None of these messages is signed by a key
 * this server trusts, so the answer does not depend on the day.
 */
@IntegrationTest
class VerifyApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "ipaws-2019-signed-cancel.xml,                        unknownSigner,   1.2",
            "nws-wcatwc-2013-tsunami-cancellation-update.xml,     notSigned,       1.2",
            "oasis-cap12-appendixA2-severe-thunderstorm.xml,      notSigned,       1.2",
            "oasis-cap12-appendixA3-earthquake-update.xml,        notSigned,       1.2",
            "oasis-cap12-appendixA4-amber-alert.xml,              notSigned,       1.2",
            "made-up/cap10-unsigned-winter-storm.xml,             otherCapVersion, 1.0",
            "made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml,       otherCapVersion, 1.1",
            "made-up/cap12-two-signatures-rsa-sha1.xml,           weakAlgorithm,   1.2",
            "made-up/doctype-external-entities.xml,               unsafeXml,",
            "made-up/not-cap-atom-feed.xml,                       notCap,",
            "made-up/truncated-thunderstorm.xml,                  unreadableXml,"})
    void everyMessageGetsItsCodeAndWordsInBothLanguages(String example, String verdict, String capVersion) throws Exception {
        JsonNode answer = verify(CapExamples.read(example));

        assertThat(answer.get("verdict").asString()).isEqualTo(verdict);
        assertThat(answer.get("trusted").asBoolean()).isFalse();
        assertThat(answer.get("explanation").get("nl").asString()).isNotBlank();
        assertThat(answer.get("explanation").get("en").asString()).isNotBlank().doesNotStartWith("Altered");
        assertThat(answer.get("capVersion").isNull() ? null : answer.get("capVersion").asString()).isEqualTo(capVersion);
    }

    @Test
    void bothSignaturesOfAnAggregatedMessageAreListed() throws Exception {
        JsonNode answer = verify(CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"));

        JsonNode signatures = answer.get("signatures");
        assertThat(signatures.size()).isEqualTo(2);
        for (JsonNode signature : signatures) {
            assertThat(signature.get("algorithm").asString()).isEqualTo("RSA-SHA1");
            assertThat(signature.get("weakAlgorithm").asBoolean()).isTrue();
            assertThat(signature.get("verdict").asString()).isEqualTo("weakAlgorithm");
            assertThat(signature.get("explanation").get("en").asString()).contains("It matches the content");
        }
        assertThat(signatures.get(1).get("signer").asString()).contains("CN=Alert Aggregator");
        assertThat(answer.get("headline").asString()).isEqualTo("freezing rain warning in effect");
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
