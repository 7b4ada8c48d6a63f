package nl.weerbaar.system;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator asks of the database first in an incident: which server, primary or standby,
 * which standbys stream from it and how far behind they are, and whether every migration ran.
 */
@Component
public class DatabaseState {

    private final JdbcClient jdbc;
    private final Flyway flyway;
    private final boolean embedded;

    DatabaseState(JdbcClient jdbc, Flyway flyway, DatabaseConfiguration.DatabaseProperties properties) {
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.embedded = !properties.external();
    }

    /**
     * @param replayLagSeconds null when the server does not say (no replay yet, or a role without pg_monitor)
     * @param client null when this role may not see it (pg_stat_replication shows details only to pg_monitor)
     */
    public record Standby(String name, String client, String state, String syncState, Double replayLagSeconds) {}

    public record Server(String version, boolean embedded, boolean inRecovery, long sizeBytes, List<Standby> standbys) {}

    public record Migrations(String current, int applied, int pending, int failed, Instant lastAppliedAt) {
        public boolean done() {
            return pending == 0 && failed == 0;
        }
    }

    public Server server() {
        return jdbc.sql("select current_setting('server_version'), pg_is_in_recovery(), pg_database_size(current_database())")
                .query((rs, n) -> new Server(rs.getString(1), embedded, rs.getBoolean(2), rs.getLong(3), standbys()))
                .single();
    }

    private List<Standby> standbys() {
        return jdbc.sql("""
                        select application_name, client_addr::text, state, sync_state, extract(epoch from replay_lag)
                        from pg_stat_replication order by application_name""")
                .query((rs, n) -> new Standby(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5)))
                .list();
    }

    /** Reads the schema history and the migrations in the jar: a few milliseconds, not for every request. */
    public Migrations migrations() {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> applied = Arrays.stream(all).filter(m -> m.getState().isApplied()).toList();
        Optional<MigrationInfo> last = applied.stream().filter(m -> m.getInstalledOn() != null)
                .max(Comparator.comparing(MigrationInfo::getInstalledOn));
        MigrationInfo current = flyway.info().current();
        return new Migrations(current == null ? "none" : current.getVersion().getVersion(),
                applied.size(),
                (int) Arrays.stream(all).filter(m -> m.getState() == MigrationState.PENDING).count(),
                (int) Arrays.stream(all).filter(m -> m.getState().isFailed()).count(),
                last.map(m -> m.getInstalledOn().toInstant()).orElse(null));
    }
}
