package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The printed pack of a municipality: its public points with a map, and QR codes that lead to their live pages. */
@IntegrationTest
class MunicipalityPackTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;

    @Test
    void thePackListsThePublicPointsAndItsQrCodesLeadToTheirLivePages() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String name = "Pakkettest " + System.nanoTime() % 100000;
        var hub = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of("name", name + " brandweer",
                "tier", "hub", "buildingKind", "fire-station", "lat", 52.2215, "lon", 6.8937, "municipality", "GM0153",
                "capabilities", List.of("information", "drinking-water"), "opening", "Bij uitval van stroom")));
        assertThat(hub.status()).as(hub.body()).isEqualTo(201);
        var hidden = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of("name", name + " opvang",
                "tier", "local", "buildingKind", "community-centre", "lat", 52.2230, "lon", 6.8900, "municipality", "GM0153",
                "capabilities", List.of("overnight-stay"), "public", false)));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/steunpunten/pakket/GM0153")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).as(new String(pdf.body())).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Steunpunten in Enschede", name + " brandweer", "Drinkwater", "Bij uitval van stroom")
                    .doesNotContain(name + " opvang");
            // Among dozens of codes (the demo network may be loaded) a scan finds most, not always all:
            // every code found must lead to a live page. That each code holds its link exactly is
            // PrintedDocumentsTest's matter.
            List<String> links = Arrays.stream(qrCodesOn(document)).map(Result::getText).toList();
            assertThat(links).isNotEmpty().allMatch(link -> link.matches("http://localhost:8080/steunpunten(/[0-9]+)?"));
        }
        assertThat(api.get("/steunpunten/pakket/GM9999").status()).isEqualTo(404);
    }

    private static Result[] qrCodesOn(PDDocument document) throws Exception {
        PDFRenderer renderer = new PDFRenderer(document);
        List<Result> found = new java.util.ArrayList<>();
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            var image = renderer.renderImageWithDPI(page, 200);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            try {
                found.addAll(List.of(new GenericMultipleBarcodeReader(new MultiFormatReader())
                        .decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                                DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE)))));
            } catch (com.google.zxing.NotFoundException noneOnThisPage) {
                // a page without codes: go on with the next
            }
        }
        return found.toArray(Result[]::new);
    }
}
