package nl.weerbaar.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Root hashes and proofs of an RFC 9162 Merkle tree (§2.1.1 to §2.1.4), read from the hashes of
 * its complete subtrees, so the same code serves the stored tree and one rebuilt in memory.
 */
final class MerkleTree {

    /** The hash of the complete subtree of 2^level leaves that starts at leaf index * 2^level. */
    @FunctionalInterface
    interface CompleteSubtrees {
        byte[] hash(int level, long index);
    }

    private final CompleteSubtrees subtrees;

    MerkleTree(CompleteSubtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** A tree over leaf hashes held in memory: for verification, which trusts nothing stored but the entries. */
    static MerkleTree inMemory(List<byte[]> leafHashes) {
        return new MerkleTree(new CompleteSubtrees() {
            @Override
            public byte[] hash(int level, long index) {
                if (level == 0) {
                    return leafHashes.get(Math.toIntExact(index));
                }
                return MerkleHashes.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        });
    }

    /** MTH(D[0:size]). */
    byte[] rootHash(long size) {
        return size == 0 ? MerkleHashes.empty() : hash(0, size);
    }

    /** PATH(index, D[0:size]) of §2.1.3.1: the siblings from the leaf up to the root. */
    List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(first, D[0:second]) of §2.1.4.1; empty when first is 0 or equals second. */
    List<byte[]> consistencyProof(long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.split(n);
        if (index < k) {
            path(index, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(index - k, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]) for end > start, from as few complete subtrees as the range allows. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return subtrees.hash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = MerkleHashes.split(n);
        return MerkleHashes.node(hash(start, start + k), hash(start + k, end));
    }
}
