package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The log as an outside client checks it: only the API, the published national keys and the RFC 9162 algorithms. */
@IntegrationTest
class AuditLogApiTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    @Test
    void theTreeHeadIsPublicAndSignedWithAPublishedNationalKey() throws Exception {
        recordAndSequence("GM0363");
        ApiClient.Response response = api.get("/api/v1/audit/tree-head");
        assertThat(response.status()).isEqualTo(200);
        JsonNode head = response.json();
        long size = head.get("treeSize").asLong();
        byte[] root = Base64.getDecoder().decode(head.get("rootHash").asString());
        Instant timestamp = Instant.parse(head.get("timestamp").asString());
        byte[] signed = ("weerbaar-audit-tree-head-v1\n" + size + "\n" + java.util.HexFormat.of().formatHex(root) + "\n"
                + timestamp.toEpochMilli() + "\n").getBytes(StandardCharsets.UTF_8);

        JsonNode key = api.get("/api/v1/organisations/NL/keys").json().get("keys").valueStream()
                .filter(k -> k.get("kid").asString().equals(head.get("keyId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("the signing key is not among NL's published keys"));
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("spki").asString())));
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(publicKey);
        check.update(signed);
        assertThat(check.verify(Base64.getDecoder().decode(head.get("signature").asString()))).isTrue();

        check.initVerify(publicKey);
        check.update(("weerbaar-audit-tree-head-v1\n" + (size + 1) + signed.length).getBytes(StandardCharsets.UTF_8));
        assertThat(check.verify(Base64.getDecoder().decode(head.get("signature").asString()))).isFalse();
    }

    @Test
    void inclusionProofsVerifyAgainstSignedHeadsOfSeveralSizes() {
        List<Long> entries = List.of(recordAndSequence("GM0363"), recordAndSequence("GM0363"), recordAndSequence("GM0363"));
        List<Long> sizes = jdbc.sql("select tree_size from audit_tree_head order by tree_size desc limit 3").query(Long.class).list();
        assertThat(sizes).hasSize(3);
        for (long size : sizes) {
            byte[] root = rootOfHead(size);
            for (long seq : entries) {
                ApiClient.Response response = api.get("/api/v1/audit/entries/" + seq + "/inclusion-proof?treeSize=" + size, admin);
                JsonNode proof = response.json();
                long leafIndex = jdbc.sql("select leaf_index from audit_leaf where seq = :seq").param("seq", seq).query(Long.class).single();
                if (leafIndex >= size) {
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.header("Content-Type")).contains("application/problem+json");
                    continue;
                }
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                byte[] leafHash = MerkleHashes.leaf(proof.get("canonicalEntry").asString().getBytes(StandardCharsets.UTF_8));
                assertThat(Base64.getEncoder().encodeToString(leafHash)).isEqualTo(proof.get("leafHash").asString());
                List<byte[]> path = hashes(proof.get("auditPath"));
                assertThat(MerkleProofs.verifyInclusion(leafIndex, size, leafHash, path, root)).as(seq + " in " + size).isTrue();
                assertThat(MerkleProofs.verifyInclusion(leafIndex, size, leafHash, path, rootOfHead(sizes.getLast() == size ? sizes.getFirst() : sizes.getLast())))
                        .as("against another head").isFalse();
                assertThat(MerkleProofs.verifyInclusion(leafIndex, size, MerkleHashes.leaf(new byte[] {1}), path, root))
                        .as("another entry").isFalse();
            }
        }
    }

    @Test
    void inclusionProofsAreForAdminsWithinScope() {
        long amsterdam = recordAndSequence("GM0363");
        assertThat(api.get("/api/v1/audit/entries/" + amsterdam + "/inclusion-proof").status()).isEqualTo(401);
        String groningenAdmin = api.token(api.createUser(admin, "GM0014", "admin", "password-for-tests-1"), "password-for-tests-1");
        ApiClient.Response outside = api.get("/api/v1/audit/entries/" + amsterdam + "/inclusion-proof", groningenAdmin);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.header("Content-Type")).contains("application/problem+json");
        assertThat(api.get("/api/v1/audit/entries/" + recordAndSequence("GM0014") + "/inclusion-proof", groningenAdmin).status())
                .isEqualTo(200);
    }

    @Test
    void consistencyProofsArePublicAndVerifyBetweenSignedHeads() {
        recordAndSequence("GM0363");
        recordAndSequence("GM0363");
        recordAndSequence("GM0363");
        List<Long> sizes = jdbc.sql("select tree_size from audit_tree_head where tree_size > 0 order by tree_size desc limit 4")
                .query(Long.class).list();
        for (long first : sizes) {
            for (long second : sizes) {
                ApiClient.Response response = api.get("/api/v1/audit/consistency-proof?first=" + first + "&second=" + second);
                if (first > second) {
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("first");
                    continue;
                }
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                List<byte[]> proof = hashes(response.json().get("consistencyPath"));
                assertThat(MerkleProofs.verifyConsistency(first, second, rootOfHead(first), rootOfHead(second), proof))
                        .as(first + " to " + second).isTrue();
                if (first < second) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, rootOfHead(second), rootOfHead(second), proof))
                            .as("wrong first root").isFalse();
                }
            }
        }
        long latest = api.get("/api/v1/audit/tree-head").json().get("treeSize").asLong();
        assertThat(api.get("/api/v1/audit/consistency-proof?first=1&second=" + (latest + 1000)).status()).isEqualTo(400);
    }

    @Test
    void entriesShowTheirPlaceInTheLog() {
        long seq = recordAndSequence("GM0363");
        JsonNode item = api.get("/api/v1/audit?afterSeq=" + (seq - 1) + "&limit=1", admin).json().get("items").get(0);
        assertThat(item.get("seq").asLong()).isEqualTo(seq);
        assertThat(item.get("leafIndex").asLong()).isNotNegative();
        assertThat(item.get("leafHash").asString()).isNotBlank();
    }

    private long recordAndSequence(String area) {
        String entity = "api-" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> audit.record(Actor.SYSTEM,
                new AuditTrail.Change("test.recorded", "test", entity, area, null, Map.of("entity", entity))));
        for (int round = 0; round < 100 && !sequencer.sequence().leaseHeld(); round++) {
            pause();
        }
        return jdbc.sql("select l.seq from audit_leaf l join audit_entry e using (seq) where e.entity_id = :entity")
                .param("entity", entity).query(Long.class).single();
    }

    private byte[] rootOfHead(long size) {
        return jdbc.sql("select root_hash from audit_tree_head where tree_size = :size").param("size", size)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static List<byte[]> hashes(JsonNode array) {
        return array.valueStream().map(h -> Base64.getDecoder().decode(h.asString())).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
