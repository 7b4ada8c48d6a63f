package nl.weerbaar.bulletins;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The public half of an organisation's signing key with its life: valid from, valid until (when
 * rotated out) and revoked at (when compromised). This is what anyone needs to check a bulletin.
 */
public record PublishedKey(String kid, String organisation, PublicKey publicKey, Instant validFrom,
                           Instant validUntil, Instant revokedAt, String revocationReason) {

    /** The key id: the first 16 hex digits of the SHA-256 of the public key (SubjectPublicKeyInfo). */
    public static String kidOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey decodePublicKey(byte[] subjectPublicKeyInfo) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
    }

    /** Whether the key was in use at that moment: not before it started, not after it was rotated out. */
    public boolean inUseAt(Instant moment) {
        return !moment.isBefore(validFrom) && (validUntil == null || !moment.isAfter(validUntil));
    }

    /** Whether something signed at that moment falls after the key was revoked. */
    public boolean revokedAt(Instant moment) {
        return revokedAt != null && !moment.isBefore(revokedAt);
    }
}
