package nl.weerbaar.bulletins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.stream.Stream;
import nl.weerbaar.system.PrintedDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An A4 poster of a published bulletin to print and hang up, with a QR code linking to
 * {@code /controleren?b=<poster code>}: the code carries the bulletin's signed summary, so the poster
 * can be checked on the server, or offline against an exported key set. It is one sheet: a long
 * text is set smaller, and when even that does not fit the English half gives way (its readers
 * find it behind the QR code).
 */
@Component
class PosterRenderer {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** Type sizes in points, from the poster to read from afar to the one that fits a long text. */
    record Layout(int headline, double text, int qrMillimetres, int marginMillimetres) {
        /** The lines on how to check the poster: never larger than 10 pt. */
        public double checkText() {
            return Math.min(10, text);
        }
    }

    private static final Layout[] LAYOUTS = {new Layout(30, 13, 60, 18), new Layout(20, 10, 45, 15), new Layout(15, 8, 35, 12),
            new Layout(12, 6.5, 30, 10)};

    private final MessageSource messages;
    private final TemplateEngine templates;
    private final Clock clock;

    PosterRenderer(MessageSource messages, TemplateEngine templates, Clock clock) {
        this.messages = messages;
        this.templates = templates;
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
        Context context = new Context(DUTCH);
        context.setVariable("bulletin", bulletin);
        context.setVariable("organisationName", organisationName);
        context.setVariable("areaName", areaName);
        context.setVariable("layout", layout);
        context.setVariable("withEnglish", withEnglish);
        context.setVariable("qr", PrintedDocuments.qrPngBase64(publicUrl + "/controleren?b=" + posterCode, 600));
        context.setVariable("checks", Stream.of(DUTCH, Locale.ENGLISH).map(locale -> check(bulletin, organisationName, publicUrl, locale)).toList());
        context.setVariable("identifier", CapWriter.identifier(bulletin));
        return templates.process("bulletins/poster-pdf", context);
    }

    /** How to check the poster, in one language: the poster carries Dutch and English both. */
    record Check(String issued, String check, String printed) {}

    private Check check(Bulletin bulletin, String organisationName, String publicUrl, Locale locale) {
        String issued = PublicBulletin.time(bulletin.publishedAt(), locale);
        String until = PublicBulletin.time(bulletin.expires(), locale);
        return new Check(messages.getMessage("bulletins.poster.issued", new Object[] {organisationName, issued, until}, locale),
                messages.getMessage("bulletins.poster.check", new Object[] {publicUrl}, locale),
                messages.getMessage("bulletins.poster.printed",
                        new Object[] {PublicBulletin.time(clock.instant(), locale), publicUrl + "/berichten/" + bulletin.id()}, locale));
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the poster just made", e);
        }
    }
}
