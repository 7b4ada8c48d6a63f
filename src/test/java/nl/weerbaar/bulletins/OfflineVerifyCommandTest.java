package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./weerbaar verify FILE --keys keyset.json} on a computer with nothing but the files. */
class OfflineVerifyCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void exitsZeroOnlyForAGenuineBulletinInTheExportedKeySet() throws Exception {
        SignedCapFixture fixture = SignedCapFixture.signed();
        Path keySet = Files.writeString(folder.resolve("keyset.json"), KeySetJson.write(
                Map.of("keys", KeySetJson.document(List.of(fixture.key())).get("keys"), "organisations", Map.of("GM0363", "Gemeente Amsterdam"))));
        Path genuine = Files.write(folder.resolve("bulletin.xml"), fixture.xml());
        Path tampered = Files.write(folder.resolve("tampered.xml"), new String(fixture.xml(), StandardCharsets.UTF_8)
                .replace("minstens 1 minuut", "minstens 0 minuten").getBytes(StandardCharsets.UTF_8));
        Path otherKeys = Files.writeString(folder.resolve("other.json"),
                KeySetJson.write(KeySetJson.document(List.of(SignedCapFixture.signed().key()))));
        OfflineVerifyCommand command = new OfflineVerifyCommand();

        assertThat(command.handles(List.of("verify", genuine.toString(), "--keys", keySet.toString()))).isTrue();
        assertThat(command.handles(List.of("verify", genuine.toString()))).as("without a key set the server's database decides").isFalse();
        int genuineExit = run(command, genuine, keySet);
        String genuineText = out.toString(StandardCharsets.UTF_8);
        assertThat(run(command, tampered, keySet)).isEqualTo(1);
        assertThat(run(command, genuine, otherKeys)).isEqualTo(1);

        assertThat(genuineExit).isEqualTo(0);
        assertThat(genuineText).contains("GENUINE", "Genuine: issued by Gemeente Amsterdam", "Echt: uitgegeven door Gemeente Amsterdam");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ALTERED", "UNKNOWNSIGNER");
        assertThat(command.run(List.of("verify", "--keys", keySet.toString()), new PrintStream(out), new PrintStream(out))).isEqualTo(2);
    }

    private int run(OfflineVerifyCommand command, Path file, Path keys) throws Exception {
        return command.run(List.of("verify", file.toString(), "--keys", keys.toString()), new PrintStream(out, true), new PrintStream(out, true));
    }
}
