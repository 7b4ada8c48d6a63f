package nl.weerbaar.bulletins;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An A4 poster of a published bulletin to print and hang up, with a QR code linking to
 * {@code /verify?b=<poster code>}: the code carries the bulletin's signed summary, so the poster
 * can be checked on the server, or offline against an exported key set.
 */
@Component
class PosterRenderer {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;

    PosterRenderer(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(Bulletin bulletin, String organisationName, String areaName, String posterCode, String publicUrl) {
        String link = publicUrl + "/verify?b=" + posterCode;
        StringBuilder html = new StringBuilder("""
                <html><head><style>
                @page { size: A4; margin: 18mm; }
                body { font-family: 'DejaVu Sans'; color: #000; }
                .issuer { font-size: 14pt; border-bottom: 4px solid #154273; padding-bottom: 4mm; }
                h1 { font-size: 30pt; margin: 8mm 0 4mm 0; }
                h2 { font-size: 18pt; margin: 8mm 0 2mm 0; }
                p { font-size: 13pt; line-height: 1.4; white-space: pre-wrap; }
                .instruction { font-weight: bold; }
                .check { margin-top: 8mm; border-top: 1px solid #555; padding-top: 4mm; font-size: 11pt; }
                .check img { width: 60mm; height: 60mm; float: right; margin-left: 6mm; }
                </style></head><body>
                """);
        html.append("<div class=\"issuer\">").append(escape(organisationName)).append(" — ").append(escape(areaName)).append("</div>");
        text(html, bulletin.dutch());
        if (bulletin.english() != null) {
            html.append("<h2>English</h2>");
            text(html, bulletin.english());
        }
        html.append("<div class=\"check\"><img src=\"data:image/png;base64,").append(qrPng(link)).append("\"/>");
        String issued = CapWriter.time(bulletin.publishedAt()).replace('T', ' ');
        String until = CapWriter.time(bulletin.expires()).replace('T', ' ');
        for (Locale locale : new Locale[] {DUTCH, Locale.ENGLISH}) {
            html.append("<p>").append(escape(messages.getMessage("bulletins.poster.issued", new Object[] {organisationName, issued, until}, locale)))
                    .append("<br/>").append(escape(messages.getMessage("bulletins.poster.check", new Object[] {publicUrl}, locale))).append("</p>");
        }
        html.append("<p>").append(escape(CapWriter.identifier(bulletin))).append("</p></div></body></html>");
        return pdf(html.toString());
    }

    private static void text(StringBuilder html, Bulletin.Text text) {
        html.append("<h1>").append(escape(text.headline())).append("</h1>");
        html.append("<p>").append(escape(text.description())).append("</p>");
        if (text.instruction() != null) {
            html.append("<p class=\"instruction\">").append(escape(text.instruction())).append("</p>");
        }
    }

    private static byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> PosterRenderer.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> PosterRenderer.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the poster", e);
        }
        return out.toByteArray();
    }

    /** Error correction M: a poster may get a crease or a spot and still scan. */
    private static String qrPng(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 600, 600,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot make the QR code", e);
        }
    }

    /** XML escaping: the renderer reads XHTML, where the HTML-only entities do not exist. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscapeDecimal(text);
    }
}
