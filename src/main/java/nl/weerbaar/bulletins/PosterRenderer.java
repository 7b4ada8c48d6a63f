package nl.weerbaar.bulletins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import nl.weerbaar.system.PrintedDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An A4 poster of a published bulletin to print and hang up, with a QR code linking to
 * {@code /verify?b=<poster code>}: the code carries the bulletin's signed summary, so the poster
 * can be checked on the server, or offline against an exported key set. It is one sheet: a long
 * text is set smaller, and when even that does not fit the English half gives way (its readers
 * find it behind the QR code).
 */
@Component
class PosterRenderer {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** Type sizes in points, from the poster to read from afar to the one that fits a long text. */
    private record Layout(int headline, double text, int qrMillimetres, int marginMillimetres) {}

    private static final Layout[] LAYOUTS = {new Layout(30, 13, 60, 18), new Layout(20, 10, 45, 15), new Layout(15, 8, 35, 12),
            new Layout(12, 6.5, 30, 10)};

    private final MessageSource messages;
    private final Clock clock;

    PosterRenderer(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    byte[] render(Bulletin bulletin, String organisationName, String areaName, String posterCode, String publicUrl) {
        byte[] pdf = null;
        for (boolean english : bulletin.english() == null ? new boolean[] {false} : new boolean[] {true, false}) {
            for (Layout layout : LAYOUTS) {
                pdf = PrintedDocuments.pdf(xhtml(bulletin, organisationName, areaName, posterCode, publicUrl, layout, english));
                if (pages(pdf) == 1) {
                    return pdf;
                }
            }
        }
        return pdf;
    }

    private String xhtml(Bulletin bulletin, String organisationName, String areaName, String posterCode, String publicUrl, Layout layout,
                         boolean withEnglish) {
        String link = publicUrl + "/verify?b=" + posterCode;
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT, """
                <html><head><style>
                @page { size: A4; margin: %dmm; }
                body { font-family: 'DejaVu Sans'; color: #000; }
                .issuer { font-size: 14pt; border-bottom: 4px solid #154273; padding-bottom: 4mm; }
                h1 { font-size: %dpt; margin: 6mm 0 3mm 0; }
                h2 { font-size: 14pt; margin: 5mm 0 2mm 0; }
                p { font-size: %.1fpt; line-height: 1.3; white-space: pre-wrap; margin: 0 0 2mm 0; }
                .instruction { font-weight: bold; }
                .check { margin-top: 6mm; border-top: 1px solid #555; padding-top: 3mm; }
                .check p { font-size: %.1fpt; }
                .check img { width: %dmm; height: %dmm; float: right; margin-left: 6mm; }
                </style></head><body>
                """, layout.marginMillimetres(), layout.headline(), layout.text(), Math.min(10, layout.text()),
                        layout.qrMillimetres(), layout.qrMillimetres()));
        html.append("<div class=\"issuer\">").append(escape(organisationName)).append(" — ").append(escape(areaName)).append("</div>");
        text(html, bulletin.dutch());
        if (withEnglish) {
            html.append("<h2>English</h2>");
            text(html, bulletin.english());
        }
        html.append("<div class=\"check\"><img src=\"data:image/png;base64,").append(PrintedDocuments.qrPngBase64(link, 600)).append("\"/>");
        for (Locale locale : new Locale[] {DUTCH, Locale.ENGLISH}) {
            String issued = PublicBulletin.time(bulletin.publishedAt(), locale);
            String until = PublicBulletin.time(bulletin.expires(), locale);
            html.append("<p>").append(escape(messages.getMessage("bulletins.poster.issued", new Object[] {organisationName, issued, until}, locale)))
                    .append("<br/>").append(escape(messages.getMessage("bulletins.poster.check", new Object[] {publicUrl}, locale)))
                    .append("<br/>").append(escape(messages.getMessage("bulletins.poster.printed",
                            new Object[] {PublicBulletin.time(clock.instant(), locale), publicUrl + "/bulletins/" + bulletin.id()}, locale)))
                    .append("</p>");
        }
        html.append("<p>").append(escape(CapWriter.identifier(bulletin))).append("</p></div></body></html>");
        return html.toString();
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the poster just made", e);
        }
    }

    private static void text(StringBuilder html, Bulletin.Text text) {
        html.append("<h1>").append(escape(text.headline())).append("</h1>");
        html.append("<p>").append(escape(text.description())).append("</p>");
        if (text.instruction() != null) {
            html.append("<p class=\"instruction\">").append(escape(text.instruction())).append("</p>");
        }
    }

    /** XML escaping: the renderer reads XHTML, where the HTML-only entities do not exist. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscapeDecimal(text);
    }
}
