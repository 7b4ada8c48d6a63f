package nl.weerbaar.access;

import java.time.Instant;

/**
 * Signs the audit log's tree heads with a key of the national organisation, and checks such
 * signatures against the published keys. Implemented where the keys live (bulletins), which
 * depends on this module and not the other way round.
 */
public interface TreeHeadSigner {

    record HeadSignature(String keyId, byte[] value) {}

    /** Signs with the national organisation's current key. Runs inside the caller's transaction. */
    HeadSignature sign(byte[] data);

    /** Whether the signature was made over the data by a national key that was in use, and not revoked, at that moment. */
    boolean verify(byte[] data, HeadSignature signature, Instant signedAt);
}
