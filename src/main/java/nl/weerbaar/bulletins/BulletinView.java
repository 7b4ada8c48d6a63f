package nl.weerbaar.bulletins;

import java.time.Instant;
import java.util.UUID;

/** A bulletin as the API shows it: flat, with whether it is in force and where its signed forms are. */
record BulletinView(UUID id, String organisation, String area, String areaName, String kind, UUID references,
                    String event, String category, String urgency, String severity, String certainty,
                    String headline, String description, String instruction,
                    String headlineEn, String descriptionEn, String instructionEn,
                    Instant effective, Instant expires, String status, boolean inForce, UUID supersededBy,
                    String author, String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt,
                    String keyId, long version, Links links) {

    record Links(String self, String cap, String poster, String verify) {}

    static BulletinView of(Bulletin b, String areaName, Instant now) {
        String self = "/api/v1/bulletins/" + b.id();
        Bulletin.Text en = b.english();
        return new BulletinView(b.id(), b.organisation(), b.areaCode(), areaName, b.kind().name(), b.references(),
                b.event(), b.category(), b.urgency(), b.severity(), b.certainty(),
                b.dutch().headline(), b.dutch().description(), b.dutch().instruction(),
                en == null ? null : en.headline(), en == null ? null : en.description(), en == null ? null : en.instruction(),
                b.effective(), b.expires(), b.status().name(), b.inForceAt(now), b.supersededBy(),
                b.author(), b.approver(), b.approvedAt(), b.publisher(), b.publishedAt(), b.kid(), b.version(),
                b.published() ? new Links(self, self + "/cap", "/berichten/" + b.id() + "/affiche.pdf", "/controleren?id=" + b.id())
                        : new Links(self, null, null, null));
    }
}
