package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Against the RFC 6962/9162 reference vectors (as in transparency-dev/merkle and Trillian), then every shape up to 70 leaves. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> REFERENCE_ENTRIES = hex("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final List<byte[]> referenceLeaves = REFERENCE_ENTRIES.stream().map(MerkleHashes::leaf).toList();
    private final MerkleTree reference = MerkleTree.inMemory(referenceLeaves);

    @Test
    void rootsMatchTheReferenceForEverySize() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(reference.rootHash(size))).as("size " + size).isEqualTo(REFERENCE_ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsMatchTheReference() {
        assertThat(hexOf(reference.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexOf(reference.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(reference.inclusionProof(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheReference() {
        assertThat(hexOf(reference.consistencyProof(2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexOf(reference.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexOf(reference.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        List<byte[]> leaves = leaves(70);
        MerkleTree tree = MerkleTree.inMemory(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = tree.rootHash(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                String at = index + " of " + size;
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root)).as(at).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get((index + 1) % 70), proof, root)).as("other leaf " + at).isFalse();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, tree.rootHash(size - 1))).as("other root " + at).isFalse();
                if (size > 1) {
                    assertThat(MerkleProofs.verifyInclusion(index ^ 1, size, leaves.get(index), proof, root)).as("other index " + at).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), flipped(proof), root)).as("flipped " + at).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof.subList(0, proof.size() - 1), root)).as("short " + at).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(leaves.get(0));
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), longer, root)).as("long " + at).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoWrongOneDoes() {
        List<byte[]> leaves = leaves(70);
        MerkleTree tree = MerkleTree.inMemory(leaves);
        for (int second = 0; second <= leaves.size(); second++) {
            for (int first = 0; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                byte[] firstRoot = tree.rootHash(first);
                byte[] secondRoot = tree.rootHash(second);
                String at = first + " to " + second;
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof)).as(at).isTrue();
                if (first > 0 && first < second) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, tree.rootHash(first - 1), secondRoot, proof)).as("other first root " + at).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, tree.rootHash(second - 1), proof)).as("other second root " + at).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, flipped(proof))).as("flipped " + at).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof.subList(0, proof.size() - 1))).as("short " + at).isFalse();
                }
            }
        }
        assertThat(MerkleProofs.verifyConsistency(5, 3, tree.rootHash(5), tree.rootHash(3), List.of())).isFalse();
    }

    @Test
    void aTreeThatDoesNotExtendAnotherHasNoValidProof() {
        List<byte[]> rewritten = new ArrayList<>(leaves(20));
        rewritten.set(3, MerkleHashes.leaf(new byte[] {9, 9}));
        MerkleTree original = MerkleTree.inMemory(leaves(20));
        MerkleTree forged = MerkleTree.inMemory(rewritten);
        assertThat(MerkleProofs.verifyConsistency(8, 20, original.rootHash(8), forged.rootHash(20), forged.consistencyProof(8, 20))).isFalse();
    }

    @Test
    void refusesProofsOutsideTheTree() {
        assertThatThrownBy(() -> reference.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reference.consistencyProof(5, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> leaves(int count) {
        return IntStream.range(0, count).mapToObj(i -> MerkleHashes.leaf(new byte[] {(byte) i, (byte) (i * 7)})).toList();
    }

    private static List<byte[]> flipped(List<byte[]> proof) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] last = copy.getLast().clone();
        last[7] ^= 1;
        copy.set(copy.size() - 1, last);
        return copy;
    }

    private static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static List<String> hexOf(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
