package nl.weerbaar.system;

import java.util.List;

/**
 * The backup file: a zip with {@code manifest.json} and each table's rows in PostgreSQL's COPY text
 * format ({@code tables/NAME.copy}), all read from one snapshot. The schema is not in it: it is the
 * Flyway migrations up to {@link Manifest#schemaVersion()}, which a restore runs first.
 */
final class BackupArchive {

    static final String FORMAT = "weerbaar-backup/1";
    static final String MANIFEST = "manifest.json";
    /** Flyway's own table: a restore makes it by migrating, so it is not copied. */
    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private BackupArchive() {}

    static String tableEntry(String table) {
        return "tables/" + table + ".copy";
    }

    record Table(String name, long rows) {}

    /** A sequence's state; {@code lastValue} null when it was never used. */
    record Sequence(String name, Long lastValue) {}

    record Manifest(String format, String schemaVersion, String madeAt, List<Table> tables, List<Sequence> sequences) {
        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** A name as SQL reads it, quoted: table names come from the catalogue or the file, never from a person. */
    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
