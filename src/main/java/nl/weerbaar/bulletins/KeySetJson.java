package nl.weerbaar.bulletins;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published key set as JSON, in the shape of a JWK Set (RFC 7517) with each key's
 * organisation and life added: served at {@code /.well-known/weerbaar-keys.json} and exported by
 * {@code ./weerbaar keys export} for checking bulletins offline.
 */
public final class KeySetJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeySetJson() {}

    public static Map<String, Object> document(List<PublishedKey> keys) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", "Weerbaar");
        document.put("keys", keys.stream().map(KeySetJson::entry).toList());
        return document;
    }

    static Map<String, Object> entry(PublishedKey key) {
        ECPublicKey ec = (ECPublicKey) key.publicKey();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kid", key.kid());
        entry.put("organisation", key.organisation());
        entry.put("kty", "EC");
        entry.put("crv", "P-256");
        entry.put("alg", "ES256");
        entry.put("use", "sig");
        entry.put("x", coordinate(ec.getW().getAffineX()));
        entry.put("y", coordinate(ec.getW().getAffineY()));
        entry.put("spki", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
        entry.put("validFrom", key.validFrom().toString());
        entry.put("validUntil", key.validUntil() == null ? null : key.validUntil().toString());
        entry.put("revokedAt", key.revokedAt() == null ? null : key.revokedAt().toString());
        entry.put("revocationReason", key.revocationReason());
        return entry;
    }

    /** The keys of an exported key set, and nothing else, as what a checker trusts. */
    public static TrustedKeys trusted(String json) {
        Map<String, String> names = new LinkedHashMap<>();
        JSON.readTree(json).path("organisations").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
        return TrustedKeys.of(read(json), names);
    }

    public static String write(Map<String, Object> document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** Reads a key set written by {@link #write}; each key from its SPKI, checked against its kid. */
    public static List<PublishedKey> read(String json) {
        JsonNode keys = JSON.readTree(json).path("keys");
        if (!keys.isArray()) {
            throw new IllegalArgumentException("not a Weerbaar key set: it has no \"keys\" list");
        }
        List<PublishedKey> result = new ArrayList<>();
        for (JsonNode node : keys) {
            var publicKey = PublishedKey.decodePublicKey(Base64.getDecoder().decode(node.path("spki").asString()));
            String kid = node.path("kid").asString();
            if (!PublishedKey.kidOf(publicKey).equals(kid)) {
                throw new IllegalArgumentException("key " + kid + " in the key set does not match its own public key");
            }
            result.add(new PublishedKey(kid, node.path("organisation").asString(), publicKey,
                    Instant.parse(node.path("validFrom").asString()), instant(node, "validUntil").orElse(null),
                    instant(node, "revokedAt").orElse(null), text(node, "revocationReason").orElse(null)));
        }
        return result;
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).map(Instant::parse);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    /** A P-256 coordinate as the 32 unsigned big-endian bytes a JWK expects, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
