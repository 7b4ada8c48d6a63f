package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import nl.weerbaar.system.StartRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Private keys at rest: AES-GCM under a master key that is configured or, embedded only, made once; never a default. */
class MasterKeyTest {

    private static final String SERVER = "jdbc:postgresql://db1:5432,db2:5432/weerbaar?targetServerType=primary";

    @TempDir
    Path dataDir;

    @Test
    void withoutConfigurationTheEmbeddedDefaultMakesAKeyOnceReadableByTheOwnerOnly() throws Exception {
        MasterKey first = embedded("", "");
        Path file = dataDir.resolve("keys/master.key");
        byte[] sealed = first.encrypt("private key".getBytes(StandardCharsets.UTF_8), "0123456789abcdef");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(embedded("", "").decrypt(sealed, "0123456789abcdef"), StandardCharsets.UTF_8))
                .as("the same key after a restart").isEqualTo("private key");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(first.source()).isEqualTo(new MasterKey.Source.DataFolderFile(file));
    }

    @Test
    void aStoredKeyCannotBeMovedToAnotherKeyIdNorOpenedWithAnotherMasterKey() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        MasterKey master = embedded(configured, "");
        byte[] sealed = master.encrypt(new byte[] {1, 2, 3}, "0123456789abcdef");

        assertThat(Files.exists(dataDir.resolve("keys/master.key"))).as("a configured key is not written").isFalse();
        assertThatThrownBy(() -> master.decrypt(sealed, "fedcba9876543210")).hasMessageContaining("cannot be decrypted");
        assertThat(master.opens(sealed, "0123456789abcdef")).isTrue();
        assertThat(embedded("", "").opens(sealed, "0123456789abcdef")).isFalse();
        assertThatThrownBy(() -> embedded(Base64.getEncoder().encodeToString(new byte[16]), ""))
                .isInstanceOf(StartRefusedException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void onAServerItRefusesToStartWithoutAConfiguredKeyAndMakesNone() {
        assertThatThrownBy(() -> new MasterKey("", "", SERVER, dataDir.toString()))
                .isInstanceOf(StartRefusedException.class)
                .hasMessage("Weerbaar on a PostgreSQL server (WEERBAAR_DB_URL) needs the master key that every instance shares: "
                        + "set WEERBAAR_MASTER_KEY to base64 of 32 random bytes (head -c 32 /dev/urandom | base64), "
                        + "or WEERBAAR_MASTER_KEY_FILE to a file holding it, such as a mounted secret.");
        assertThat(Files.exists(dataDir.resolve("keys"))).isFalse();
    }

    @Test
    void aMountedSecretFileIsReadWithItsTrailingNewlineAndOpensWhatTheSameKeyInTheEnvironmentSealed() throws Exception {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        String base64 = Base64.getEncoder().encodeToString(bytes);
        Path secret = Files.writeString(dataDir.resolve("master-key"), base64 + "\n");

        MasterKey fromFile = new MasterKey("", secret.toString(), SERVER, dataDir.toString());
        MasterKey fromEnvironment = new MasterKey(base64, "", SERVER, dataDir.toString());
        byte[] sealed = fromEnvironment.encrypt(new byte[] {4, 5, 6}, "0123456789abcdef");

        assertThat(fromFile.decrypt(sealed, "0123456789abcdef")).containsExactly(4, 5, 6);
        assertThat(fromFile.fingerprint()).isEqualTo(fromEnvironment.fingerprint()).hasSize(16);
        assertThatThrownBy(() -> new MasterKey(base64, secret.toString(), SERVER, dataDir.toString()))
                .isInstanceOf(StartRefusedException.class).hasMessageContaining("set one of them");
        assertThatThrownBy(() -> new MasterKey("", dataDir.resolve("absent").toString(), SERVER, dataDir.toString()))
                .isInstanceOf(StartRefusedException.class).hasMessageContaining("cannot be read");
        Path garbage = Files.writeString(dataDir.resolve("garbage"), "not a key at all!");
        assertThatThrownBy(() -> new MasterKey("", garbage.toString(), SERVER, dataDir.toString()))
                .isInstanceOf(StartRefusedException.class).hasMessageContaining("must be base64 of 32 bytes");
    }

    private MasterKey embedded(String configured, String file) {
        return new MasterKey(configured, file, "", dataDir.toString());
    }
}
