package nl.weerbaar.system;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;

/**
 * What goes on paper: XHTML rendered to PDF with the DejaVu Sans font embedded (its licence lies
 * beside it in {@code fonts/}), so a printout looks the same on every machine; and QR codes that
 * lead from paper back to the live pages.
 */
public final class PrintedDocuments {

    static {
        // openhtmltopdf reports timings and font loading at INFO on standard error, also in the
        // middle of a command's output; its warnings still show.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private PrintedDocuments() {}

    /** Renders XHTML (page size and margins from its CSS {@code @page}) to a PDF. */
    public static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> PrintedDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
                FontStyle.NORMAL, true);
        builder.useFont(() -> PrintedDocuments.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * A QR code as a base64 PNG for an {@code <img src="data:image/png;base64,…">}. Error
     * correction M: paper may get a crease or a spot and still scan.
     */
    public static String qrPngBase64(String text, int pixels) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("cannot make the QR code", e);
        }
    }
}
