package nl.weerbaar.bulletins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.weerbaar.system.StartRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts private signing keys at rest with AES-256-GCM under one master key, base64 of 32 bytes,
 * from {@code WEERBAAR_MASTER_KEY} or from the file named by {@code WEERBAAR_MASTER_KEY_FILE} (a
 * mounted secret); {@code WEERBAAR_BULLETINS_MASTER_KEY} is the older name of the first. Every
 * instance on one database must hold the same key, so on a PostgreSQL server a configured key is
 * required. Only the single-instance embedded default makes one itself, once, in
 * {@code <data-dir>/keys/master.key} (owner only). There is no built-in default: a key everyone
 * knows protects nothing.
 */
@Component
class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the key came from: configured, or the embedded default's own file (which rotation replaces). */
    sealed interface Source {
        record Configured(String setting) implements Source {}

        record DataFolderFile(Path file) implements Source {}
    }

    private final SecretKey key;
    private final Source source;

    @Autowired
    MasterKey(@Value("${weerbaar.master-key:${weerbaar.bulletins.master-key:}}") String configured,
              @Value("${weerbaar.master-key-file:}") String configuredFile,
              @Value("${weerbaar.db.url:}") String databaseUrl,
              @Value("${weerbaar.data-dir:./data}") String dataDir) {
        if (!configured.isBlank() && !configuredFile.isBlank()) {
            throw new StartRefusedException("Both WEERBAAR_MASTER_KEY and WEERBAAR_MASTER_KEY_FILE are set: set one of them, "
                    + "so that it is clear which master key opens the signing keys.");
        }
        if (!configuredFile.isBlank()) {
            this.key = aes(readKeyFile(Path.of(configuredFile)));
            this.source = new Source.Configured("WEERBAAR_MASTER_KEY_FILE=" + configuredFile);
        } else if (!configured.isBlank()) {
            this.key = aes(decode(configured, "WEERBAAR_MASTER_KEY"));
            this.source = new Source.Configured("WEERBAAR_MASTER_KEY");
        } else if (!databaseUrl.isBlank()) {
            throw new StartRefusedException("Weerbaar on a PostgreSQL server (WEERBAAR_DB_URL) needs the master key that every "
                    + "instance shares: set WEERBAAR_MASTER_KEY to base64 of 32 random bytes (head -c 32 /dev/urandom | base64), "
                    + "or WEERBAAR_MASTER_KEY_FILE to a file holding it, such as a mounted secret.");
        } else {
            Path file = Path.of(dataDir, "keys", "master.key");
            this.key = aes(fromDataFolder(file));
            this.source = new Source.DataFolderFile(file);
        }
    }

    /** For tests and for rotation: a master key of exactly these bytes. */
    MasterKey(byte[] key) {
        this.key = aes(key);
        this.source = new Source.Configured("in memory");
    }

    Source source() {
        return source;
    }

    /** The first 16 hex digits of the key's SHA-256: tells keys apart in the audit trail and on the console, reveals nothing. */
    String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
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

    /** Whether this key opens what was stored for the key id, without saying why not. */
    boolean opens(byte[] stored, String kid) {
        try {
            decrypt(stored, kid);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Replaces the embedded default's own key file with the new key; only after rotation has committed. */
    void replaceDataFolderFile(MasterKey newKey) {
        if (!(source instanceof Source.DataFolderFile(Path file))) {
            throw new IllegalStateException("the master key is configured, not kept in the data folder");
        }
        try {
            Path fresh = file.resolveSibling("master.key.new");
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(fresh, Base64.getEncoder().encodeToString(newKey.key.getEncoded()));
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the master key file " + file, e);
        }
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
            cipher.updateAAD(kid.getBytes(StandardCharsets.US_ASCII));
            return new GcmCipher(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private static SecretKey aes(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }

    /** Reads a key file: base64 of 32 bytes, surrounding white space allowed (a secret often ends in a newline). */
    static byte[] readKeyFile(Path file) {
        try {
            return decode(Files.readString(file), "the master key file " + file);
        } catch (IOException e) {
            throw new StartRefusedException("The master key file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): mount it there, or correct WEERBAAR_MASTER_KEY_FILE.", e);
        }
    }

    /** Reads a new key from a file, or makes one there (owner only) when the file does not exist yet. */
    static MasterKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return new MasterKey(readKeyFile(file));
        }
        return new MasterKey(create(file));
    }

    private static byte[] decode(String base64, String what) {
        Optional<byte[]> bytes;
        try {
            bytes = Optional.of(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            bytes = Optional.empty();
        }
        if (bytes.isEmpty() || bytes.get().length != 32) {
            throw new StartRefusedException(what + " must be base64 of 32 bytes (head -c 32 /dev/urandom | base64), not "
                    + bytes.map(b -> b.length + " bytes").orElse("other text") + ".");
        }
        return bytes.get();
    }

    private static byte[] fromDataFolder(Path file) {
        if (Files.exists(file)) {
            return readKeyFile(file);
        }
        byte[] fresh = create(file);
        log.warn("No master key configured: generated one in {} (keep a copy: without it the stored signing keys cannot be "
                + "used; for more than one instance configure WEERBAAR_MASTER_KEY_FILE instead)", file.toAbsolutePath());
        return fresh;
    }

    private static byte[] create(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master key " + file, e);
        }
    }
}
