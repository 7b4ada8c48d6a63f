package nl.weerbaar.system;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./weerbaar backup FILE}: the whole database from one snapshot, while Weerbaar serves; see {@link DatabaseBackup}. */
@Component
class BackupCommand implements CliCommand {

    private final DatabaseBackup backup;
    private final BackupLog log;
    private final Clock clock;

    BackupCommand(DataSource dataSource, Clock clock, JsonMapper json, BackupLog log) {
        this.backup = new DatabaseBackup(dataSource, clock, json);
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "FILE: the whole database from one snapshot, while Weerbaar serves (restore it with ./weerbaar restore FILE)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1 || args.getFirst().startsWith("--")) {
            err.println("usage: ./weerbaar backup FILE");
            return 2;
        }
        Path file = Path.of(args.getFirst()).toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists already: name a new file, so that no backup is overwritten");
        }
        if (!Files.isDirectory(file.getParent())) {
            throw new IllegalArgumentException("the folder " + file.getParent() + " does not exist");
        }
        BackupArchive.Manifest manifest = backup.write(file, out);
        out.printf("Backup complete: %s, %d tables, %,d rows, %,d bytes, schema version %s, as of %s.%n", file,
                manifest.tables().size(), manifest.rows(), Files.size(file), manifest.schemaVersion(), manifest.madeAt());
        log.record(clock.instant(), file.toString(), manifest.tables().size(), manifest.rows(), Files.size(file));
        return 0;
    }
}
