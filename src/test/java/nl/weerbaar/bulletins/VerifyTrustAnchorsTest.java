package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Messages of other authorities checked against trust anchors, without the server: a certificate
 * path to a trusted CA at the time the message was sent, a trusted bare key, the areas an
 * authority may speak for, and withdrawn trust. The made-up flood warning was sent on
 * 28 November 2026 by a certificate of the made-up Lagezentrum CA, for Roerdalen (GM1669, VR23).
 */
class VerifyTrustAnchorsTest {

    private final VerdictWords words = VerdictWords.fromBundles();

    private static final Instant LATER = Instant.parse("2031-01-01T09:00:00Z");
    private static final Instant SENT = Instant.parse("2026-11-28T07:15:00Z");
    private static final byte[] FLOOD = CapExamples.read("made-up/cap12-certificate-chain-rsa-sha256.xml");

    @Test
    void aMessageWhoseCertificateLeadsToATrustedAuthorityIsGenuineIssuedByIt() throws Exception {
        Verification verification = BulletinVerifier.check(FLOOD, trusting(lagezentrum(List.of("VR23"), null, null)), LATER);

        assertThat(verification.verdict()).isInstanceOf(Verdict.Genuine.class);
        assertThat(words.english(verification.verdict())).startsWith("Genuine: issued by Made-up Lagezentrum on 28 November 2026 at 08:15");
        assertThat(words.dutch(verification.verdict())).startsWith("Echt: uitgegeven door Made-up Lagezentrum");
        assertThat(verification.signatures()).singleElement().satisfies(line -> assertThat(line.signer()).isEqualTo("Made-up Lagezentrum"));
    }

    @Test
    void withoutTheAnchorTheSameMessageIsAnIntactMessageByAnUnknownSigner() {
        Verdict verdict = BulletinVerifier.verify(FLOOD, CapExamples.NO_KEYS, LATER);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.UnknownSigner.class, unknown -> {
            assertThat(unknown.intact()).isTrue();
            assertThat(unknown.signer()).contains("CN=Warnungen");
        });
    }

    @Test
    void anAuthorityIsGenuineOnlyWithinItsAreas() throws Exception {
        TrustAnchor amsterdamOnly = lagezentrum(List.of("GM0363"), null, null);
        TrustAnchor limburgNoord = lagezentrum(List.of("VR23"), null, null);

        Verdict elsewhere = BulletinVerifier.verify(FLOOD, trusting(amsterdamOnly), LATER);
        Verdict importedForAmsterdam = BulletinVerifier.check(FLOOD, trusting(limburgNoord), LATER, Set.of("GM0363")).verdict();

        assertThat(elsewhere).isInstanceOf(Verdict.OutsideScope.class);
        assertThat(words.english(elsewhere)).contains("trusted here for GM0363", "is (also) about GM1669");
        assertThat(words.english(importedForAmsterdam)).contains("trusted here for VR23", "is (also) about GM0363");
    }

    @Test
    void aCertificateThatHadLapsedWhenTheMessageWasSentIsNotGenuine() throws Exception {
        Verdict verdict = BulletinVerifier.verify(CapExamples.read("made-up/cap12-lapsed-certificate-rsa-sha256.xml"),
                trusting(lagezentrum(List.of("VR23"), null, null)), LATER);

        assertThat(verdict).isInstanceOf(Verdict.Revoked.class);
        assertThat(words.english(verdict)).contains("Made-up Lagezentrum", "its certificate was not valid at the time it claims to be signed");
    }

    @Test
    void trustWithdrawnBeforeTheMessageRevokesItAndWithdrawnAfterLeavesItGenuine() throws Exception {
        Verdict before = BulletinVerifier.verify(FLOOD, trusting(lagezentrum(List.of("VR23"), SENT.minus(1, ChronoUnit.DAYS),
                "CA compromised")), LATER);
        Verdict after = BulletinVerifier.verify(FLOOD, trusting(lagezentrum(List.of("VR23"), SENT.plus(1, ChronoUnit.DAYS),
                "CA replaced")), LATER);

        assertThat(before).isInstanceOf(Verdict.Revoked.class);
        assertThat(words.english(before)).contains("trust withdrawn: CA compromised");
        assertThat(after).isInstanceOf(Verdict.Genuine.class);
        assertThat(words.english(after)).contains("CA replaced", "signed before that and stays valid");
    }

    @Test
    void aChangedWordBreaksTheTrustedSignature() throws Exception {
        byte[] changed = new String(FLOOD, StandardCharsets.UTF_8).replace("stark an", "kaum an").getBytes(StandardCharsets.UTF_8);

        Verdict verdict = BulletinVerifier.verify(changed, trusting(lagezentrum(List.of("VR23"), null, null)), LATER);

        assertThat(verdict).isInstanceOf(Verdict.Altered.class);
        assertThat(words.english(verdict)).contains("no longer matches the signature of Made-up Lagezentrum");
    }

    @Test
    void aTrustedBareKeyMakesItsMessageGenuineWithinItsValidity() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        Instant during = fixture.sent().plus(1, ChronoUnit.HOURS);
        TrustAnchor key = bareKey(fixture.key().publicKey(), fixture.sent().minus(1, ChronoUnit.DAYS), null);
        TrustAnchor notYet = bareKey(fixture.key().publicKey(), fixture.sent().plus(1, ChronoUnit.DAYS), null);

        Verdict trusted = BulletinVerifier.verify(fixture.xml(), TrustedKeys.of(List.of(), Map.of(), List.of(key)), during);
        Verdict early = BulletinVerifier.verify(fixture.xml(), TrustedKeys.of(List.of(), Map.of(), List.of(notYet)), during);

        assertThat(words.english(trusted)).startsWith("Genuine: issued by Buurgemeente");
        assertThat(early).isInstanceOf(Verdict.Revoked.class);
    }

    @Test
    void theExportedKeySetCarriesTheAnchorsForOfflineChecks() throws Exception {
        TrustAnchor anchor = lagezentrum(List.of("VR23"), null, null);
        String json = KeySetJson.write(KeySetJson.document(List.of(), List.of(anchor)));

        TrustedKeys offline = KeySetJson.trusted(json);

        assertThat(json).contains("\"trustAnchors\"", "Made-up Lagezentrum", "GM1669");
        assertThat(BulletinVerifier.verify(FLOOD, offline, LATER)).isInstanceOf(Verdict.Genuine.class);
    }

    private static TrustedKeys trusting(TrustAnchor anchor) {
        return TrustedKeys.of(List.of(), Map.of(), List.of(anchor));
    }

    private static TrustAnchor lagezentrum(List<String> areas, Instant revokedAt, String reason) throws Exception {
        X509Certificate ca = AnchorMaterial.certificate(new String(CapExamples.read("made-up/foreign-authority-ca.pem"), StandardCharsets.US_ASCII));
        return new TrustAnchor(UUID.randomUUID(), "Made-up Lagezentrum", Optional.of(ca), ca.getPublicKey(), areas, covers(areas),
                ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant(), revokedAt, reason);
    }

    private static TrustAnchor bareKey(PublicKey key, Instant validFrom, Instant validUntil) {
        return new TrustAnchor(UUID.randomUUID(), "Buurgemeente", Optional.empty(), key, List.of("GM0363"), covers(List.of("GM0363")),
                validFrom, validUntil, null, null);
    }

    /** Limburg-Noord's municipalities are left out but Roerdalen: enough for these messages, which name only GM1669. */
    private static Set<String> covers(List<String> areas) {
        Set<String> covers = new TreeSet<>(areas);
        if (areas.contains("VR23")) {
            covers.add("GM1669");
        }
        return covers;
    }
}
