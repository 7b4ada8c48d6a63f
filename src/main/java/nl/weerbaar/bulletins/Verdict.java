package nl.weerbaar.bulletins;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.system.ApplicationClock;

/**
 * The answer to "is this bulletin real?", in plain words in Dutch and English. Only
 * {@link Genuine} means: signed by the organisation named, with a key that was valid then, and
 * not changed since. Every other verdict says what is known and no more: an unsigned message or
 * an unknown signer is not called a forgery.
 */
sealed interface Verdict permits Verdict.Genuine, Verdict.Altered, Verdict.UnknownSigner, Verdict.Revoked,
        Verdict.Expired, Verdict.NotSigned, Verdict.OutsideScope, Verdict.WeakAlgorithm, Verdict.OtherCapVersion, Verdict.NotCap,
        Verdict.UnsafeXml, Verdict.UnreadableXml {

    /**
     * Short code for programs: genuine, expired, revoked, outsideScope, altered, unknownSigner,
     * weakAlgorithm, notSigned, otherCapVersion, notCap, unsafeXml, unreadableXml.
     */
    String code();

    String dutch();

    String english();

    default String explain(Locale locale) {
        return "en".equals(locale.getLanguage()) ? english() : dutch();
    }

    default boolean trusted() {
        return this instanceof Genuine;
    }

    /** What the bulletin says about itself; null fields where it could not be read. */
    record About(String identifier, String sender, String headline, String area, Instant sent, Instant expires) {}

    /** Signed by a known organisation with a key valid at the time; {@code note} tells of a later revocation. */
    record Genuine(About about, String organisation, String organisationName, String kid, String note) implements Verdict {
        public String code() {
            return "genuine";
        }

        public String dutch() {
            return "Echt: uitgegeven door " + organisationName + " op " + Words.dutch(about.sent())
                    + ", en sindsdien niet veranderd." + (note == null ? "" : " Let op: de sleutel is later ingetrokken ("
                    + note + "); dit bericht is daarvóór ondertekend en blijft geldig.");
        }

        public String english() {
            return "Genuine: issued by " + organisationName + " on " + Words.english(about.sent())
                    + ", and not changed since." + (note == null ? "" : " Note: the key was revoked later (" + note
                    + "); this bulletin was signed before that and stays valid.");
        }
    }

    /** The bytes no longer match the signature, or are not a whole signed message. */
    record Altered(String reason) implements Verdict {
        public String code() {
            return "altered";
        }

        public String dutch() {
            // The reason is technical English; a Dutch page says what it means without it.
            return "Veranderd: dit is niet het bericht zoals het ondertekend is. Vertrouw het niet.";
        }

        public String english() {
            return "Altered: this is not the bulletin as it was signed. Do not trust it. (" + reason + ")";
        }
    }

    /**
     * Signed, but by no organisation known here; {@code intact} tells whether the signature itself
     * holds. The signer is a certificate (its subject) or a bare key (its id), or not named at all.
     */
    record UnknownSigner(About about, boolean intact, SignerKind signerKind, String signer, boolean certificateExpired)
            implements Verdict {

        public enum SignerKind { certificate, key }

        public String code() {
            return "unknownSigner";
        }

        public String dutch() {
            return "Onbekende afzender: de handtekening " + (intact ? "klopt" : "is niet te controleren")
                    + ", maar is gezet met " + (signerKind == SignerKind.certificate ? "het certificaat " : "de sleutel ") + signer
                    + ", die hier niet als officiële afzender bekend is."
                    + (certificateExpired ? " Het certificaat is bovendien verlopen." : "") + " Vertrouw het niet zonder meer.";
        }

        public String english() {
            return "Unknown signer: the signature " + (intact ? "is valid" : "cannot be checked") + ", but it was made with "
                    + (signerKind == SignerKind.certificate ? "the certificate " : "the key ") + signer
                    + ", which is not known here as an official sender."
                    + (certificateExpired ? " The certificate has also expired." : "") + " Do not simply trust it.";
        }
    }

    /** Signed with a key that was revoked, or no longer in use, at the time of signing. */
    record Revoked(About about, String organisation, String kid, Instant keyInvalidFrom, String reason) implements Verdict {
        public String code() {
            return "revoked";
        }

        public String dutch() {
            return "Ingetrokken sleutel: ondertekend op " + Words.dutch(about.sent()) + " met sleutel " + kid + " van "
                    + organisation + ", die vanaf " + Words.dutch(keyInvalidFrom) + " niet meer geldig was (" + reason
                    + "). Vertrouw het niet.";
        }

        public String english() {
            return "Revoked key: signed on " + Words.english(about.sent()) + " with key " + kid + " of " + organisation
                    + ", which was no longer valid from " + Words.english(keyInvalidFrom) + " (" + reason + "). Do not trust it.";
        }
    }

    /** Genuine, but its time is over: it is no longer in force. */
    record Expired(About about, String organisationName) implements Verdict {
        public String code() {
            return "expired";
        }

        public String dutch() {
            return "Verlopen: echt bericht van " + organisationName + ", maar het gold tot " + Words.dutch(about.expires())
                    + " en is niet meer van kracht.";
        }

        public String english() {
            return "Expired: a genuine bulletin from " + organisationName + ", but it applied until "
                    + Words.english(about.expires()) + " and is no longer in force.";
        }
    }

    /** A CAP message without a signature: anyone could have written it. */
    record NotSigned(About about) implements Verdict {
        public String code() {
            return "notSigned";
        }

        public String dutch() {
            return "Niet ondertekend: iedereen kan dit bericht geschreven hebben. Het is niet als officieel te controleren.";
        }

        public String english() {
            return "Not signed: anyone could have written this. It cannot be checked as official.";
        }
    }

    /** Signed by another authority trusted here, but about an area it may not speak for. */
    record OutsideScope(About about, String authority, List<String> trustedFor, List<String> messageAreas) implements Verdict {
        public String code() {
            return "outsideScope";
        }

        public String dutch() {
            return "Buiten zijn gebied: ondertekend door " + authority + ", dat hier vertrouwd wordt voor " + String.join(", ", trustedFor)
                    + ", maar dit bericht gaat (ook) over " + String.join(", ", messageAreas) + ". Daar spreekt " + authority
                    + " niet officieel. Vertrouw het niet zonder meer.";
        }

        public String english() {
            return "Outside its area: signed by " + authority + ", trusted here for " + String.join(", ", trustedFor)
                    + ", but this message is (also) about " + String.join(", ", messageAreas) + ", where " + authority
                    + " does not speak officially. Do not simply trust it.";
        }
    }

    /**
     * Signed with SHA-1 (RSA-SHA1, DSA-SHA1, ECDSA-SHA1 or a SHA-1 digest): collisions for SHA-1
     * can be bought, so even a matching signature proves little. Says whether it matches, and who
     * signed, so a resident learns what is known without being told the sender forged it.
     */
    record WeakAlgorithm(About about, String algorithm, boolean matches, String signer) implements Verdict {
        public String code() {
            return "weakAlgorithm";
        }

        public String dutch() {
            return "Zwakke handtekening: de handtekening gebruikt " + algorithm + ", een methode die niet meer veilig is. Ze "
                    + (matches ? "klopt met de inhoud" : "klopt niet met de inhoud") + " (ondertekend door " + signer
                    + "), maar dat bewijst niet dat het bericht echt is. Vertrouw het niet zonder meer.";
        }

        public String english() {
            return "Weak signature: it uses " + algorithm + ", an algorithm that is no longer safe. It "
                    + (matches ? "matches the content" : "does not match the content") + " (signed by " + signer
                    + "), but that does not prove the message is genuine. Do not simply trust it.";
        }
    }

    /**
     * A CAP message of an older version (1.0 or 1.1): read and named, with what its signature
     * says. Only verdicts that are not decided by a trusted signer end up here: a genuine or
     * altered message is that, whatever its version.
     */
    record OtherCapVersion(About about, String version, Verdict signature) implements Verdict {
        public String code() {
            return "otherCapVersion";
        }

        public String dutch() {
            return "Andere CAP-versie: dit is een CAP " + version + "-bericht, geen CAP 1.2. " + signature.dutch();
        }

        public String english() {
            return "Other CAP version: this is a CAP " + version + " message, not CAP 1.2. " + signature.english();
        }
    }

    /** Well-formed XML, but no CAP alert: {@code root} names what it is instead. */
    record NotCap(String root) implements Verdict {
        public String code() {
            return "notCap";
        }

        public String dutch() {
            return "Geen CAP-bericht: dit is XML, maar geen waarschuwing in CAP (het is " + root
                    + "). Het is niet als officieel bericht te controleren.";
        }

        public String english() {
            return "Not CAP: this is XML, but not a CAP alert (it is " + root + "). It cannot be checked as an official message.";
        }
    }

    /** The file declares a DOCTYPE, the way entity attacks come in: refused unread, nothing it names fetched. */
    record UnsafeXml() implements Verdict {
        public String code() {
            return "unsafeXml";
        }

        public String dutch() {
            return "Onveilige XML: het bestand bevat een DOCTYPE-declaratie, waarmee aanvallen op computers worden gedaan. "
                    + "Het is geweigerd en niet gelezen; niets waarnaar het verwijst is opgehaald. Een echt CAP-bericht bevat dit nooit.";
        }

        public String english() {
            return "Unsafe XML: the file declares a DOCTYPE, which is how attacks on computers are made. It was refused unread; "
                    + "nothing it points to was fetched. A real CAP message never contains one.";
        }
    }

    /** Not complete, well-formed XML: damaged, cut off while copying, or not XML at all. */
    record UnreadableXml(String reason) implements Verdict {
        public String code() {
            return "unreadableXml";
        }

        public String dutch() {
            return "Onleesbaar: dit is geen volledige, leesbare XML. Misschien is het beschadigd of bij het kopiëren afgebroken; "
                    + "controleer of u het hele bericht heeft.";
        }

        public String english() {
            return "Unreadable: this is not complete, readable XML. It may be damaged or cut off while copying; "
                    + "check that you have the whole message. (" + reason + ")";
        }
    }

    /** Dates as people read them, in Dutch time. */
    final class Words {
        private Words() {}

        static String dutch(Instant instant) {
            return instant == null ? "een onbekend moment" : DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", Locale.forLanguageTag("nl"))
                    .format(instant.atZone(ApplicationClock.NETHERLANDS));
        }

        static String english(Instant instant) {
            return instant == null ? "an unknown moment" : DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH)
                    .format(instant.atZone(ApplicationClock.NETHERLANDS)) + " (Dutch time)";
        }
    }
}
