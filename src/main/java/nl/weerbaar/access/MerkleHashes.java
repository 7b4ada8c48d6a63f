package nl.weerbaar.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashes of an RFC 9162 Merkle tree (§2.1.1), with SHA-256. Leaves and nodes differ in their first byte. */
final class MerkleHashes {

    static final int SIZE = 32;

    private MerkleHashes() {}

    /** MTH of the empty tree: the hash of nothing. */
    static byte[] empty() {
        return sha256().digest();
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(entry);
    }

    /** SHA-256(0x01 || left || right). */
    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /** The k of RFC 9162: the largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
