package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
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
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printed poster: its QR code, read back from the PDF, checks the bulletin online and offline. */
@IntegrationTest
@TimeDependent
class PosterTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;
    @TempDir
    Path folder;

    @Test
    void theQrCodeOnThePrintedPosterProvesTheBulletinOnlineAndOffline() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String author = user(api, admin, "GM0344");
        String colleague = user(api, admin, "GM0344");
        String id = api.post("/api/v1/bulletins", api.token(author, "poster-password-1"),
                BulletinsApiTest.draftJson(clock, "GM0344", "alert", null)).json().get("id").asString();
        var draft = api.get("/api/v1/bulletins/" + id, api.token(author, "poster-password-1"));
        api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", api.token(colleague, "poster-password-1"), null, draft.header("ETag"));
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", api.token(author, "poster-password-1"), null).status()).isEqualTo(200);

        HttpResponse<byte[]> poster = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/berichten/" + id + "/affiche.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        String link = qrCodeOn(poster.body());
        assertThat(link).startsWith("http://localhost:8080/controleren?b=");
        String path = link.substring("http://localhost:8080".length());

        String online = api.get(path).body();
        assertThat(online).contains("data-verdict=\"genuine\"", "Echt: uitgegeven door Gemeente Utrecht",
                "de kop moet precies luiden: &quot;Kook drinkwater voor gebruik&quot;");
        String code = path.substring("/controleren?b=".length());
        String forged = code.substring(0, 40) + (code.charAt(40) == 'A' ? 'B' : 'A') + code.substring(41);
        assertThat(api.get("/controleren?b=" + forged).body()).contains("data-verdict=\"altered\"");
        assertThat(api.get("/controleren?id=" + id).body()).as("the link in the CAP message").contains("data-verdict=\"genuine\"");

        Path keySet = Files.writeString(folder.resolve("keyset.json"), api.get("/.well-known/weerbaar-keys.json").body());
        Path scanned = Files.writeString(folder.resolve("scanned.txt"), link);
        Path forgedScan = Files.writeString(folder.resolve("forged.txt"), "/controleren?b=" + forged);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Checked offline on the application's clock, as on a computer whose clock agrees with the server's.
        OfflineVerifyCommand offline = new OfflineVerifyCommand(clock);
        assertThat(offline.run(List.of("verify", scanned.toString(), "--keys", keySet.toString()), new PrintStream(out), System.err))
                .as(out.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        assertThat(offline.run(List.of("verify", forgedScan.toString(), "--keys", keySet.toString()), new PrintStream(out), System.err))
                .as("the exit code of altered").isEqualTo(5);
    }

    /**
     * The QR code as a scanner reads the printed page: at 300 dpi, as printers print, and at 200 and
     * 600 dpi when that fails. The code's density depends on what it carries, and a single
     * resolution made this test fail now and then on pixels that a printer renders cleanly.
     */
    private static String qrCodeOn(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            com.google.zxing.NotFoundException notFound = null;
            for (int dpi : new int[] {300, 200, 600}) {
                var image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
                try {
                    return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
                } catch (com.google.zxing.NotFoundException e) {
                    notFound = e;
                }
            }
            throw notFound;
        }
    }

    private static String user(ApiClient api, String admin, String organisation) {
        return api.createUser(admin, organisation, "coordinator", "poster-password-1");
    }
}
