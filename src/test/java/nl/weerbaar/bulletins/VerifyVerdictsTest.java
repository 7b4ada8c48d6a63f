package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real message in the specs and every made-up one gets the verdict that is true for it,
 * judged at a fixed moment, never the day the test runs. Nothing here is called altered unless a
 * signature fails to match.
 */
class VerifyVerdictsTest {

    private final VerdictWords words = VerdictWords.fromBundles();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "ipaws-2019-signed-cancel.xml,                        unknownSigner",
            "nws-wcatwc-2013-tsunami-cancellation-update.xml,     notSigned",
            "oasis-cap12-appendixA2-severe-thunderstorm.xml,      notSigned",
            "oasis-cap12-appendixA3-earthquake-update.xml,        notSigned",
            "oasis-cap12-appendixA4-amber-alert.xml,              notSigned",
            "made-up/cap10-unsigned-winter-storm.xml,             otherCapVersion",
            "made-up/cap11-unsigned-heat-advisory.xml,            otherCapVersion",
            "made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml,       otherCapVersion",
            "made-up/cap11-seismic-rsa-sha1-altered.xml,          otherCapVersion",
            "made-up/cap12-two-signatures-rsa-sha1.xml,           weakAlgorithm",
            "made-up/cap12-certificate-chain-rsa-sha256.xml,      unknownSigner",
            "made-up/cap12-lapsed-certificate-rsa-sha256.xml,     unknownSigner",
            "made-up/doctype-external-entities.xml,               unsafeXml",
            "made-up/not-cap-atom-feed.xml,                       notCap",
            "made-up/truncated-thunderstorm.xml,                  unreadableXml"})
    void everyMessageGetsTheVerdictThatIsTrue(String file, String verdict) {
        Verdict found = BulletinVerifier.verify(CapExamples.read(file), CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(found.code()).as(words.english(found)).isEqualTo(verdict);
        assertThat(found.trusted()).isFalse();
        assertThat(words.english(found)).doesNotStartWith("Altered");
    }

    @Test
    void aCap11MessageSignedWithRsaSha1InIso88591IsNamedWithItsWeakButMatchingSignature() {
        Verification verification = BulletinVerifier.check(CapExamples.read("made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(verification.capVersion()).isEqualTo("1.1");
        assertThat(verification.verdict()).isInstanceOfSatisfying(Verdict.OtherCapVersion.class, other -> {
            assertThat(other.version()).isEqualTo("1.1");
            assertThat(other.about().headline()).as("read in its own encoding").isEqualTo("Séisme de magnitude 4,1 près de Trois-Rivières");
            assertThat(other.signature()).isInstanceOfSatisfying(Verdict.WeakAlgorithm.class, weak -> {
                assertThat(weak.matches()).isTrue();
                assertThat(weak.algorithm()).isEqualTo("RSA-SHA1");
                assertThat(weak.signer()).contains("CN=Seismic Alert Signer");
            });
        });
        assertThat(words.english(verification.verdict())).startsWith("Other CAP version: this is a CAP 1.1 message, not CAP 1.2.")
                .contains("Weak signature: it uses RSA-SHA1, an algorithm that is no longer safe. It matches the content");
        assertThat(words.dutch(verification.verdict())).startsWith("Andere CAP-versie: dit is een CAP 1.1-bericht")
                .contains("Zwakke handtekening", "klopt met de inhoud");
    }

    @Test
    void pastedIso88591TextIsReadInItsOwnEncodingSoItsSignatureStillMatches() {
        String pasted = new String(CapExamples.read("made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml"), StandardCharsets.ISO_8859_1)
                .replace("\n", "\r\n");

        Verdict verdict = BulletinVerifier.verify(BulletinVerifier.fromPastedText(pasted), CapExamples.NO_KEYS,
                CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(words.english(verdict)).contains("It matches the content");
    }

    @Test
    void theSameMessageChangedAfterSigningSaysItsWeakSignatureDoesNotMatch() {
        Verdict verdict = BulletinVerifier.verify(CapExamples.read("made-up/cap11-seismic-rsa-sha1-altered.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.OtherCapVersion.class, other -> assertThat(other.signature())
                .isInstanceOfSatisfying(Verdict.WeakAlgorithm.class, weak -> assertThat(weak.matches()).isFalse()));
        assertThat(words.english(verdict)).contains("does not match the content");
    }

    @Test
    void twoEnvelopedSignaturesAreEachCheckedOnTheMessageAsItWasWhenTheySigned() {
        Verification verification = BulletinVerifier.check(CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(verification.signatures()).hasSize(2);
        assertThat(verification.signatures()).allSatisfy(line -> {
            assertThat(line.weakAlgorithm()).isTrue();
            assertThat(line.verdict()).isInstanceOfSatisfying(Verdict.WeakAlgorithm.class, weak -> assertThat(weak.matches()).isTrue());
        });
        assertThat(verification.signatures().get(0).signer()).contains("CN=Provincial Alert Issuer");
        assertThat(verification.signatures().get(1).signer()).contains("CN=Alert Aggregator");
        assertThat(verification.verdict()).isInstanceOf(Verdict.WeakAlgorithm.class);
    }

    @Test
    void aChangeAfterBothSignaturesBreaksBoth() {
        byte[] changed = new String(CapExamples.read("made-up/cap12-two-signatures-rsa-sha1.xml"), StandardCharsets.UTF_8)
                .replace("Take extra care", "No need to take care").getBytes(StandardCharsets.UTF_8);

        Verification verification = BulletinVerifier.check(changed, CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(verification.signatures()).allSatisfy(line -> assertThat(line.verdict())
                .isInstanceOfSatisfying(Verdict.WeakAlgorithm.class, weak -> assertThat(weak.matches()).isFalse()));
    }

    @Test
    void unsignedOlderVersionsAreNamedAndNotSigned() {
        Verdict cap10 = BulletinVerifier.verify(CapExamples.read("made-up/cap10-unsigned-winter-storm.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);
        Verdict cap11 = BulletinVerifier.verify(CapExamples.read("made-up/cap11-unsigned-heat-advisory.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(words.english(cap10)).startsWith("Other CAP version: this is a CAP 1.0 message").contains("Not signed");
        assertThat(words.english(cap11)).startsWith("Other CAP version: this is a CAP 1.1 message").contains("Not signed");
        assertThat(words.dutch(cap11)).contains("Niet ondertekend");
        assertThat(cap11).isInstanceOfSatisfying(Verdict.OtherCapVersion.class, other -> assertThat(other.about().headline())
                .isEqualTo("Heat advisory until Wednesday 8 PM"));
    }

    @Test
    void theSignedIpawsExampleIsIntactByAnUntrustedCertificateThatHasSinceExpired() {
        Verification verification = BulletinVerifier.check(CapExamples.read("ipaws-2019-signed-cancel.xml"),
                CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(verification.signatures()).singleElement().satisfies(line -> {
            assertThat(line.algorithm()).isEqualTo("RSA-SHA256");
            assertThat(line.weakAlgorithm()).isFalse();
        });
        assertThat(words.english(verification.verdict())).contains("the signature is valid", "CN=IPAWSOPEN_200302", "certificate has also expired");
    }

    @Test
    void aDoctypeIsRefusedAndNothingItNamesIsFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String attack = new String(CapExamples.read("made-up/doctype-external-entities.xml"), StandardCharsets.UTF_8)
                    .replace("http://198.51.100.7", base);
            String externalSubset = "<?xml version=\"1.0\"?><!DOCTYPE alert SYSTEM \"" + base + "/cap.dtd\">"
                    + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier></alert>";

            Verdict withEntities = BulletinVerifier.verify(attack.getBytes(StandardCharsets.UTF_8), CapExamples.NO_KEYS,
                    CapExamples.WHILE_MADE_UP_IN_FORCE);
            Verdict withExternalSubset = BulletinVerifier.verify(externalSubset.getBytes(StandardCharsets.UTF_8), CapExamples.NO_KEYS,
                    CapExamples.WHILE_MADE_UP_IN_FORCE);

            assertThat(withEntities).isInstanceOf(Verdict.UnsafeXml.class);
            assertThat(withExternalSubset).isInstanceOf(Verdict.UnsafeXml.class);
            assertThat(words.english(withEntities)).contains("refused unread", "nothing it points to was fetched");
            assertThat(fetched).as("requests to the attacker's server").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    /** Secure validation is off for SHA-1 signatures only; the guard must still keep the checker from following a URI. */
    @Test
    void aWeakSignaturePointingOutsideTheMessageIsNotFollowed() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        server.start();
        try {
            byte[] pointing = new String(CapExamples.read("made-up/cap11-seismic-rsa-sha1-iso-8859-1.xml"), StandardCharsets.ISO_8859_1)
                    .replace("<ds:Reference URI=\"\">", "<ds:Reference URI=\"http://127.0.0.1:" + server.getAddress().getPort() + "/x\">")
                    .getBytes(StandardCharsets.ISO_8859_1);

            Verdict verdict = BulletinVerifier.verify(pointing, CapExamples.NO_KEYS, CapExamples.WHILE_MADE_UP_IN_FORCE);

            assertThat(verdict).isInstanceOfSatisfying(Verdict.OtherCapVersion.class, other -> assertThat(other.signature())
                    .isInstanceOfSatisfying(Verdict.UnknownSigner.class, unknown -> assertThat(unknown.intact()).isFalse()));
            assertThat(fetched).as("requests made by the checker").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFeedIsNotCapAndCutOffTextIsUnreadableNotAltered() {
        Verdict feed = BulletinVerifier.verify(CapExamples.read("made-up/not-cap-atom-feed.xml"), CapExamples.NO_KEYS,
                CapExamples.WHILE_MADE_UP_IN_FORCE);
        Verdict cutOff = BulletinVerifier.verify(CapExamples.read("made-up/truncated-thunderstorm.xml"), CapExamples.NO_KEYS,
                CapExamples.WHILE_MADE_UP_IN_FORCE);

        assertThat(words.english(feed)).startsWith("Not CAP: this is XML, but not a CAP alert (it is <feed> in http://www.w3.org/2005/Atom)");
        assertThat(words.english(cutOff)).startsWith("Unreadable: this is not complete, readable XML");
        assertThat(words.dutch(cutOff)).startsWith("Onleesbaar");
    }

    @Test
    void withAnotherPartysSignatureBesideOursTheVerdictFollowsOurTrustedOne() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        byte[] passedOn = ForeignSignature.append(fixture.xml());

        Verification verification = BulletinVerifier.check(passedOn, fixture.trusted(), fixture.sent().plusSeconds(3600));

        assertThat(verification.verdict()).isInstanceOf(Verdict.Genuine.class);
        assertThat(verification.signatures()).extracting(line -> line.verdict().code()).containsExactly("genuine", "unknownSigner");
        assertThat(verification.signatures().get(0).signer()).isEqualTo("Gemeente Amsterdam (key " + fixture.key().kid() + ")");
    }

    @Test
    void aChangeAfterBothSignaturesIsAlteredEvenBesideATrustedOne() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        byte[] changed = new String(ForeignSignature.append(fixture.xml()), StandardCharsets.UTF_8)
                .replace("Kook drinkwater voor gebruik", "Drink geen kraanwater meer").getBytes(StandardCharsets.UTF_8);

        Verification verification = BulletinVerifier.check(changed, fixture.trusted(), fixture.sent().plusSeconds(3600));

        assertThat(verification.verdict()).isInstanceOf(Verdict.Altered.class);
        assertThat(verification.signatures()).extracting(line -> line.verdict().code()).containsExactly("altered", "altered");
    }
}
