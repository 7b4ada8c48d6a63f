package nl.weerbaar.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: a PostgreSQL server when {@code WEERBAAR_DB_URL} is set, else the embedded
 * PostgreSQL on the data folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseConfiguration.DatabaseProperties.class)
class DatabaseConfiguration {

    @ConfigurationProperties("weerbaar.db")
    record DatabaseProperties(String url, @DefaultValue("weerbaar") String user, String password) {
        boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Null-safe holder: the embedded server exists only when no external URL is given. The server was
     * started early by {@link EmbeddedPostgresEarlyStart}, which also stops it after the data source closed.
     */
    record EmbeddedServerHandle(EmbeddedPostgresServer server) {}

    @Bean
    EmbeddedServerHandle embeddedServer(DatabaseProperties db,
                                        Optional<EmbeddedPostgresEarlyStart.Starting> starting) {
        if (db.external()) {
            return new EmbeddedServerHandle(null);
        }
        return new EmbeddedServerHandle(starting.orElseThrow(() -> new IllegalStateException(
                "The embedded PostgreSQL was not started: EmbeddedPostgresEarlyStart is missing from META-INF/spring.factories"))
                .await());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties db, EmbeddedServerHandle embedded) {
        HikariConfig config = primary(db, embedded);
        config.setPoolName("weerbaar");
        config.setMaximumPoolSize(20);
        failoverReady(config);
        return new HikariDataSource(config);
    }

    /** A small pool of its own on the same database, for background bookkeeping (see {@link BackgroundConnections}). */
    @Bean(destroyMethod = "close")
    BackgroundConnections backgroundConnections(DatabaseProperties db, EmbeddedServerHandle embedded,
                                                @Value("${weerbaar.db.background-pool-size:3}") int size) {
        HikariConfig config = primary(db, embedded);
        config.setPoolName("weerbaar-background");
        config.setMaximumPoolSize(Math.max(1, size));
        config.setMinimumIdle(1);
        failoverReady(config);
        // Nobody waits for this work at the other end of a request: wait for a connection longer than a request would.
        config.setConnectionTimeout(30_000);
        return new BackgroundConnections(new HikariDataSource(config));
    }

    private static HikariConfig primary(DatabaseProperties db, EmbeddedServerHandle embedded) {
        HikariConfig config = new HikariConfig();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(embedded.server().user());
        }
        return config;
    }

    /**
     * Public reads (finder lists, maps, exports) from a standby when {@code WEERBAAR_DB_READ_URL} is
     * set, so a surge of readers does not load the primary; else from the one database.
     */
    @Bean(destroyMethod = "close")
    PublicReads publicReads(DatabaseProperties db, @Value("${weerbaar.db.read-url:}") String readUrl,
                            DataSource dataSource) {
        if (readUrl.isBlank()) {
            return new PublicReads(dataSource, null);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(readUrl);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setPoolName("weerbaar-public-reads");
        config.setMaximumPoolSize(10);
        config.setReadOnly(true);
        // A standby that is down or not yet running must not keep the application from starting.
        config.setInitializationFailTimeout(-1);
        failoverReady(config);
        HikariDataSource reads = new HikariDataSource(config);
        return new PublicReads(reads, reads);
    }

    /**
     * Carries on after a failover without a restart: a connection broken by the old primary is
     * dropped at once, a request waits at most 5 s for a new one (and its client retries), the
     * driver looks again after 2 s which host of a multi-host URL is now the primary, and
     * connections that idle are checked every 30 s, so none that died quietly is handed out.
     * Settings in the URL itself take precedence over these.
     */
    private static void failoverReady(HikariConfig config) {
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(30_000);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("hostRecheckSeconds", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }
}
