package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Other authorities whose signed CAP messages read as genuine here, for the areas they may speak
 * for. Adding or revoking one is a national decision: an anchor changes what every resident is
 * told on /controleren and what every exported key set trusts, so only an admin of NL may do it.
 */
@Service
class TrustAnchors {

    private final TrustAnchorRepository anchors;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Clock clock;

    TrustAnchors(TrustAnchorRepository anchors, AccessControl access, AuditTrail audit, Clock clock) {
        this.anchors = anchors;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new anchor: {@code certificate} (its validity is the anchor's) or {@code publicKey} (valid
     * from {@code validFrom}, default now, until {@code validUntil} if given), as PEM or base64.
     */
    public record NewAnchor(String name, String certificate, String publicKey, List<String> areas, Instant validFrom,
                            Instant validUntil) {}

    public record Revocation(String reason, Instant from) {}

    /** Every anchor, revoked ones too, for checking messages: no access check, as for the published keys. */
    public List<TrustAnchor> all() {
        return anchors.all();
    }

    public List<TrustAnchor> list() {
        access.requireRole(Role.ADMIN);
        return anchors.all();
    }

    public TrustAnchor get(UUID id) {
        access.requireRole(Role.ADMIN);
        return anchors.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public TrustAnchor add(NewAnchor request) {
        Actor actor = access.require(Role.ADMIN, "NL");
        Instant now = now();
        InputCheck check = new InputCheck()
                .require(request.name(), n -> !n.isBlank() && n.strip().length() <= 200, "name", "must name the authority, in 1 to 200 characters")
                .require(request.areas(), a -> !a.isEmpty() && a.stream().allMatch(area -> area != null && anchors.knownArea(area)),
                        "areas", "must list the areas it may speak for, each a known NL, VRnn or GMnnnn code");
        boolean oneOfThem = (request.certificate() == null) != (request.publicKey() == null);
        check.require(oneOfThem, request.certificate() == null ? "publicKey" : "certificate",
                "give either a certificate or a publicKey (PEM or base64), not both");
        Optional<X509Certificate> certificate = Optional.empty();
        PublicKey key = null;
        if (oneOfThem && request.certificate() != null) {
            try {
                certificate = Optional.of(AnchorMaterial.certificate(request.certificate()));
                key = certificate.get().getPublicKey();
            } catch (GeneralSecurityException e) {
                check.require(false, "certificate", "is not an X.509 certificate (PEM or base64 of the DER): " + e.getMessage());
            }
            check.require(request.validFrom() == null && request.validUntil() == null, "validFrom",
                    "comes from the certificate: leave validFrom and validUntil out");
        } else if (oneOfThem) {
            try {
                key = AnchorMaterial.publicKey(request.publicKey());
            } catch (GeneralSecurityException e) {
                check.require(false, "publicKey", "is not an RSA or EC public key (PEM or base64 of the SubjectPublicKeyInfo)");
            }
        }
        Instant validFrom = certificate.map(c -> c.getNotBefore().toInstant()).orElse(request.validFrom() == null ? now : request.validFrom());
        Instant validUntil = certificate.map(c -> c.getNotAfter().toInstant()).orElse(request.validUntil());
        check.require(validUntil == null || validUntil.isAfter(validFrom), "validUntil", "must lie after validFrom").orThrow();
        List<String> areas = request.areas().stream().map(String::strip).distinct().toList();
        TrustAnchor anchor = new TrustAnchor(UUID.randomUUID(), request.name().strip(), certificate, key, areas,
                anchors.covers(areas), validFrom, validUntil, null, null);
        if (anchors.liveWithKid(anchor.kid())) {
            throw new Conflict("the key " + anchor.kid() + " is a trust anchor already");
        }
        anchors.insert(anchor, actor.username(), now);
        audit.record(new AuditTrail.Change("trust-anchor.added", "trust_anchor", anchor.id().toString(), "NL", null,
                KeySetJson.anchorEntry(anchor)));
        return anchor;
    }

    /** Withdraws trust from a moment on (default now); what the authority signed before stays genuine. */
    @Transactional
    public TrustAnchor revoke(UUID id, Revocation request) {
        access.require(Role.ADMIN, "NL");
        Instant now = now();
        new InputCheck()
                .require(request.reason(), r -> !r.isBlank() && r.length() <= 500, "reason", "must say why, in 1 to 500 characters")
                .require(request.from() == null || !request.from().isAfter(now), "from", "cannot lie in the future")
                .orThrow();
        TrustAnchor anchor = anchors.find(id).orElseThrow(() -> notFound(id));
        if (anchor.revokedAt() != null) {
            throw new Conflict("trust anchor " + id + " was revoked already at " + anchor.revokedAt());
        }
        anchors.revoke(id, request.from() == null ? now : request.from().truncatedTo(ChronoUnit.SECONDS), request.reason().strip());
        TrustAnchor revoked = anchors.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("trust-anchor.revoked", "trust_anchor", id.toString(), "NL",
                KeySetJson.anchorEntry(anchor), KeySetJson.anchorEntry(revoked)));
        return revoked;
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("no trust anchor " + id);
    }

    /** To the second, like the CAP {@code sent} time it is compared with. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
