package nl.weerbaar.bulletins;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import nl.weerbaar.system.ApplicationClock;

/**
 * A bulletin as residents read it, in the page's language (Dutch where no English was written):
 * the whole text and instruction, the area by name, who signed it, and dates as people say them
 * in the Netherlands ("1 december 2026 14:05"), never relative, so a printout stays true.
 *
 * @param state       {@code inForce}, {@code notYet}, {@code expired}, {@code superseded} or
 *                    {@code draft}/{@code approved} in the staff preview
 * @param replacedBy  the bulletin that updated, cancelled or ended this one; null while none did
 */
public record PublicBulletin(UUID id, String kind, String headline, String description, String instruction,
                             String event, String category, String urgency, String severity, String certainty,
                             String areaCode, String areaName, String issuer, String keyId,
                             String effective, String expires, String issued, String state,
                             UUID references, UUID replacedBy, boolean english) {

    private static final DateTimeFormatter DUTCH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.of("nl"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH);

    static PublicBulletin of(Bulletin b, String areaName, String issuer, Instant now, Locale locale) {
        boolean english = locale.getLanguage().equals("en") && b.english() != null;
        Bulletin.Text text = english ? b.english() : b.dutch();
        // An instruction written only in Dutch is still shown: what to do matters more than the language.
        String instruction = text.instruction() != null ? text.instruction() : b.dutch().instruction();
        return new PublicBulletin(b.id(), b.kind().name(), text.headline(), text.description(), instruction,
                b.event(), b.category(), b.urgency(), b.severity(), b.certainty(), b.areaCode(), areaName, issuer, b.kid(),
                time(b.effective(), locale), time(b.expires(), locale), time(b.publishedAt(), locale), state(b, now),
                b.references(), b.supersededBy(), english);
    }

    /** A moment in Dutch time, e.g. "1 december 2026 14:05"; null stays null. */
    static String time(Instant moment, Locale locale) {
        if (moment == null) {
            return null;
        }
        ZonedDateTime local = moment.atZone(ApplicationClock.NETHERLANDS);
        return local.format(locale.getLanguage().equals("en") ? ENGLISH_TIME : DUTCH_TIME);
    }

    private static String state(Bulletin b, Instant now) {
        if (!b.published()) {
            return b.status().name();
        }
        if (b.supersededBy() != null) {
            return "superseded";
        }
        if (now.isBefore(b.effective())) {
            return "notYet";
        }
        return now.isBefore(b.expires()) ? "inForce" : "expired";
    }

    public boolean inForce() {
        return state.equals("inForce");
    }

    /** The alert colour of the page: red for severe and extreme, amber otherwise, grey when over. */
    public String alertClass() {
        if (!inForce()) {
            return "utrecht-alert--info";
        }
        return severity.equals("Extreme") || severity.equals("Severe") ? "utrecht-alert--error" : "utrecht-alert--warning";
    }
}
