package nl.weerbaar.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few connections of their own for long background work whose bookkeeping must not queue behind
 * requests: in the crisis hour requests can hold every connection of the main pool for seconds,
 * and a planning run that then cannot write its progress or its result fails, or is taken for
 * dead by another instance. Single statements only (each commits by itself).
 */
public final class BackgroundConnections implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    BackgroundConnections(HikariDataSource pool) {
        this.pool = pool;
        this.jdbc = JdbcClient.create(pool);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        pool.close();
    }
}
