package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import javax.sql.DataSource;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * What another instance writes reaches this instance's finder within a second. The other
 * instance is played by a plain JDBC session on the same database: it knows nothing of this
 * application, so only PostgreSQL's NOTIFY can carry the change.
 */
@IntegrationTest
class PointChangeFeedTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    DataSource dataSource;

    @Test
    void aChangeCommittedByAnotherSessionIsServedWithinASecond() throws Exception {
        ApiClient api = new ApiClient(port);
        PointFixtures fixtures = new PointFixtures(api, api.token("admin", adminPassword));
        JsonNode point = fixtures.create(PointFixtures.amsterdamPoint("Elders gewijzigd"));
        long id = point.get("id").asLong();
        String nearest = "/api/v1/support-points/nearest?limit=1&lat=" + point.get("lat").asDouble() + "&lon=" + point.get("lon").asDouble();
        assertThat(api.get(nearest).json().get("items").get(0).get("status").asString()).isEqualTo("inactive");

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            JdbcClient.create(new SingleConnectionDataSource(other, true))
                    .sql("update support_point set status = 'open', version = version + 1 where id = :id")
                    .param("id", id).update();
        }
        long committed = System.nanoTime();

        String seen = null;
        while (Duration.ofNanos(System.nanoTime() - committed).compareTo(WITHIN) < 0) {
            seen = api.get(nearest).json().get("items").get(0).get("status").asString();
            if (seen.equals("open")) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(seen).as("status served within %s of the other session's commit", WITHIN).isEqualTo("open");
    }
}
