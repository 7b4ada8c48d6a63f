package nl.weerbaar.points;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Official notices in force where a support point is: for its municipality, its safety region and
 * the whole country. The finder and point pages show them; the bulletins module provides them
 * (points may not depend on bulletins, so bulletins plugs in here).
 */
public interface AreaNotices {

    /**
     * One notice as a page lists it; {@code link} leads to its whole text (our own bulletins) or to
     * where anyone can check it (other authorities' messages). {@code description} and
     * {@code instruction} (null where there is none) are for pages that must stand alone: the static
     * export and the printed pack. {@code verdict} is what its signature showed (a code: genuine,
     * unknownSigner, weakAlgorithm, notSigned, …) with {@code verdictLabel} in the page's language;
     * {@code source} is where it came from: our own bulletins, or the feed of another authority.
     */
    record Notice(String headline, String severity, String issuer, Instant published, String link, String description,
                  String instruction, String verdict, String verdictLabel, String source) {

        public boolean genuine() {
            return "genuine".equals(verdict);
        }
    }

    List<Notice> inForce(String municipalityCode, Locale locale);
}
