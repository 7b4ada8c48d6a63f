package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.weerbaar.points.DemoDataForTests;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.support.WithDemoNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Routes of a run through the API, on the demo network and stock: a VR13 coordinator routes a depot
 * and day of an Amsterdam blackout plan (real OR-Tools), locks a route and plans the rest again,
 * prints the sheets; bad input and users outside the area are refused and nothing is written.
 */
@WithDemoNetwork
@TimeDependent
class RoutesApiTest {

    private static final String PASSWORD = "routes-test-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        DemoDataForTests.load(context);
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    private String user(String organisation, String role) {
        return api.token(api.createUser(admin, organisation, role, PASSWORD), PASSWORD);
    }

    @Test
    void aCoordinatorRoutesADepotDayLocksARoutePlansTheRestAgainAndPrintsTheSheets() {
        String coordinator = user("VR13", "coordinator");
        long runId = finishedRun(coordinator);
        var index = api.get("/api/v1/scenario-runs/" + runId + "/routes", coordinator);
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        JsonNode depotDay = index.json().get("depotDays").valueStream().filter(d -> d.get("visits").asLong() >= 2)
                .findFirst().orElseThrow();
        long depot = depotDay.get("depot").asLong();
        int day = depotDay.get("day").asInt();

        var made = api.post("/api/v1/scenario-runs/" + runId + "/routes", coordinator,
                ApiClient.json(Map.of("depot", depot, "day", day, "seconds", 1, "vehicles", 3)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long routesId = made.json().get("id").asLong();
        assertThat(made.header("Location")).endsWith("/api/v1/scenario-runs/" + runId + "/routes/" + routesId);
        JsonNode plan = made.json().get("plan");
        assertThat(plan.get("routes").size()).isPositive();
        assertThat(plan.get("km").asDouble()).isGreaterThanOrEqualTo(plan.get("lowerBoundKm").asDouble());
        assertThat(plan.get("baseline").get("km").asDouble()).isPositive();
        long visits = plan.get("routes").valueStream().mapToLong(r -> r.get("visits").size()).sum() + plan.get("missed").size();
        assertThat(visits).isGreaterThanOrEqualTo(depotDay.get("visits").asLong());
        assertThat(audited(routesId)).containsExactly("planning.routes-planned");

        var again = api.post("/api/v1/scenario-runs/" + runId + "/routes", coordinator, ApiClient.json(Map.of("depot", depot,
                "day", day, "seconds", 1, "vehicles", 3, "keep", Map.of("routes", routesId, "vehicles", List.of(1)))));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonNode first = again.json().get("plan").get("routes").get(0);
        assertThat(first.get("locked").asBoolean()).isTrue();
        assertThat(first.get("visits")).isEqualTo(plan.get("routes").get(0).get("visits"));

        var pdf = api.get("/api/v1/scenario-runs/" + runId + "/routes.pdf?depot=" + depot + "&day=" + day, coordinator);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        var csv = api.get("/api/v1/scenario-runs/" + runId + "/routes.csv?depot=" + depot + "&day=" + day, coordinator);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("route,stop,point");
        assertThat(api.get("/api/v1/scenario-runs/" + runId + "/routes/" + routesId, coordinator).json().get("plan"))
                .isEqualTo(plan);
        assertThat(api.get("/api/v1/scenario-runs/" + runId + "/routes", coordinator).json().get("items").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/scenario-runs/" + runId + "/routes/" + routesId, user("GM0014", "viewer")).status())
                .isEqualTo(404);
    }

    @Test
    void badInputAndUsersOutsideTheAreaAreRefusedAndNothingIsWritten() {
        String coordinator = user("VR13", "coordinator");
        long runId = finishedRun(coordinator);
        long before = rows();

        var bad = api.post("/api/v1/scenario-runs/" + runId + "/routes", coordinator,
                ApiClient.json(Map.of("depot", -1, "shiftStart", "seven", "seconds", 500, "keep", Map.of())));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()))
                .contains("depot", "day", "shiftStart", "seconds", "keep");
        var unused = api.post("/api/v1/scenario-runs/" + runId + "/routes", coordinator,
                ApiClient.json(Map.of("depot", 987_654_321, "day", 0)));
        assertThat(unused.status()).as(unused.body()).isEqualTo(400);
        assertThat(unused.body()).contains("sends nothing from depot 987654321");
        assertThat(api.post("/api/v1/scenario-runs/" + runId + "/routes", user("GM0014", "coordinator"),
                ApiClient.json(Map.of("depot", 1, "day", 0))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/scenario-runs/" + runId + "/routes", user("VR13", "viewer"),
                ApiClient.json(Map.of("depot", 1, "day", 0))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/scenario-runs/" + runId + "/routes.pdf?depot=1&day=0", coordinator).status()).isEqualTo(404);
        assertThat(rows()).isEqualTo(before);
    }

    private long finishedRun(String coordinator) {
        String scenario = ApiClient.json(Map.of("name", "Routes " + System.nanoTime(), "hazard", "power-outage",
                "areas", List.of("GM0363"), "start", "2026-12-01T06:00:00+01:00", "durationHours", 24,
                "items", List.of(Map.of("item", "drinking-water"), Map.of("item", "emergency-ration"))));
        long id = api.post("/api/v1/scenarios", coordinator, scenario).json().get("id").asLong();
        long runId = api.post("/api/v1/scenarios/" + id + "/runs", coordinator, null).json().get("id").asLong();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode run = api.get("/api/v1/scenario-runs/" + runId, coordinator).json();
            String status = run.get("status").asString();
            if (status.equals("done")) {
                return runId;
            }
            assertThat(status).as(run.toString()).isIn("queued", "running");
            assertThat(Instant.now()).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long rows() {
        return jdbc.sql("select count(*) from planning_route_plan").query(Long.class).single();
    }

    private List<String> audited(long id) {
        return jdbc.sql("select action from audit_entry where entity_type = :type and entity_id = :id order by seq")
                .param("type", RoutePlans.ENTITY).param("id", String.valueOf(id)).query(String.class).list();
    }
}
