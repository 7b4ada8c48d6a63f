package nl.weerbaar.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where public reads go: a standby ({@code WEERBAAR_DB_READ_URL}) or else the one database. Only
 * for answers that may be a moment behind, as cached public answers are anyway; never for a read
 * that a write or a change notice depends on.
 */
public final class PublicReads implements AutoCloseable {

    private final JdbcClient jdbc;
    private final HikariDataSource own;

    PublicReads(DataSource dataSource, HikariDataSource own) {
        this.jdbc = JdbcClient.create(dataSource);
        this.own = own;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
