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
     * One notice as a page lists it; {@code link} leads to its whole text, from where anyone can
     * check it is genuine. {@code description} and {@code instruction} (null where there is none)
     * are for pages that must stand alone: the static export and the printed pack.
     */
    record Notice(String headline, String severity, String issuer, Instant published, String link, String description,
                  String instruction) {
        public Notice(String headline, String severity, String issuer, Instant published, String link) {
            this(headline, severity, issuer, published, link, null, null);
        }
    }

    List<Notice> inForce(String municipalityCode, Locale locale);
}
