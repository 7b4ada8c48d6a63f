package nl.weerbaar.bulletins;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The code in a poster's QR code: what a bulletin is (id, issuer, area, times, headline, the
 * SHA-256 of its signed CAP XML) and an ECDSA signature over exactly that, with the key that
 * signed the CAP message. Small enough for a QR code, and checkable offline with the key set.
 * Form: {@code base64url(lines) "." base64url(P1363 signature)}.
 */
final class PosterCode {

    private static final String VERSION = "WB1";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private PosterCode() {}

    record Payload(UUID id, String kid, String organisation, String area, Instant sent, Instant expires,
                   String capDigest, String headline) {

        String lines() {
            // The headline goes last: it is the one field that may hold any character but a line break.
            return String.join("\n", VERSION, id.toString(), kid, organisation, area, Long.toString(sent.getEpochSecond()),
                    Long.toString(expires.getEpochSecond()), capDigest, headline.replace('\n', ' '));
        }

        static Optional<Payload> parse(String lines) {
            List<String> fields = List.of(lines.split("\n", -1));
            if (fields.size() != 9 || !fields.getFirst().equals(VERSION)) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Payload(UUID.fromString(fields.get(1)), fields.get(2), fields.get(3), fields.get(4),
                        Instant.ofEpochSecond(Long.parseLong(fields.get(5))), Instant.ofEpochSecond(Long.parseLong(fields.get(6))),
                        fields.get(7), fields.get(8)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    static String capDigest(byte[] capXml) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(capXml));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(Payload payload, PrivateKey key) {
        byte[] lines = payload.lines().getBytes(StandardCharsets.UTF_8);
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(key);
            signature.update(lines);
            return BASE64URL.encodeToString(lines) + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the poster code", e);
        }
    }

    /** Checks a poster code (or the whole link from the QR code) against the trusted keys. */
    static Verdict verify(String codeOrLink, TrustedKeys keys, Instant now) {
        String code = codeOrLink.strip();
        int query = code.indexOf("b=");
        if (query >= 0) {
            code = code.substring(query + 2).split("&", 2)[0];
        }
        String[] parts = code.split("\\.", -1);
        Optional<Payload> payload = Optional.empty();
        byte[] lines = null;
        byte[] signatureBytes = null;
        try {
            if (parts.length == 2) {
                lines = Base64.getUrlDecoder().decode(parts[0]);
                signatureBytes = Base64.getUrlDecoder().decode(parts[1]);
                // Only the one canonical encoding: unused bits in the last character must not pass as the same code.
                boolean canonical = BASE64URL.encodeToString(lines).equals(parts[0])
                        && BASE64URL.encodeToString(signatureBytes).equals(parts[1]);
                payload = canonical ? Payload.parse(new String(lines, StandardCharsets.UTF_8)) : Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            payload = Optional.empty();
        }
        if (payload.isEmpty()) {
            return new Verdict.Altered("the code on the poster is damaged or not a Weerbaar code");
        }
        Payload p = payload.get();
        Verdict.About about = new Verdict.About(CapWriter.identifier(p.id()), CapWriter.sender(p.organisation()), p.headline(),
                p.area(), p.sent(), p.expires());
        Optional<PublishedKey> key = keys.find(p.kid());
        if (key.isEmpty()) {
            return new Verdict.UnknownSigner(about, false, Verdict.UnknownSigner.SignerKind.key, p.kid(), false);
        }
        if (!validSignature(lines, signatureBytes, key.get()) || !key.get().organisation().equals(p.organisation())) {
            return new Verdict.Altered("the code on the poster does not match its signature");
        }
        return BulletinVerifier.judge(about, key.get(), keys, now);
    }

    private static boolean validSignature(byte[] lines, byte[] signatureBytes, PublishedKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(key.publicKey());
            signature.update(lines);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
