package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A status keeps when it was observed and when it arrived: freshness counts from the observation,
 * the public page says when it came late, and an observation in the future or too long ago is
 * refused by the server's clock.
 */
@IntegrationTest
class ObservedTimeTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void aStatusObservedEarlierCountsFromThenAndSaysItArrivedLate() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long id = new PointFixtures(api, admin).create(PointFixtures.amsterdamPoint("Laat bericht")).get("id").asLong();
        Instant now = clock.instant();

        var future = setStatus(api, admin, id, now.plus(Duration.ofMinutes(10)), "\"1\"");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("observedAt", "future");
        var tooOld = setStatus(api, admin, id, now.minus(Duration.ofHours(25)), "\"1\"");
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.body()).contains("observedAt", "too old");
        assertThat(api.send("PUT", "/api/v1/support-points/" + id + "/status", admin,
                "{\"status\":\"open\",\"observedAt\":\"gisteren\"}", Map.of("If-Match", "\"1\"")).body()).contains("ISO-8601");

        Instant observed = now.minus(Duration.ofMinutes(40)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var late = setStatus(api, admin, id, observed, "\"1\"");
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        var freshness = late.json().get("freshness");
        assertThat(Instant.parse(freshness.get("confirmedAt").asString())).isEqualTo(observed);
        assertThat(freshness.get("ageMinutes").asLong()).isBetween(40L, 41L);
        assertThat(freshness.get("lateMinutes").asLong()).isBetween(40L, 41L);
        assertThat(api.get("/steunpunten/" + id).body()).contains("Bevestigd 40 min geleden")
                .contains("(pas 40 min na de waarneming doorgekomen)");

        var older = setStatus(api, admin, id, now.minus(Duration.ofMinutes(50)), "\"2\"");
        assertThat(older.status()).as("with If-Match the operator decides, also for an older observation").isEqualTo(200);
        var onTime = setStatus(api, admin, id, null, "\"3\"");
        assertThat(onTime.json().get("freshness").get("lateMinutes").isNull()).isTrue();
    }

    private static ApiClient.Response setStatus(ApiClient api, String token, long id, Instant observedAt, String ifMatch) {
        String body = observedAt == null ? "{\"status\":\"open\",\"occupancy\":3}"
                : "{\"status\":\"open\",\"occupancy\":3,\"observedAt\":\"" + observedAt + "\"}";
        return api.send("PUT", "/api/v1/support-points/" + id + "/status", token, body, Map.of("If-Match", ifMatch));
    }
}
