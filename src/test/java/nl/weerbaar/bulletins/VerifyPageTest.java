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

/** A resident without an account checks a bulletin on /verify, by pasting it or uploading the file, without JavaScript. */
@IntegrationTest
class VerifyPageTest {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aPastedOrUploadedBulletinGetsAPlainVerdict() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        String form = get("/verify");
        assertThat(form).contains("Is dit bericht echt?", "enctype=\"multipart/form-data\"");

        String pasted = post(csrf(form), "cap", new String(fixture.xml(), StandardCharsets.UTF_8), null);
        String uploaded = post(csrf(form), "file", new String(fixture.xml(), StandardCharsets.UTF_8), "bulletin.xml");
        String unsigned = post(csrf(form), "cap", new String(getClass().getResourceAsStream(
                "/cap-examples/oasis-cap12-appendixA2-severe-thunderstorm.xml").readAllBytes(), StandardCharsets.UTF_8), null);

        assertThat(pasted).as("a key this server does not know").contains("data-verdict=\"unknownSigner\"", "Onbekende afzender");
        assertThat(uploaded).contains("data-verdict=\"unknownSigner\"");
        assertThat(unsigned).contains("data-verdict=\"notSigned\"", "Niet ondertekend: iedereen kan dit bericht geschreven hebben");
        assertThat(get("/verify?lang=en")).contains("Is this bulletin genuine?");
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
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/verify"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
