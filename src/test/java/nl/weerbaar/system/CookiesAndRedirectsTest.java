package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

/** Issue 13, item 9: session cookies are SameSite=Lax and Secure over HTTPS; redirects ignore the Host header. */
@IntegrationTest
class CookiesAndRedirectsTest {

    @LocalServerPort
    int port;

    /** A raw HTTP/1.1 exchange: Java's HTTP client will not send a forged Host header. */
    private String exchange(String path, String... headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n\r\n"));
        }
    }

    private static List<String> headers(String head, String name) {
        return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).toList();
    }

    @Test
    void aForgedHostHeaderNeverMakesItIntoARedirect() throws IOException {
        String head = exchange("/medewerkers", "Host: evil.example");
        assertThat(head).startsWith("HTTP/1.1 302");
        assertThat(headers(head, "Location")).singleElement().satisfies(location ->
                assertThat(location).as("no public URL is configured here: a path on the site the browser is on")
                        .isEqualTo("/inloggen"));
    }

    @Test
    void redirectsGoToTheConfiguredPublicUrl() {
        PublicUrlRedirects redirects = new PublicUrlRedirects("https://weerbaar.example.nl/");
        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/medewerkers");
        forged.setServerName("evil.example");
        forged.setRequestURI("/medewerkers/planning");

        assertThat(redirects.target(forged, "http://evil.example:8080/inloggen")).isEqualTo("https://weerbaar.example.nl/inloggen");
        assertThat(redirects.target(forged, "/inloggen?error")).isEqualTo("https://weerbaar.example.nl/inloggen?error");
        assertThat(redirects.target(forged, "doorrekeningen/7")).isEqualTo("https://weerbaar.example.nl/medewerkers/doorrekeningen/7");
        assertThat(redirects.target(forged, "https://other.example/x")).as("another site is left alone")
                .isEqualTo("https://other.example/x");
    }

    @Test
    void theSessionCookieIsLaxAndSecureWhenTheProxySaysHttps() throws IOException {
        String plain = exchange("/inloggen", "Host: localhost");
        assertThat(headers(plain, "Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure"));

        String behindProxy = exchange("/inloggen", "Host: weerbaar.example.nl", "X-Forwarded-Proto: https",
                "X-Forwarded-For: 203.0.113.9");
        assertThat(headers(behindProxy, "Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax").contains("Secure"));
    }
}
