package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys at rest: AES-GCM under a master key that is configured or made once, never a default. */
class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfigurationAKeyIsMadeOnceReadableByTheOwnerOnly() throws Exception {
        MasterKey first = new MasterKey("", dataDir.toString());
        Path file = dataDir.resolve("keys/master.key");
        byte[] sealed = first.encrypt("private key".getBytes(StandardCharsets.UTF_8), "0123456789abcdef");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(new MasterKey("", dataDir.toString()).decrypt(sealed, "0123456789abcdef"), StandardCharsets.UTF_8))
                .as("the same key after a restart").isEqualTo("private key");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
    }

    @Test
    void aStoredKeyCannotBeMovedToAnotherKeyIdNorOpenedWithAnotherMasterKey() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey master = new MasterKey(configured, dataDir.toString());
        byte[] sealed = master.encrypt(new byte[] {1, 2, 3}, "0123456789abcdef");

        assertThat(Files.exists(dataDir.resolve("keys/master.key"))).as("a configured key is not written").isFalse();
        assertThatThrownBy(() -> master.decrypt(sealed, "fedcba9876543210")).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new MasterKey("", dataDir.toString()).decrypt(sealed, "0123456789abcdef"))
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new MasterKey(Base64.getEncoder().encodeToString(new byte[16]), dataDir.toString()))
                .hasMessageContaining("32 bytes");
    }
}
