package nl.weerbaar.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a {@link DatabaseBackup} into an empty database: the schema by migrating to the
 * backup's version, then every table's rows in one transaction (all or nothing), the sequences,
 * and each table's row count compared with the backup's. Runs before the application starts, as a
 * restore must find the database empty; the launcher then runs {@code ./weerbaar check} on it.
 */
final class DatabaseRestore {

    /** Where to restore: a JDBC URL with its credentials. */
    record Target(String url, String user, String password) {}

    private final JsonMapper json = JsonMapper.builder().build();

    /** Returns the restored manifest; throws {@link IllegalArgumentException} for a file or a database that does not fit. */
    BackupArchive.Manifest restore(Path file, Target target, PrintStream progress) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no backup file " + file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupArchive.Manifest manifest = manifest(zip, file);
            try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                requireEmpty(jdbc);
                progress.printf("Restoring %s: %d tables, %,d rows, schema version %s, made %s.%n", file.getFileName(),
                        manifest.tables().size(), manifest.rows(), manifest.schemaVersion(), manifest.madeAt());
                migrate(target, manifest.schemaVersion(), progress);
                connection.setAutoCommit(false);
                try {
                    load(connection, jdbc, zip, manifest, progress);
                    connection.commit();
                } catch (SQLException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            return manifest;
        }
    }

    private BackupArchive.Manifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(BackupArchive.MANIFEST);
        if (entry == null) {
            throw new IllegalArgumentException(file + " is not a Weerbaar backup (it has no " + BackupArchive.MANIFEST + ")");
        }
        BackupArchive.Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, BackupArchive.Manifest.class);
        }
        if (!BackupArchive.FORMAT.equals(manifest.format())) {
            throw new IllegalArgumentException(file + " is a backup in the format " + manifest.format() + ", which this Weerbaar does not read");
        }
        return manifest;
    }

    private static void requireEmpty(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema() order by tablename")
                .query(String.class).list();
        if (!tables.isEmpty()) {
            throw new IllegalArgumentException("the database is not empty (%d tables, e.g. %s): restore into a new data folder (--data NEW) or an empty database"
                    .formatted(tables.size(), tables.getFirst()));
        }
    }

    private static void migrate(Target target, String version, PrintStream progress) {
        Flyway flyway = Flyway.configure().dataSource(target.url(), target.user(), target.password())
                .locations("classpath:db/migration").target(version).load();
        boolean known = java.util.Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion).anyMatch(v -> v != null && v.getVersion().equals(version));
        if (!known) {
            throw new IllegalArgumentException("the backup is of schema version " + version
                    + ", which this Weerbaar does not have: restore it with the release that made it, or a newer one");
        }
        progress.printf("  schema: migrating to version %s...%n", version);
        flyway.migrate();
    }

    private void load(Connection connection, JdbcClient jdbc, ZipFile zip, BackupArchive.Manifest manifest, PrintStream progress)
            throws SQLException, IOException {
        List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema() and tablename <> :history")
                .param("history", BackupArchive.SCHEMA_HISTORY).query(String.class).list();
        Map<String, Long> expected = new HashMap<>();
        manifest.tables().forEach(t -> expected.put(t.name(), t.rows()));
        if (!expected.keySet().equals(Set.copyOf(tables))) {
            throw new IllegalArgumentException("the backup's tables do not match its schema version: is the file damaged?");
        }
        List<String> order = referencedFirst(jdbc, tables);
        // Triggers that guard append-only tables and fill in derived columns stay off while rows are
        // put back as they were; foreign keys are still checked. Rows made by migrations go first.
        for (String table : order) {
            jdbc.sql("alter table " + BackupArchive.quoted(table) + " disable trigger user").update();
        }
        for (String table : order.reversed()) {
            jdbc.sql("delete from " + BackupArchive.quoted(table)).update();
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int done = 0;
        for (String table : order) {
            long rows;
            try (InputStream in = zip.getInputStream(zip.getEntry(BackupArchive.tableEntry(table)))) {
                rows = copy.copyIn("copy " + BackupArchive.quoted(table) + " from stdin", in);
            }
            if (rows != expected.get(table)) {
                throw new IllegalStateException("table %s: %d rows restored, the backup has %d".formatted(table, rows, expected.get(table)));
            }
            progress.printf("  [%d/%d] %s: %,d rows%n", ++done, order.size(), table, rows);
        }
        for (BackupArchive.Sequence sequence : manifest.sequences()) {
            if (sequence.lastValue() != null) {
                jdbc.sql("select setval(cast(:name as regclass), :value, true)")
                        .param("name", BackupArchive.quoted(sequence.name())).param("value", sequence.lastValue()).query().singleValue();
            }
        }
        for (String table : order) {
            jdbc.sql("alter table " + BackupArchive.quoted(table) + " enable trigger user").update();
        }
        progress.printf("  %d tables and %d sequences restored; every table has the rows the backup counted.%n",
                order.size(), manifest.sequences().size());
    }

    /** The tables in an order in which every table comes after the tables its foreign keys point at. */
    private static List<String> referencedFirst(JdbcClient jdbc, List<String> tables) {
        Set<String> known = Set.copyOf(tables);
        Map<String, Set<String>> references = new HashMap<>();
        jdbc.sql("""
                select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
                from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid
                  and c.connamespace = (select oid from pg_namespace where nspname = current_schema())""")
                .query(rs -> {
                    String parent = unquoted(rs.getString("parent"));
                    if (known.contains(parent)) {
                        references.computeIfAbsent(unquoted(rs.getString("child")), k -> new LinkedHashSet<>()).add(parent);
                    }
                });
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<String> remaining = new ArrayList<>(tables.stream().sorted().toList());
        while (!remaining.isEmpty()) {
            String next = remaining.stream().filter(t -> placed.containsAll(references.getOrDefault(t, Set.of())))
                    .findFirst().orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + remaining));
            remaining.remove(next);
            placed.add(next);
            ordered.add(next);
        }
        return ordered;
    }

    private static String unquoted(String regclass) {
        return regclass.startsWith("\"") ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"") : regclass;
    }
}
