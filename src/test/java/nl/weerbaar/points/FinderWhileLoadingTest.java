package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first start of a demo installation is ready before its demo network is loaded: meanwhile the
 * finder says "not yet" (503, Retry-After) instead of "no point near you", and afterwards it serves
 * the whole network. Its own application and embedded database, as {@code serve} runs it.
 */
class FinderWhileLoadingTest {

    private static final String NEAREST = "/api/v1/support-points/nearest?postcode=3511&limit=10";
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void theFinderAnswers503WithRetryAfterWhileTheDemoNetworkLoadsThenTheWholeNetwork(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WeerbaarApplication.class)
                .properties(Map.of("weerbaar.data-dir", data.toString(), "server.port", "0", "weerbaar.serving", "true",
                        "weerbaar.admin-password", "finder-while-loading-1", "weerbaar.demo.load-on-first-start", "true"))
                // The embedded database even when the suite runs against a server: only an empty database has a first start.
                .run("--weerbaar.db.url=")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());

            // The load takes seconds; these requests follow readiness within milliseconds.
            ApiClient.Response whileLoading = api.get(NEAREST);
            assertThat(whileLoading.status()).as(whileLoading.body()).isEqualTo(503);
            assertThat(whileLoading.header("Retry-After")).isEqualTo(String.valueOf(FinderWhileLoading.RETRY_AFTER_SECONDS));
            assertThat(whileLoading.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/steunpunten?postcode=3511").status()).isEqualTo(503);
            assertThat(api.get("/actuator/health").status()).as("ready while the demo data loads").isEqualTo(200);
            assertThat(api.get("/api/v1/regions").status()).as("the rest of the API serves meanwhile").isEqualTo(200);

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
