package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start of a demo installation is ready before its demo network is loaded: meanwhile the
 * finder says "not yet" (503, Retry-After) instead of "no point near you", and afterwards it serves
 * the whole network. Its own application and embedded database, as {@code serve} runs it. The
 * load is held back (its lock taken before the application is ready) until the test has asked
 * while loading: on a quiet machine the load can finish before a first request arrives.
 */
class FinderWhileLoadingTest {

    private static final String NEAREST = "/api/v1/support-points/nearest?postcode=3511&limit=10";
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);

    /** Takes the demo load's lock once the database is migrated and before readiness starts the load. */
    private static final class HoldTheLoad implements ApplicationListener<ApplicationStartedEvent> {
        private Connection held;

        @Override
        public void onApplicationEvent(ApplicationStartedEvent started) {
            try {
                held = started.getApplicationContext().getBean(DataSource.class).getConnection();
                advisoryLock(held, "select pg_advisory_lock(?)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not hold the demo load back", e);
            }
        }

        void release() throws SQLException {
            advisoryLock(held, "select pg_advisory_unlock(?)");
            held.close();
        }

        private static void advisoryLock(Connection connection, String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, DemoNetworkLoader.LOAD_LOCK_KEY);
                statement.execute();
            }
        }
    }

    @Test
    void theFinderAnswers503WithRetryAfterWhileTheDemoNetworkLoadsThenTheWholeNetwork(@TempDir Path data) throws Exception {
        HoldTheLoad hold = new HoldTheLoad();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WeerbaarApplication.class)
                .listeners(hold)
                .properties(Map.of("weerbaar.data-dir", data.toString(), "server.port", "0", "weerbaar.serving", "true",
                        "weerbaar.admin-password", "finder-while-loading-1", "weerbaar.demo.load-on-first-start", "true"))
                // The embedded database even when the suite runs against a server: only an empty database has a first start.
                .run("--weerbaar.db.url=")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());

            ApiClient.Response whileLoading = api.get(NEAREST);
            assertThat(whileLoading.status()).as(whileLoading.body()).isEqualTo(503);
            assertThat(whileLoading.header("Retry-After")).isEqualTo(String.valueOf(FinderWhileLoading.RETRY_AFTER_SECONDS));
            assertThat(whileLoading.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/steunpunten?postcode=3511").status()).isEqualTo(503);
            assertThat(api.get("/actuator/health").status()).as("ready while the demo data loads").isEqualTo(200);
            assertThat(api.get("/api/v1/regions").status()).as("the rest of the API serves meanwhile").isEqualTo(200);
            hold.release();

            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            ApiClient.Response answer = whileLoading;
            while (answer.status() == 503 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                answer = api.get(NEAREST);
            }
            assertThat(answer.status()).as("after the load: %s", answer.body()).isEqualTo(200);
            assertThat(answer.json().get("items").size()).isEqualTo(10);
            assertThat(answer.body()).contains("\"demo\":true");
            assertThat(api.get("/steunpunten?postcode=3511").status()).isEqualTo(200);
        }
    }
}
