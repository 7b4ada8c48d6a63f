package nl.weerbaar.bulletins;

import java.util.Locale;
import nl.weerbaar.system.PrintedDocuments;
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
        html.append("<div class=\"check\"><img src=\"data:image/png;base64,").append(PrintedDocuments.qrPngBase64(link, 600)).append("\"/>");
        String issued = CapWriter.time(bulletin.publishedAt()).replace('T', ' ');
        String until = CapWriter.time(bulletin.expires()).replace('T', ' ');
        for (Locale locale : new Locale[] {DUTCH, Locale.ENGLISH}) {
            html.append("<p>").append(escape(messages.getMessage("bulletins.poster.issued", new Object[] {organisationName, issued, until}, locale)))
                    .append("<br/>").append(escape(messages.getMessage("bulletins.poster.check", new Object[] {publicUrl}, locale))).append("</p>");
        }
        html.append("<p>").append(escape(CapWriter.identifier(bulletin))).append("</p></div></body></html>");
        return PrintedDocuments.pdf(html.toString());
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
