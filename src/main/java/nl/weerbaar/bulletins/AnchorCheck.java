package nl.weerbaar.bulletins;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which trust anchor stands behind a signature: its key is an anchor's key, or its certificate
 * leads by a valid certificate path (PKIX, as the JDK builds it) to an anchor's certificate.
 * Paths are judged at the time the message says it was sent, not now: a certificate that
 * expired since does not undo a message signed while it was valid.
 */
final class AnchorCheck {

    private AnchorCheck() {}

    /** An anchor found behind a signature; {@code invalidFrom} is set when its certificates were not valid at the time of sending. */
    record Match(TrustAnchor anchor, Optional<Instant> invalidFrom) {}

    static Optional<Match> find(XmlSignatures.Check check, List<TrustAnchor> anchors, Instant sent) {
        if (anchors.isEmpty() || check.embeddedKey().isEmpty()) {
            return Optional.empty();
        }
        PublicKey signingKey = check.embeddedKey().get();
        Optional<TrustAnchor> direct = best(anchors.stream().filter(a -> sameKey(a.publicKey(), signingKey)).toList(), sent);
        if (direct.isPresent()) {
            return direct.map(anchor -> new Match(anchor, Optional.empty()));
        }
        Optional<X509Certificate> signer = check.certificates().stream().filter(c -> sameKey(c.getPublicKey(), signingKey)).findFirst();
        List<TrustAnchor> withCertificates = anchors.stream().filter(a -> a.certificate().isPresent()).toList();
        if (signer.isEmpty() || withCertificates.isEmpty()) {
            return Optional.empty();
        }
        Optional<X509Certificate> root = path(signer.get(), check.certificates(), withCertificates, sent);
        if (root.isPresent()) {
            return best(anchoredBy(root.get(), withCertificates), sent).map(anchor -> new Match(anchor, Optional.empty()));
        }
        // Not valid at the time of sending; at a moment the signing certificate was valid, does it lead to an anchor at all?
        Instant leafValid = signer.get().getNotBefore().toInstant();
        return path(signer.get(), check.certificates(), withCertificates, leafValid)
                .flatMap(anchorCertificate -> best(anchoredBy(anchorCertificate, withCertificates), sent))
                .map(anchor -> new Match(anchor, Optional.of(sent.isBefore(leafValid) ? leafValid
                        : signer.get().getNotAfter().toInstant())));
    }

    /** The anchor certificate a valid path from the signer ends at, judged at {@code moment}. */
    private static Optional<X509Certificate> path(X509Certificate signer, List<X509Certificate> carried,
                                                  List<TrustAnchor> anchors, Instant moment) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            Set<java.security.cert.TrustAnchor> roots = anchors.stream()
                    .map(a -> new java.security.cert.TrustAnchor(a.certificate().orElseThrow(), null)).collect(Collectors.toSet());
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            // Revocation lists would have to be fetched from the internet: trust is withdrawn here by revoking the anchor.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(moment));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            return Optional.of(result.getTrustAnchor().getTrustedCert());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static List<TrustAnchor> anchoredBy(X509Certificate certificate, List<TrustAnchor> anchors) {
        return anchors.stream().filter(a -> a.certificate().filter(certificate::equals).isPresent()).toList();
    }

    /** Of anchors for the same key (one revoked and added again, say), the one in force at the time of sending. */
    private static Optional<TrustAnchor> best(List<TrustAnchor> candidates, Instant sent) {
        return candidates.stream().min(Comparator.comparing((TrustAnchor a) -> !a.inForceAt(sent)));
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
