package nl.weerbaar.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
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

    /** Null-safe holder so the embedded server is only started when no external URL is given. */
    record EmbeddedServerHandle(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServerHandle embeddedServer(DatabaseProperties db,
                                        @Value("${weerbaar.data-dir:./data}") String dataDir,
                                        @Value("${weerbaar.serving:false}") boolean serving) {
        return new EmbeddedServerHandle(db.external() ? null : EmbeddedPostgresServer.open(Path.of(dataDir), serving));
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
