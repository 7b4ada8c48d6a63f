package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.weerbaar.access.SignedIn;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenarios and runs through the API, as a coordinator of the Amsterdam-Amstelland safety region
 * (VR13) uses them, and as users of other areas and with too low a role are refused.
 */
@IntegrationTest
@TimeDependent
class PlanningApiTest {

    private static final String PASSWORD = "planning-test-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlanningRuns planningRuns;
    @Autowired
    PlanInputs planInputs;
    @Autowired
    ScenarioRepository scenarios;
    @Autowired
    RunRepository runs;
    @Autowired
    DataSource requestPool;
    @Autowired
    UserAccounts users;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    static String scenario(String name, String area, int hours) {
        return ApiClient.json(Map.of("name", name, "hazard", "power-outage", "areas", List.of(area),
                "start", "2026-02-02T06:00:00+01:00", "durationHours", hours,
                "items", List.of(Map.of("item", "drinking-water"))));
    }

    private String user(String organisation, String role) {
        return api.token(api.createUser(admin, organisation, role, PASSWORD), PASSWORD);
    }

    @Test
    void coordinatorSavesReadsChangesCopiesAndDeletesAScenarioEachAudited() {
        String coordinator = user("VR13", "coordinator");

        var created = api.post("/api/v1/scenarios", coordinator, scenario("Blackout Amsterdam 72 h", "GM0363", 72));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/scenarios/" + id);
        JsonNode body = created.json();
        assertThat(body.get("organisation").asString()).isEqualTo("VR13");
        assertThat(body.get("hazard").asString()).isEqualTo("power-outage");
        assertThat(body.get("areas").get(0).asString()).isEqualTo("GM0363");
        assertThat(body.get("durationHours").asInt()).isEqualTo(72);
        assertThat(body.get("fairness").asString()).as("defaults filled in").isNotBlank();
        assertThat(body.get("deliverTo").asString()).isEqualTo("municipality");
        assertThat(body.get("version").asLong()).isEqualTo(1);

        var read = api.get("/api/v1/scenarios/" + id, coordinator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("start").asString()).as("the start keeps its offset").isEqualTo("2026-02-02T06:00:00+01:00");

        // What was read goes back with one change.
        ObjectNode changed = (ObjectNode) read.json();
        changed.put("durationHours", 48);
        changed.put("deliverTo", "support-point");
        String changedBody = changed.toString();
        var withoutIfMatch = api.send("PUT", "/api/v1/scenarios/" + id, coordinator, changedBody);
        assertThat(withoutIfMatch.status()).as("no If-Match: %s", withoutIfMatch.body()).isEqualTo(428);
        assertThat(api.sendIfMatch("PUT", "/api/v1/scenarios/" + id, coordinator, changedBody, "\"7\"").status()).isEqualTo(412);
        var updated = api.sendIfMatch("PUT", "/api/v1/scenarios/" + id, coordinator, changedBody, "\"1\"");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.json().get("durationHours").asInt()).isEqualTo(48);
        assertThat(updated.json().get("deliverTo").asString()).isEqualTo("support-point");

        var copy = api.post("/api/v1/scenarios/" + id + "/copy", coordinator, "{\"name\":\"Blackout Amsterdam, no refuelling\"}");
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        long copyId = copy.json().get("id").asLong();
        assertThat(copyId).isNotEqualTo(id);
        assertThat(copy.json().get("name").asString()).isEqualTo("Blackout Amsterdam, no refuelling");
        assertThat(copy.json().get("durationHours").asInt()).isEqualTo(48);
        assertThat(api.post("/api/v1/scenarios/" + id + "/copy", coordinator, "{\"name\":\" \"}").json()
                .get("invalidParams").get(0).get("name").asString()).isEqualTo("name");

        assertThat(ids(api.get("/api/v1/scenarios", user("GM0363", "viewer")))).contains(id, copyId);
        assertThat(ids(api.get("/api/v1/scenarios", user("GM0014", "viewer")))).doesNotContain(id, copyId);
        assertThat(api.get("/api/v1/scenarios/" + id, user("GM0014", "viewer")).status()).as("outside the scope").isEqualTo(404);

        assertThat(api.send("DELETE", "/api/v1/scenarios/" + copyId, coordinator, null).status()).isEqualTo(428);
        assertThat(api.sendIfMatch("DELETE", "/api/v1/scenarios/" + copyId, coordinator, null, "\"1\"").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/scenarios/" + copyId, coordinator).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/scenarios", coordinator))).contains(id).doesNotContain(copyId);

        assertThat(audited(id)).containsExactly("planning.scenario-created", "planning.scenario-updated");
        assertThat(audited(copyId)).containsExactly("planning.scenario-copied", "planning.scenario-deleted");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndWritesNothing() {
        String coordinator = user("VR13", "coordinator");
        long before = scenarioRows();

        var invalid = api.post("/api/v1/scenarios", coordinator,
                "{\"name\":\"Bad\",\"hazard\":\"earthquake\",\"areas\":[\"GM9999\"],\"start\":\"tomorrow\"}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalidParams(invalid)).contains("hazard", "start").anyMatch(name -> name.startsWith("areas"));

        var wrongType = api.post("/api/v1/scenarios", coordinator,
                "{\"name\":\"Bad\",\"hazard\":\"flood\",\"areas\":[\"GM0363\"],\"start\":\"2026-02-02T06:00:00Z\",\"durationHours\":\"long\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(invalidParams(wrongType)).containsExactly("durationHours");

        var misspelt = api.post("/api/v1/scenarios", coordinator,
                "{\"name\":\"Bad\",\"hazard\":\"flood\",\"areas\":[\"GM0363\"],\"start\":\"2026-02-02T06:00:00Z\",\"durationHour\":24}");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(invalidParams(misspelt)).containsExactly("durationHour");

        assertThat(api.post("/api/v1/scenarios", coordinator, "[1, 2]").status()).isEqualTo(400);
        assertThat(scenarioRows()).as("nothing written").isEqualTo(before);
    }

    @Test
    void usersOutsideTheAreasOrWithTooLowARoleAreRefused() {
        String coordinator = user("VR13", "coordinator");
        long id = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam, scope test", "GM0363", 24)).json().get("id").asLong();
        String groningen = user("GM0014", "coordinator");
        String viewer = user("VR13", "viewer");
        long before = scenarioRows();

        assertThat(api.post("/api/v1/scenarios", groningen, scenario("Not mine", "GM0363", 24)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/scenarios", viewer, scenario("Viewer", "GM0363", 24)).status()).isEqualTo(403);
        assertThat(api.sendIfMatch("PUT", "/api/v1/scenarios/" + id, groningen, scenario("Moved", "GM0014", 24), "\"1\"").status())
                .as("moving it into one's own area needs the old area too").isEqualTo(403);
        assertThat(api.post("/api/v1/scenarios/" + id + "/copy", groningen, "{\"name\":\"Mine now\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/scenarios/" + id + "/runs", groningen, null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/scenarios/" + id + "/runs", viewer, null).status()).isEqualTo(403);
        assertThat(api.sendIfMatch("DELETE", "/api/v1/scenarios/" + id, groningen, null, "\"1\"").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/scenarios").status()).as("not public").isEqualTo(401);
        assertThat(api.get("/api/v1/scenarios/" + id, viewer).status()).isEqualTo(200);
        assertThat(scenarioRows()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from planning_run where scenario_id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aRunShowsProgressEndsDoneAndItsResultReadsAsJsonCsvAndPdf() {
        String coordinator = user("VR13", "coordinator");
        long id = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam run", "GM0363", 72)).json().get("id").asLong();

        var started = api.post("/api/v1/scenarios/" + id + "/runs", coordinator, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.json().get("id").asLong();
        assertThat(started.header("Location")).endsWith("/api/v1/scenario-runs/" + runId);
        assertThat(started.json().get("status").asString()).isIn("queued", "running", "done");
        assertThat(started.json().get("scenarioVersion").asLong()).isEqualTo(1);

        JsonNode run = waitUntilEnded(runId, coordinator);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("done");
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(run.get("statistics").get("demand").asLong()).isPositive();
        assertThat(run.get("finishedAt").asString()).isNotBlank();

        var result = api.get("/api/v1/scenario-runs/" + runId + "/result", coordinator);
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode areaDays = result.json().get("areaDays");
        assertThat(areaDays.size()).isPositive();
        assertThat(areaDays.valueStream().map(row -> row.get("municipality").asString())).contains("GM0363");
        assertThat(areaDays.valueStream().map(row -> row.get("day").asInt())).allMatch(day -> day >= 0 && day < 3);
        assertThat(result.json().get("dates").size()).isEqualTo(3);
        areaDays.forEach(row -> {
            long unmet = row.get("unmet").valueStream().mapToLong(JsonNode::asLong).sum();
            assertThat(row.get("supplied").asLong() + unmet).as("every unit of demand supplied or unmet with a reason: %s", row)
                    .isEqualTo(row.get("demand").asLong());
            row.get("unmet").propertyNames().forEach(reason -> assertThat(reason).matches("[a-z]+(-[a-z]+)*"));
        });

        var csv = api.get("/api/v1/scenario-runs/" + runId + "/result.csv", coordinator);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("amsterdam-run-doorrekening-" + runId + ".csv");
        assertThat(csv.body()).contains("GM0363");
        var pdf = api.get("/api/v1/scenario-runs/" + runId + "/report.pdf", coordinator);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        assertThat(api.get("/api/v1/scenarios/" + id + "/runs", coordinator).json().get("items").valueStream()
                .map(r -> r.get("id").asLong())).contains(runId);
        assertThat(api.get("/api/v1/scenario-runs/" + runId, user("GM0014", "viewer")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/scenario-runs/" + runId + "/result", user("GM0014", "viewer")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/scenario-runs/" + runId + "/cancel", coordinator, null).status()).as("done already").isEqualTo(409);
        assertThat(audited(runId, "planning-run")).containsExactly("planning.run-started");
    }

    @Test
    void aQueuedRunIsCancelledAtOnceARunningOneIsAskedToStopAndNeitherHasAResult() {
        String coordinator = user("VR13", "coordinator");
        var created = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam cancel", "GM0363", 24));
        long id = created.json().get("id").asLong();
        // Rows as the service leaves them, without a planner picking them up, so what the cancel meets is certain.
        long queued = runRow(id, "queued");
        long running = runRow(id, "running");

        assertThat(api.get("/api/v1/scenario-runs/" + queued + "/result", coordinator).status()).as("not done").isEqualTo(409);
        assertThat(api.post("/api/v1/scenario-runs/" + queued + "/cancel", user("GM0014", "admin"), null).status()).isEqualTo(403);
        var cancelled = api.post("/api/v1/scenario-runs/" + queued + "/cancel", coordinator, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("finishedAt").asString()).isNotBlank();
        assertThat(api.post("/api/v1/scenario-runs/" + queued + "/cancel", coordinator, null).status()).as("again: no change").isEqualTo(200);
        assertThat(api.get("/api/v1/scenario-runs/" + queued + "/result", coordinator).status()).isEqualTo(409);

        var asked = api.post("/api/v1/scenario-runs/" + running + "/cancel", coordinator, null);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().get("status").asString()).as("stops at the planner's next check").isEqualTo("running");
        assertThat(jdbc.sql("select cancel_requested from planning_run where id = :id").param("id", running).query(Boolean.class).single())
                .isTrue();
        assertThat(audited(queued, "planning-run")).containsExactly("planning.run-cancelled");
        assertThat(audited(running, "planning-run")).containsExactly("planning.run-cancelled");

        // A real run, cancelled as soon as it is started: it ends cancelled, or done when the planner was quicker.
        long runId = api.post("/api/v1/scenarios/" + id + "/runs", coordinator, null).json().get("id").asLong();
        int answer = api.post("/api/v1/scenario-runs/" + runId + "/cancel", coordinator, null).status();
        String status = waitUntilEnded(runId, coordinator).get("status").asString();
        if (answer == 200) {
            assertThat(status).isIn("cancelled", "done");
        } else {
            assertThat(answer).isEqualTo(409);
            assertThat(status).isEqualTo("done");
        }
        jdbc.sql("update planning_run set status = 'interrupted', finished_at = now() where id = :id and status = 'running'")
                .param("id", running).update();
    }

    /**
     * With an Idempotency-Key the whole request is one transaction: the planner, reading on
     * connections of its own, once found the run not yet committed and never ran it.
     */
    @Test
    void aRunStartedWithAnIdempotencyKeyRunsAndItsRepeatIsTheSameRun() {
        String coordinator = user("VR13", "coordinator");
        long id = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam keyed run", "GM0363", 24)).json().get("id").asLong();
        Map<String, String> key = Map.of("Idempotency-Key", "planning-run-" + System.nanoTime());
        ApiClient.Response started = api.send("POST", "/api/v1/scenarios/" + id + "/runs", coordinator, null, key);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.json().get("id").asLong();

        assertThat(waitUntilEnded(runId, coordinator).get("status").asString()).isEqualTo("done");
        ApiClient.Response repeated = api.send("POST", "/api/v1/scenarios/" + id + "/runs", coordinator, null, key);
        assertThat(repeated.json().get("id").asLong()).isEqualTo(runId);
    }

    @Test
    void runsLeftBehindByAKilledProcessAreMarkedInterrupted() {
        String coordinator = user("VR13", "coordinator");
        long id = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam interrupted", "GM0363", 24)).json().get("id").asLong();
        long orphan = runRow(id, "running");
        long alive = runRow(id, "running");
        jdbc.sql("update planning_run set heartbeat_at = now() - interval '5 minutes' where id = :id").param("id", orphan).update();

        planningRuns.heartbeatAndSweep();

        JsonNode interrupted = api.get("/api/v1/scenario-runs/" + orphan, coordinator).json();
        assertThat(interrupted.get("status").asString()).isEqualTo("interrupted");
        assertThat(interrupted.get("stage").asString()).startsWith("Interrupted");
        assertThat(api.get("/api/v1/scenario-runs/" + alive, coordinator).json().get("status").asString())
                .as("a run whose process still beats is left alone").isEqualTo("running");
        jdbc.sql("update planning_run set status = 'interrupted', finished_at = now() where id = :id").param("id", alive).update();
    }

    /**
     * In the crisis hour requests can hold every connection of the request pool for seconds; a
     * planning run must still get from queued to done (it once failed "for want of a connection").
     */
    @Test
    void aRunEndsDoneWhileRequestsHoldEveryConnectionOfTheirPool() throws SQLException {
        String coordinator = user("VR13", "coordinator");
        long id = api.post("/api/v1/scenarios", coordinator, scenario("Amsterdam busy hour", "GM0363", 24)).json().get("id").asLong();
        Planning.SavedScenario saved = scenarios.find(id).orElseThrow();
        PlanInput input = SignedIn.as(users.loadUserByUsername("admin"), () -> planInputs.collect(saved.scenario()));
        long runId = runs.insert(id, saved.version(), saved.scenario(), "planning-test");

        List<Connection> held = new ArrayList<>();
        try {
            // Taken until the pool's own wait runs out: then also no short-lived holder (the audit
            // sequencer) has given one back for that long, so none is left for the run.
            try {
                while (true) {
                    held.add(requestPool.getConnection());
                }
            } catch (SQLTransientConnectionException exhausted) {
                assertThat(held).isNotEmpty();
            }
            planningRuns.submit(runId, input);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            String status;
            do {
                try (var statement = held.getFirst().prepareStatement("select status from planning_run where id = ?")) {
                    statement.setLong(1, runId);
                    try (var row = statement.executeQuery()) {
                        row.next();
                        status = row.getString(1);
                    }
                }
                assertThat(Instant.now()).as("run still %s", status).isBefore(deadline);
                pause();
            } while (status.equals("queued") || status.equals("running"));
            assertThat(status).as("ended while every request connection was taken").isEqualTo("done");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private long runRow(long scenarioId, String status) {
        return jdbc.sql("""
                        insert into planning_run (scenario_id, scenario_version, scenario_snapshot, status, started_by)
                        select id, version, definition, :status, 'planning-test' from planning_scenario where id = :id
                        returning id""")
                .param("id", scenarioId).param("status", status).query(Long.class).single();
    }

    private JsonNode waitUntilEnded(long runId, String token) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            var response = api.get("/api/v1/scenario-runs/" + runId, token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode run = response.json();
            double progress = run.get("progress").asDouble();
            assertThat(progress).isBetween(0.0, 1.0);
            String status = run.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return run;
            }
            assertThat(Instant.now()).as("run %d still %s after 3 minutes", runId, status).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long scenarioRows() {
        return jdbc.sql("select count(*) from planning_scenario").query(Long.class).single();
    }

    private List<String> audited(long id) {
        return audited(id, "planning-scenario");
    }

    private List<String> audited(long id, String entityType) {
        return jdbc.sql("select action from audit_entry where entity_type = :type and entity_id = :id order by seq")
                .param("type", entityType).param("id", String.valueOf(id)).query(String.class).list();
    }

    private static List<Long> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }

    private static List<String> invalidParams(ApiClient.Response response) {
        return response.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList();
    }
}
