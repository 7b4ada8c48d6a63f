package nl.weerbaar.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import javax.sql.DataSource;
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
        HikariConfig config = new HikariConfig();
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername(embedded.server().user());
        }
        config.setPoolName("weerbaar");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
