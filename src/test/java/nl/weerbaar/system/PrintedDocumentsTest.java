package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintedDocumentsTest {

    @Test
    void aQrCodeReadsBackAsExactlyItsText() throws Exception {
        String link = "https://weerbaar.example/steunpunten/12345";
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(PrintedDocuments.qrPngBase64(link, 180))));

        String read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();

        assertThat(read).isEqualTo(link);
    }

    @Test
    void xhtmlBecomesAPdfWithItsTextInTheEmbeddedFont() throws Exception {
        byte[] pdf = PrintedDocuments.pdf("""
                <html><head><style>@page { size: A4; } body { font-family: 'DejaVu Sans'; }</style></head>
                <body><h1>Steunpunten in 's-Hertogenbosch</h1><p>Hygiëne, € 50</p></body></html>""");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Steunpunten in 's-Hertogenbosch", "Hygiëne, € 50");
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }
}
