package nl.weerbaar.bulletins;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "is this bulletin real?" ({@link VerdictWords} puts it in plain words, Dutch or English). Only
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

    default boolean trusted() {
        return this instanceof Genuine;
    }

    /** What the bulletin says about itself; null fields where it could not be read. */
    record About(String identifier, String sender, String headline, String area, Instant sent, Instant expires) {}

    /** Signed by a known organisation with a key valid at the time; {@code withdrawn} tells of a later revocation, or is null. */
    record Genuine(About about, String organisation, String organisationName, String kid, Withdrawal withdrawn) implements Verdict {
        public String code() {
            return "genuine";
        }
    }

    /** A key revoked, or the trust in another authority withdrawn ({@code trustAnchor}), after the bulletin was signed. */
    record Withdrawal(boolean trustAnchor, Instant from, String reason) {}

    /** The bytes no longer match the signature, or are not a whole signed message. */
    record Altered(String reason) implements Verdict {
        public String code() {
            return "altered";
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
    }

    /** Signed with a key that was revoked, or no longer in use, at the time of signing. */
    record Revoked(About about, String organisation, String kid, Instant keyInvalidFrom, String reason) implements Verdict {
        public String code() {
            return "revoked";
        }
    }

    /** Genuine, but its time is over: it is no longer in force. */
    record Expired(About about, String organisationName) implements Verdict {
        public String code() {
            return "expired";
        }
    }

    /** A CAP message without a signature: anyone could have written it. */
    record NotSigned(About about) implements Verdict {
        public String code() {
            return "notSigned";
        }
    }

    /** Signed by another authority trusted here, but about an area it may not speak for. */
    record OutsideScope(About about, String authority, List<String> trustedFor, List<String> messageAreas) implements Verdict {
        public String code() {
            return "outsideScope";
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
    }

    /** Well-formed XML, but no CAP alert: {@code root} names what it is instead. */
    record NotCap(String root) implements Verdict {
        public String code() {
            return "notCap";
        }
    }

    /** The file declares a DOCTYPE, the way entity attacks come in: refused unread, nothing it names fetched. */
    record UnsafeXml() implements Verdict {
        public String code() {
            return "unsafeXml";
        }
    }

    /** Not complete, well-formed XML: damaged, cut off while copying, or not XML at all. */
    record UnreadableXml(String reason) implements Verdict {
        public String code() {
            return "unreadableXml";
        }
    }
}
