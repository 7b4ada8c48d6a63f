package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A resident without an account checks a bulletin on /controleren, by pasting it or uploading the file, without JavaScript. */
@IntegrationTest
class VerifyPageTest {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aPastedOrUploadedBulletinGetsAPlainVerdict() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        String form = get("/controleren");
        assertThat(form).contains("Is dit bericht echt?", "enctype=\"multipart/form-data\"");

        String pasted = post(csrf(form), "cap", latin1(fixture.xml()), null);
        String uploaded = post(csrf(form), "file", latin1(fixture.xml()), "bulletin.xml");
        String unsigned = post(csrf(form), "cap", latin1(CapExamples.read("oasis-cap12-appendixA2-severe-thunderstorm.xml")), null);

        assertThat(pasted).as("a key this server does not know").contains("data-verdict=\"unknownSigner\"", "Onbekende afzender");
        assertThat(uploaded).contains("data-verdict=\"unknownSigner\"");
        assertThat(unsigned).contains("data-verdict=\"notSigned\"", "Niet ondertekend: iedereen kan dit bericht geschreven hebben");
        assertThat(get("/controleren?lang=en")).contains("Is this bulletin genuine?");
    }

    @Test
    void anUploadedMessageFromElsewhereIsDescribedAsItIsNotAsAForgery() throws Exception {
        String form = get("/controleren");

        String aggregated = post(csrf(form), "file", latin1(CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml")), "alert.xml");
        String olderVersion = post(csrf(form), "file", latin1(CapExamples.read("made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml")), "usgs.xml");
        String attack = post(csrf(form), "cap", latin1(CapExamples.read("made-up/doctype-external-entities.xml")), null);
        String feed = post(csrf(form), "cap", latin1(CapExamples.read("made-up/not-cap-atom-feed.xml")), null);

        assertThat(aggregated).contains("data-verdict=\"weakAlgorithm\"", "Zwakke handtekening", "Dit bericht draagt 2 handtekeningen",
                "Handtekening 1, van CN=Provincial Alert Issuer", "Handtekening 2, van CN=Alert Aggregator");
        assertThat(olderVersion).contains("data-verdict=\"otherCapVersion\"", "Andere CAP-versie", "Geschreven in CAP 1.1",
                "Kop volgens het bericht", "Séisme de magnitude 4,1 près de Trois-Rivières", "Région de Trois-Rivières, Québec",
                "klopt met de inhoud").doesNotContain("utrecht-alert--error");
        assertThat(attack).contains("data-verdict=\"unsafeXml\"", "Onveilige XML");
        assertThat(feed).contains("data-verdict=\"notCap\"", "Geen CAP-bericht");
    }

    /** The bytes as characters one to one, so a multipart upload carries the file exactly, whatever its encoding. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the form carries a CSRF token").isTrue();
        return token.group(1);
    }

    /** A multipart form post, as a browser sends it. */
    private String post(String csrf, String field, String value, String filename) throws Exception {
        String boundary = "----weerbaar" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/xml") + "\r\n\r\n"
                + value + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/controleren"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
