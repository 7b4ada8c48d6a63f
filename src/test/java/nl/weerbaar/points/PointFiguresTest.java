package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.Metrics;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The support-point figures on /actuator/prometheus follow what operators do (the test profile caches nothing). */
@IntegrationTest
@TimeDependent
class PointFiguresTest {

    private static final String OPEN_IN_VR13 = "weerbaar_points{region=\"VR13\",status=\"open\"}";
    private static final String RECENT_IN_VR13 = "weerbaar_points_freshness{freshness=\"recent\",region=\"VR13\"}";
    private static final String NOT_RECENT_IN_VR13 = "weerbaar_points_freshness{freshness=\"not-recent\",region=\"VR13\"}";
    private static final String STALE_IN_VR13 = "weerbaar_points_stale{region=\"VR13\"}";
    private static final String UPDATES = "weerbaar_points_status_updates_total";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Value("${weerbaar.points.fresh-within:6h}")
    Duration freshWithin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void anOpenedPointCountsInItsRegionAsRecentAndTurnsStaleWhenNobodyConfirmsIt() {
        ApiClient api = new ApiClient(port);
        PointFixtures fixtures = new PointFixtures(api, api.token("admin", adminPassword));
        String coordinator = fixtures.token("GM0363", "coordinator");
        Metrics metrics = new Metrics(port);
        var created = api.post("/api/v1/support-points", coordinator, ApiClient.json(PointFixtures.amsterdamPoint("Metriek")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        double open = metrics.valueOf(OPEN_IN_VR13), recent = metrics.valueOf(RECENT_IN_VR13);
        double notRecent = metrics.valueOf(NOT_RECENT_IN_VR13), stale = metrics.valueOf(STALE_IN_VR13), updates = metrics.valueOf(UPDATES);

        var opened = api.send("PUT", "/api/v1/support-points/" + id + "/status", coordinator,
                ApiClient.json(Map.of("status", "open", "occupancy", 3)), Map.of("If-Match", created.header("ETag")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);

        assertThat(metrics.valueOf(OPEN_IN_VR13)).isEqualTo(open + 1);
        assertThat(metrics.valueOf(RECENT_IN_VR13)).isEqualTo(recent + 1);
        assertThat(metrics.valueOf(STALE_IN_VR13)).isEqualTo(stale);
        assertThat(metrics.valueOf(UPDATES)).isEqualTo(updates + 1);

        var refused = api.send("PUT", "/api/v1/support-points/" + id + "/status", coordinator,
                ApiClient.json(Map.of("status", "open", "occupancy", 3)), Map.of("If-Match", "\"1\""));
        assertThat(refused.status()).isEqualTo(412);
        assertThat(metrics.valueOf(UPDATES)).as("a refused update is no update").isEqualTo(updates + 1);

        // Nobody confirmed it since: as if the last confirmation were one minute older than counts as recent.
        jdbc.sql("update support_point set status_confirmed_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant().minus(freshWithin).minusSeconds(60))).param("id", id).update();

        assertThat(metrics.valueOf(STALE_IN_VR13)).isEqualTo(stale + 1);
        assertThat(metrics.valueOf(NOT_RECENT_IN_VR13)).isEqualTo(notRecent + 1);
        assertThat(metrics.valueOf(RECENT_IN_VR13)).isEqualTo(recent);
        assertThat(metrics.valueOf(OPEN_IN_VR13)).isEqualTo(open + 1);
    }
}
