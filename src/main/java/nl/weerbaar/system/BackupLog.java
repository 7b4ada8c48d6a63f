package nl.weerbaar.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The backups {@code ./weerbaar backup} made, kept in the database the backup was taken of, so the
 * system page and the metric {@code weerbaar.backup.last.age} tell every instance when the last
 * one was made. Whether a restore of it was tried is not known here: a restore goes elsewhere.
 */
@Component
class BackupLog implements BackupHistory {

    private final JdbcClient jdbc;

    BackupLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Instant finishedAt, String location, int tables, long rows, long bytes) {
        jdbc.sql("""
                        insert into backup_log (finished_at, location, tables, row_count, byte_count)
                        values (:at, :location, :tables, :rows, :bytes)""")
                .param("at", Timestamp.from(finishedAt)).param("location", location).param("tables", tables)
                .param("rows", rows).param("bytes", bytes).update();
    }

    @Override
    public Optional<Backup> last() {
        return jdbc.sql("select finished_at, location from backup_log order by finished_at desc, id desc limit 1")
                .query((rs, n) -> new Backup(rs.getTimestamp("finished_at").toInstant(), rs.getString("location"), false))
                .optional();
    }
}
