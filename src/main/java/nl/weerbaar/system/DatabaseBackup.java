package nl.weerbaar.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies every table from one snapshot (a read-only repeatable-read transaction, as pg_dump takes
 * it) while the application goes on serving: the rows of all tables are as they were at one moment.
 * Works the same on the embedded PostgreSQL and on a server, without a pg_dump of the server's version.
 */
final class DatabaseBackup {

    private final DataSource dataSource;
    private final Clock clock;
    private final JsonMapper json;

    DatabaseBackup(DataSource dataSource, Clock clock, JsonMapper json) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.json = json;
    }

    /** Writes the backup to a temporary file beside FILE and moves it into place only when complete. */
    BackupArchive.Manifest write(Path file, PrintStream progress) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                BackupArchive.Manifest manifest = copy(connection, partial, progress);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                connection.rollback();
                Files.deleteIfExists(partial);
            }
        }
    }

    private BackupArchive.Manifest copy(Connection connection, Path partial, PrintStream progress) throws IOException, SQLException {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        // The first query takes the snapshot every later one reads.
        String schemaVersion = jdbc.sql("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""").query(String.class).single();
        String madeAt = clock.instant().toString();
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables where schemaname = current_schema() and tablename <> :history order by tablename""")
                .param("history", BackupArchive.SCHEMA_HISTORY).query(String.class).list();
        List<BackupArchive.Sequence> sequences = jdbc.sql("""
                select sequencename, last_value from pg_sequences where schemaname = current_schema() order by sequencename""")
                .query((rs, row) -> new BackupArchive.Sequence(rs.getString(1), rs.getObject(2, Long.class))).list();
        progress.printf("Backing up %d tables (schema version %s) from one snapshot...%n", tables.size(), schemaVersion);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupArchive.Table> copied = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry(BackupArchive.tableEntry(table)));
                long rows = copy.copyOut("copy " + BackupArchive.quoted(table) + " to stdout", unclosable(zip));
                zip.closeEntry();
                copied.add(new BackupArchive.Table(table, rows));
                progress.printf("  [%d/%d] %s: %,d rows%n", copied.size(), tables.size(), table, rows);
            }
            BackupArchive.Manifest manifest = new BackupArchive.Manifest(BackupArchive.FORMAT, schemaVersion,
                    madeAt, copied, sequences);
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            return manifest;
        }
    }

    /** The zip stays open between entries: the copy must not close it. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
