package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paper that leads somewhere: without a public address nothing is printed for a visitor from
 * outside this machine; a poster of the longest bulletin fits one A4; packs and posters carry
 * absolute links, the moment they were printed, and Dutch dates.
 */
@IntegrationTest
@TimeDependent
class PrintedMatterTest {

    private static final String PASSWORD = "printed-matter-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void theLongestBulletinPrintsOnOneA4WithAbsoluteLinksAndDutchTimes() throws Exception {
        ApiClient api = new ApiClient(port);
        String long4000 = "Het water uit de kraan is niet veilig. ".repeat(110).substring(0, 3990);
        String json = BulletinsApiTest.draftJson(clock, "GM0363", "alert", null)
                .replace("Door een storing kan het kraanwater besmet zijn.", long4000)
                .replace("Kook water minstens één minuut.", long4000)
                .replace("Tap water may be contaminated.", "Tap water is not safe. ".repeat(170).substring(0, 3900));
        String id = published(api, json);

        byte[] pdf = get("/berichten/" + id + "/affiche.pdf").body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text.replace(" ", "")).as("links wrap across lines").contains("http://localhost:8080/berichten/" + id);
            assertThat(text).contains("Kook drinkwater voor gebruik", "Gedrukt op")
                    .containsPattern("Geldig tot [0-9]{1,2} [a-z]+ 20[0-9]{2} [0-9]{2}:[0-9]{2}")
                    .doesNotContain("null");
        }
        String shortOne = published(api, BulletinsApiTest.draftJson(clock, "GM0363", "alert", null));
        try (PDDocument document = Loader.loadPDF(get("/berichten/" + shortOne + "/affiche.pdf").body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).as("a short one keeps its English half").contains("English");
        }

        try (PDDocument document = Loader.loadPDF(get("/steunpunten/pakket/GM0363").body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Stand van", "http://localhost:8080/steunpunten").doesNotContain("null");
        }
    }

    @Test
    void withoutAPublicAddressNothingIsPrintedForAVisitorFromElsewhere() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = published(api, BulletinsApiTest.draftJson(clock, "GM0363", "alert", null));
        String refused = rawGet("/berichten/" + id + "/affiche.pdf", "weerbaar.example.nl");
        assertThat(refused).startsWith("HTTP/1.1 503").contains("Drukwerk staat uit", "WEERBAAR_PUBLIC_URL");
        assertThat(rawGet("/steunpunten/pakket/GM0363", "weerbaar.example.nl")).startsWith("HTTP/1.1 503");
        assertThat(rawGet("/steunpunten/pakket/GM0363", "localhost")).as("development on this machine").startsWith("HTTP/1.1 200");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** A request as it arrives through a proxy for another host name; Java's HttpClient will not set Host. */
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String published(ApiClient api, String json) {
        String admin = api.token("admin", adminPassword);
        String author = api.token(api.createUser(admin, "GM0363", "coordinator", PASSWORD), PASSWORD);
        String colleague = api.token(api.createUser(admin, "GM0363", "coordinator", PASSWORD), PASSWORD);
        var drafted = api.post("/api/v1/bulletins", author, json);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        var draft = api.get("/api/v1/bulletins/" + id, author);
        assertThat(api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", colleague, null, draft.header("ETag")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", author, null).status()).isEqualTo(200);
        return id;
    }
}
