package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * The planning heartbeat and sweep go on while Spring's scheduler thread is held: in the crisis
 * hour the audit sequencer holds it for seconds at a time waiting for a request connection, and
 * runs of a living process, left unbeaten, were marked interrupted.
 */
@IntegrationTest
class PlanningHeartbeatTest {

    private static final String PASSWORD = "planning-heartbeat-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskScheduler springScheduler;

    @Test
    void runsAreSweptWhileSpringsSchedulerThreadIsHeld() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String coordinator = api.token(api.createUser(admin, "VR13", "coordinator", PASSWORD), PASSWORD);
        long scenario = api.post("/api/v1/scenarios", coordinator, PlanningApiTest.scenario("Heartbeat", "GM0363", 24))
                .json().get("id").asLong();
        long orphan = jdbc.sql("""
                        insert into planning_run (scenario_id, scenario_version, scenario_snapshot, status, started_by, heartbeat_at)
                        select id, version, definition, 'running', 'heartbeat-test', now() - interval '5 minutes'
                        from planning_scenario where id = :id
                        returning id""")
                .param("id", scenario).query(Long.class).single();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A fixed-delay task runs on the scheduler's one thread, as the audit sequencer's does.
        ScheduledFuture<?> hold = springScheduler.scheduleWithFixedDelay(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofHours(1));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).as("the scheduler thread is held").isTrue();
            long deadline = System.nanoTime() + (PlanningRuns.HEARTBEAT.toNanos() * 2);
            String status = "running";
            while (status.equals("running") && System.nanoTime() < deadline) {
                Thread.sleep(250);
                status = jdbc.sql("select status from planning_run where id = :id").param("id", orphan).query(String.class).single();
            }
            assertThat(status).as("swept within two heartbeats while the scheduler was held").isEqualTo("interrupted");
        } finally {
            release.countDown();
            hold.cancel(false);
        }
    }
}
