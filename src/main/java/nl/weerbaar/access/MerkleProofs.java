package nl.weerbaar.access;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The verification algorithms of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), as written there. */
final class MerkleProofs {

    private MerkleProofs() {}

    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash) {
        if (leafIndex < 0 || leafIndex >= treeSize || !wellFormed(leafHash, rootHash, proof)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (firstSize < 0 || firstSize > secondSize || !wellFormed(firstRoot, secondRoot, proof)) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            // Every tree extends the empty one; RFC 9162 defines no proof for it.
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHashes.empty());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        // When first is an exact power of two, the first tree's root is the first node of the path.
        if (Long.bitCount(firstSize) == 1) {
            path = new ArrayList<>(proof);
            path.addFirst(firstRoot);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(byte[] a, byte[] b, List<byte[]> proof) {
        return a != null && a.length == MerkleHashes.SIZE && b != null && b.length == MerkleHashes.SIZE
                && proof.stream().allMatch(p -> p != null && p.length == MerkleHashes.SIZE);
    }
}
