package nl.weerbaar.bulletins;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.crypto.MarshalException;
import org.w3c.dom.Element;

/**
 * A signature by someone outside Weerbaar: another authority trusted here (a {@link TrustAnchor}),
 * judged like our own keys and within its areas; otherwise a stranger, of whom we say only
 * whether the signature holds.
 */
final class ForeignSignatures {

    private ForeignSignatures() {}

    static BulletinVerifier.Outcome judge(Element signature, SignatureAlgorithm algorithm, Verdict.About about,
                                          Set<String> areas, TrustedKeys keys, Instant now) throws MarshalException {
        XmlSignatures.Check check = XmlSignatures.check(signature, Optional.empty());
        if (check.embeddedKey().isEmpty()) {
            String named = XmlSignatures.keyName(signature).orElse("(none named)");
            return new BulletinVerifier.Outcome(named,
                    new Verdict.UnknownSigner(about, false, Verdict.UnknownSigner.SignerKind.key, named, false));
        }
        Optional<AnchorCheck.Match> anchor = about.sent() == null ? Optional.empty()
                : AnchorCheck.find(check, keys.anchors(), about.sent());
        return anchor.isPresent()
                ? anchored(check, algorithm, anchor.get(), about, areas, now)
                : stranger(check, algorithm, about, now);
    }

    private static BulletinVerifier.Outcome anchored(XmlSignatures.Check check, SignatureAlgorithm algorithm, AnchorCheck.Match match,
                                                     Verdict.About about, Set<String> areas, Instant now) {
        TrustAnchor anchor = match.anchor();
        String signer = anchor.name();
        return new BulletinVerifier.Outcome(signer, algorithm.weak()
                ? BulletinVerifier.weak(algorithm, check, signer, about)
                : anchoredVerdict(check, match, about, areas, now));
    }

    private static Verdict anchoredVerdict(XmlSignatures.Check check, AnchorCheck.Match match, Verdict.About about,
                                           Set<String> areas, Instant now) {
        TrustAnchor anchor = match.anchor();
        Instant sent = about.sent();
        if (!check.valid() || !check.wholeDocument()) {
            return new Verdict.Altered("the content no longer matches the signature of " + anchor.name());
        }
        if (match.invalidFrom().isPresent()) {
            return new Verdict.Revoked(about, anchor.name(), anchor.kid(), match.invalidFrom().get(),
                    "its certificate was not valid at the time it claims to be signed");
        }
        if (anchor.revokedAt(sent)) {
            return new Verdict.Revoked(about, anchor.name(), anchor.kid(), anchor.revokedAt(),
                    "trust withdrawn: " + anchor.revocationReason());
        }
        if (!anchor.inForceAt(sent)) {
            return new Verdict.Revoked(about, anchor.name(), anchor.kid(), sent.isBefore(anchor.validFrom()) ? anchor.validFrom()
                    : anchor.validUntil(), "its key or certificate was not valid at the time it claims to be signed");
        }
        List<String> outside = areas.stream().filter(area -> !anchor.speaksFor(area)).toList();
        if (!outside.isEmpty()) {
            return new Verdict.OutsideScope(about, anchor.name(), anchor.areas(), outside);
        }
        if (about.expires() != null && now.isAfter(about.expires())) {
            return new Verdict.Expired(about, anchor.name());
        }
        Verdict.Withdrawal withdrawn = anchor.revokedAt() == null ? null
                : new Verdict.Withdrawal(true, anchor.revokedAt(), anchor.revocationReason());
        return new Verdict.Genuine(about, null, anchor.name(), anchor.kid(), withdrawn);
    }

    private static BulletinVerifier.Outcome stranger(XmlSignatures.Check check, SignatureAlgorithm algorithm, Verdict.About about,
                                                     Instant now) {
        Optional<X509Certificate> certificate = check.certificate();
        String signer = certificate.map(c -> c.getSubjectX500Principal().getName())
                .orElseGet(() -> PublishedKey.kidOf(check.embeddedKey().orElseThrow()));
        if (algorithm.weak()) {
            return new BulletinVerifier.Outcome(signer, BulletinVerifier.weak(algorithm, check, signer, about));
        }
        if (!check.valid() || !check.wholeDocument()) {
            return new BulletinVerifier.Outcome(signer, new Verdict.Altered("the content no longer matches its signature"));
        }
        boolean expired = certificate.filter(c -> now.isAfter(c.getNotAfter().toInstant())).isPresent();
        return new BulletinVerifier.Outcome(signer, new Verdict.UnknownSigner(about, true, certificate.isPresent()
                ? Verdict.UnknownSigner.SignerKind.certificate : Verdict.UnknownSigner.SignerKind.key, signer, expired));
    }
}
