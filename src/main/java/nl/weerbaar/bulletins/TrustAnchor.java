package nl.weerbaar.bulletins;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Another authority trusted to sign CAP messages: its public key, or an X.509 certificate (a CA's
 * or its own), with a life like our own keys (valid from, until, revoked from a moment on) and the
 * areas it may speak for. {@code covers} is {@code areas} with every municipality of a named region
 * added, so a check needs no reference data, offline too.
 */
record TrustAnchor(UUID id, String name, Optional<X509Certificate> certificate, PublicKey publicKey,
                          List<String> areas, Set<String> covers, Instant validFrom, Instant validUntil,
                          Instant revokedAt, String revocationReason) {

    public String kid() {
        return PublishedKey.kidOf(publicKey);
    }

    /** Whether it may speak for an area (NL, VRnn or GMnnnn). */
    public boolean speaksFor(String area) {
        return areas.contains("NL") || covers.contains(area);
    }

    /** Whether the anchor was in force at that moment: within its validity, not yet revoked. */
    public boolean inForceAt(Instant moment) {
        return !moment.isBefore(validFrom) && (validUntil == null || !moment.isAfter(validUntil)) && !revokedAt(moment);
    }

    public boolean revokedAt(Instant moment) {
        return revokedAt != null && !moment.isBefore(revokedAt);
    }
}
