package nl.weerbaar.bulletins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts private signing keys at rest with AES-256-GCM. The master key comes from
 * {@code weerbaar.bulletins.master-key} (environment: {@code WEERBAAR_BULLETINS_MASTER_KEY}), base64 of 32
 * bytes; without one, a random key is created once in {@code <data-dir>/keys/master.key}, readable
 * by the owner only. There is no built-in default: a key everyone knows protects nothing.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    MasterKey(@Value("${weerbaar.bulletins.master-key:}") String configured,
              @Value("${weerbaar.data-dir:./data}") String dataDir) {
        this.key = new SecretKeySpec(configured.isBlank() ? fromFile(Path.of(dataDir, "keys", "master.key")) : decode(configured), "AES");
    }

    /** Nonce followed by ciphertext and tag; the key id is bound in as associated data, so a row's key cannot be swapped for another's. */
    byte[] encrypt(byte[] plain, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, kid).doFinalUnchecked(plain);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    byte[] decrypt(byte[] stored, String kid) {
        byte[] nonce = Arrays.copyOfRange(stored, 0, NONCE_BYTES);
        return cipher(Cipher.DECRYPT_MODE, nonce, kid).doFinalUnchecked(Arrays.copyOfRange(stored, NONCE_BYTES, stored.length));
    }

    private record GcmCipher(Cipher cipher) {
        byte[] doFinalUnchecked(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a private signing key cannot be decrypted: is this the master key it was stored with?", e);
            }
        }
    }

    private GcmCipher cipher(int mode, byte[] nonce, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new GcmCipher(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("weerbaar.bulletins.master-key must be base64 of 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            log.warn("No weerbaar.bulletins.master-key configured: generated one in {} (keep a copy: without it the "
                    + "stored signing keys cannot be used)", file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }
}
