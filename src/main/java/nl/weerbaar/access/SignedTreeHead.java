package nl.weerbaar.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the log commits to at one moment: its size and Merkle root, when, and the national
 * signature over those three. Anyone who keeps a head can later ask the log to prove it still
 * extends it.
 *
 * @param timestamp to the millisecond, so the head survives a trip through JSON unchanged
 */
public record SignedTreeHead(long treeSize, byte[] rootHash, Instant timestamp, String keyId, byte[] signature) {

    /** The bytes that are signed: a fixed, versioned text, so other tools can rebuild them. */
    public static byte[] signedBytes(long treeSize, byte[] rootHash, Instant timestamp) {
        return ("weerbaar-audit-tree-head-v1\n" + treeSize + "\n" + HexFormat.of().formatHex(rootHash) + "\n"
                + timestamp.toEpochMilli() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, timestamp);
    }

    TreeHeadSigner.HeadSignature signed() {
        return new TreeHeadSigner.HeadSignature(keyId, signature);
    }

    /** The head as the API shows it and as {@code audit verify --head} reads it back. */
    public record Json(long treeSize, String rootHash, String timestamp, String keyId, String signature) {

        SignedTreeHead toHead() {
            return new SignedTreeHead(treeSize, Base64.getDecoder().decode(rootHash), Instant.parse(timestamp), keyId,
                    Base64.getDecoder().decode(signature));
        }
    }

    public Json toJson() {
        return new Json(treeSize, Base64.getEncoder().encodeToString(rootHash), timestamp.toString(), keyId,
                Base64.getEncoder().encodeToString(signature));
    }
}
