package nl.weerbaar.bulletins;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published key set as JSON, in the shape of a JWK Set (RFC 7517) with each key's
 * organisation and life added, and the trust anchors of other authorities beside it: served at {@code /.well-known/weerbaar-keys.json} and exported by
 * {@code ./weerbaar keys export} for checking bulletins offline.
 */
final class KeySetJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeySetJson() {}

    /** Our own keys, and the other authorities trusted here with the areas they may speak for. */
    public static Map<String, Object> document(List<PublishedKey> keys, List<TrustAnchor> anchors) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", "Weerbaar");
        document.put("keys", keys.stream().map(KeySetJson::entry).toList());
        document.put("trustAnchors", anchors.stream().map(KeySetJson::anchorEntry).toList());
        return document;
    }

    /** A trust anchor: its certificate (base64 DER) or bare key (SPKI), validity, areas and what they cover. */
    static Map<String, Object> anchorEntry(TrustAnchor anchor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", anchor.id().toString());
        entry.put("name", anchor.name());
        entry.put("kind", anchor.certificate().isPresent() ? "certificate" : "publicKey");
        entry.put("kid", anchor.kid());
        entry.put("subject", anchor.certificate().map(c -> c.getSubjectX500Principal().getName()).orElse(null));
        entry.put("certificate", anchor.certificate().map(KeySetJson::der).orElse(null));
        entry.put("spki", Base64.getEncoder().encodeToString(anchor.publicKey().getEncoded()));
        entry.put("areas", anchor.areas());
        entry.put("covers", List.copyOf(anchor.covers()));
        entry.put("validFrom", anchor.validFrom().toString());
        entry.put("validUntil", anchor.validUntil() == null ? null : anchor.validUntil().toString());
        entry.put("revokedAt", anchor.revokedAt() == null ? null : anchor.revokedAt().toString());
        entry.put("revocationReason", anchor.revocationReason());
        return entry;
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

    /** The keys and trust anchors of an exported key set, and nothing else, as what a checker trusts. */
    public static TrustedKeys trusted(String json) {
        Map<String, String> names = new LinkedHashMap<>();
        JSON.readTree(json).path("organisations").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
        return TrustedKeys.of(read(json), names, readAnchors(json));
    }

    /** The trust anchors of a key set; each certificate or key checked against the kid written beside it. */
    static List<TrustAnchor> readAnchors(String json) {
        List<TrustAnchor> anchors = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json).path("trustAnchors")) {
            try {
                Optional<X509Certificate> certificate = text(node, "certificate").map(b -> Base64.getDecoder().decode(b))
                        .map(KeySetJson::certificate);
                PublicKey key = certificate.isPresent() ? certificate.get().getPublicKey()
                        : AnchorMaterial.publicKey(Base64.getDecoder().decode(node.path("spki").asString()));
                String kid = node.path("kid").asString();
                if (!PublishedKey.kidOf(key).equals(kid)) {
                    throw new IllegalArgumentException("trust anchor " + kid + " in the key set does not match its own key");
                }
                anchors.add(new TrustAnchor(UUID.fromString(node.path("id").asString()), node.path("name").asString(), certificate, key,
                        strings(node.path("areas")), new TreeSet<>(strings(node.path("covers"))),
                        Instant.parse(node.path("validFrom").asString()), instant(node, "validUntil").orElse(null),
                        instant(node, "revokedAt").orElse(null), text(node, "revocationReason").orElse(null)));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("a trust anchor in the key set cannot be read: " + e.getMessage(), e);
            }
        }
        return anchors;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return AnchorMaterial.certificate(der);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a trust anchor's certificate in the key set cannot be read", e);
        }
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate that was read cannot be written again", e);
        }
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
