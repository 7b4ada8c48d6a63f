package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signing and checking CAP bulletins without the server: every byte counts, keys live and die as designed. */
class BulletinSignatureTest {

    private final VerdictWords words = VerdictWords.fromBundles();

    private static final Instant DURING = SignedCapFixture.SENT.plus(1, ChronoUnit.HOURS);

    @Test
    void aSignedBulletinIsValidCapAndGenuine() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        String xml = new String(fixture.xml(), StandardCharsets.UTF_8);
        CapXml.validate(CapXml.parse(fixture.xml()));

        assertThat(xml).startsWith(CapXml.DECLARATION).contains("<sender>GM0363@weerbaar.nl</sender>",
                "<sent>2026-11-28T07:00:00+01:00</sent>", "<msgType>Alert</msgType>", "<language>nl-NL</language>",
                "<language>en-US</language>", "<valueName>CBS</valueName><value>GM0363</value>",
                "<ds:KeyName>" + fixture.key().kid() + "</ds:KeyName>", "xmldsig-more#ecdsa-sha256");
        Verdict verdict = BulletinVerifier.verify(fixture.xml(), fixture.trusted(), DURING);
        assertThat(verdict).isInstanceOf(Verdict.Genuine.class);
        assertThat(words.english(verdict)).contains("Genuine: issued by Gemeente Amsterdam on 28 November 2026 at 07:00");
    }

    @Test
    void everySingleByteChangeIsDetected() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        byte[] original = fixture.xml();
        Random random = new Random(20261128);
        List<String> accepted = new ArrayList<>();
        for (int position = 0; position < original.length; position++) {
            for (int flip : new int[] {0x01, 0x20, 1 + random.nextInt(255)}) {
                byte[] changed = original.clone();
                changed[position] ^= (byte) flip;
                Verdict verdict = BulletinVerifier.verify(changed, fixture.trusted(), DURING);
                if (verdict.trusted()) {
                    accepted.add("byte " + position + " ^ " + flip + " near '"
                            + new String(original, Math.max(0, position - 20), Math.min(40, original.length - Math.max(0, position - 20)),
                            StandardCharsets.UTF_8) + "'");
                }
            }
        }
        assertThat(original.length).isGreaterThan(2000);
        assertThat(accepted).as("changed copies accepted as genuine").isEmpty();
    }

    @Test
    void unusedBitsInTheLastBase64CharacterOfTheSignatureAreAChangeToo() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        String xml = new String(fixture.xml(), StandardCharsets.UTF_8);
        int last = xml.indexOf("==</ds:SignatureValue>") - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        // A 64-byte value leaves the 4 low bits of its last character unused: flip one of them.
        char same = alphabet.charAt(alphabet.indexOf(xml.charAt(last)) ^ 0x1);
        byte[] changed = (xml.substring(0, last) + same + xml.substring(last + 1)).getBytes(StandardCharsets.UTF_8);

        assertThat(java.util.Base64.getDecoder().decode(xml.substring(last - 85, last + 3)))
                .as("decodes to the same signature").isEqualTo(java.util.Base64.getDecoder().decode(
                        new String(changed, StandardCharsets.UTF_8).substring(last - 85, last + 3)));
        assertThat(BulletinVerifier.verify(changed, fixture.trusted(), DURING)).isInstanceOf(Verdict.Altered.class);
    }

    @Test
    void aCopyWithAnotherTextIsAlteredWithAClearReason() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        byte[] forged = new String(fixture.xml(), StandardCharsets.UTF_8)
                .replace("Kook drinkwater voor gebruik", "Drink geen kraanwater meer").getBytes(StandardCharsets.UTF_8);

        Verdict verdict = BulletinVerifier.verify(forged, fixture.trusted(), DURING);

        assertThat(verdict).isInstanceOf(Verdict.Altered.class);
        assertThat(words.dutch(verdict)).startsWith("Veranderd: dit is niet het bericht zoals het ondertekend is");
        assertThat(words.english(verdict)).contains("no longer matches the signature of Gemeente Amsterdam");
    }

    @Test
    void aKeyOutsideTheKeySetIsAnUnknownSignerEvenWhenTheSignatureHolds() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        SignedCapFixture other = SignedCapFixture.signed();

        Verdict verdict = BulletinVerifier.verify(fixture.xml(), other.trusted(), DURING);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.UnknownSigner.class, unknown -> assertThat(unknown.intact()).isTrue());
    }

    @Test
    void aRotatedKeyStaysValidForWhatItSignedInItsTime() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        PublishedKey rotatedLater = withLife(fixture.key(), fixture.sent().plus(1, ChronoUnit.HOURS), null, null);
        PublishedKey rotatedBefore = withLife(fixture.key(), fixture.sent().minus(1, ChronoUnit.HOURS), null, null);

        assertThat(BulletinVerifier.verify(fixture.xml(), fixture.trusting(rotatedLater), DURING)).isInstanceOf(Verdict.Genuine.class);
        assertThat(BulletinVerifier.verify(fixture.xml(), fixture.trusting(rotatedBefore), DURING))
                .isInstanceOfSatisfying(Verdict.Revoked.class, revoked -> assertThat(words.english(revoked)).contains("not in use"));
    }

    @Test
    void aRevokedKeyRejectsWhatItSignedFromTheRevocationOnAndKeepsWhatCameBefore() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        PublishedKey revokedBefore = withLife(fixture.key(), null, fixture.sent().minus(1, ChronoUnit.MINUTES), "laptop stolen");
        PublishedKey revokedAfter = withLife(fixture.key(), null, fixture.sent().plus(1, ChronoUnit.MINUTES), "laptop stolen");

        Verdict afterRevocation = BulletinVerifier.verify(fixture.xml(), fixture.trusting(revokedBefore), DURING);
        Verdict beforeRevocation = BulletinVerifier.verify(fixture.xml(), fixture.trusting(revokedAfter), DURING);

        assertThat(afterRevocation).isInstanceOf(Verdict.Revoked.class);
        assertThat(words.english(afterRevocation)).contains("laptop stolen").contains("Do not trust it");
        assertThat(beforeRevocation).isInstanceOf(Verdict.Genuine.class);
        assertThat(words.english(beforeRevocation)).contains("was signed before that and stays valid");
    }

    @Test
    void aGenuineBulletinPastItsExpiryIsExpired() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();

        Verdict verdict = BulletinVerifier.verify(fixture.xml(), fixture.trusted(), fixture.bulletin().expires().plusSeconds(1));

        assertThat(verdict).isInstanceOf(Verdict.Expired.class);
        assertThat(words.dutch(verdict)).startsWith("Verlopen: echt bericht van Gemeente Amsterdam");
    }

    @Test
    void pastedTextWithWindowsLineEndsStaysGenuine() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        String pasted = "\r\n" + new String(fixture.xml(), StandardCharsets.UTF_8).replace("\n", "\r\n") + "\r\n";

        assertThat(BulletinVerifier.verify(BulletinVerifier.fromPastedText(pasted), fixture.trusted(), DURING))
                .isInstanceOf(Verdict.Genuine.class);
    }

    private static PublishedKey withLife(PublishedKey key, Instant validUntil, Instant revokedAt, String reason) {
        return new PublishedKey(key.kid(), key.organisation(), key.publicKey(), key.validFrom(), validUntil, revokedAt, reason);
    }
}
