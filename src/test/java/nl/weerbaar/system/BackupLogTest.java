package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A finished backup is what the system page and the metric show as the last one. */
@IntegrationTest
class BackupLogTest {

    @Autowired
    BackupCommand backup;
    @Autowired
    BackupHistory history;
    @Autowired
    Clock clock;

    @Test
    void aFinishedBackupIsTheLastOne(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("weerbaar.backup");
        var started = clock.instant();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(backup.run(List.of(file.toString()), new PrintStream(out), new PrintStream(new ByteArrayOutputStream())))
                .as(out.toString()).isZero();
        assertThat(Files.size(file)).isPositive();
        assertThat(history.last()).hasValueSatisfying(last -> {
            assertThat(last.where()).isEqualTo(file.toAbsolutePath().toString());
            assertThat(last.finishedAt()).isAfterOrEqualTo(started.minusMillis(1));
        });
    }
}
