package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import tools.jackson.databind.json.JsonMapper;

/** The scenario list reads every scenario's latest runs at once: the same as reading each scenario's runs. */
@IntegrationTest
class ScenarioListTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Planning planning;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void eachScenarioIsListedWithItsNewestRunAndItsNewestDoneRunAsItsRunsSay() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long doneThenFailed = scenario(api, admin, "list done then failed");
        long failedThenDone = scenario(api, admin, "list failed then done");
        long neverDone = scenario(api, admin, "list never done");
        long neverRun = scenario(api, admin, "list never run");
        long olderDone = runRow(doneThenFailed, "done");
        long newestDone = runRow(doneThenFailed, "done");
        long failed = runRow(doneThenFailed, "failed");
        runRow(failedThenDone, "failed");
        long onlyDone = runRow(failedThenDone, "done");
        runRow(neverDone, "cancelled");
        long queued = runRow(neverDone, "queued");

        Map<Long, Planning.Listed> listed = asAdmin(planning::listWithLatestRuns).stream()
                .collect(Collectors.toMap(l -> l.saved().id(), l -> l));

        assertThat(listed.get(doneThenFailed).lastRun().id()).isEqualTo(failed);
        assertThat(listed.get(doneThenFailed).lastDone().id()).isEqualTo(newestDone).isNotEqualTo(olderDone);
        assertThat(listed.get(failedThenDone).lastRun().id()).isEqualTo(onlyDone);
        assertThat(listed.get(failedThenDone).lastDone().id()).isEqualTo(onlyDone);
        assertThat(listed.get(neverDone).lastRun().id()).isEqualTo(queued);
        assertThat(listed.get(neverDone).lastDone()).isNull();
        assertThat(listed.get(neverRun).lastRun()).isNull();
        assertThat(listed.get(neverRun).lastDone()).isNull();
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(
                asAdmin(planning::list).stream().map(Planning.SavedScenario::id).toList());
        for (Planning.Listed one : listed.values()) {
            List<Planning.Run> runs = asAdmin(() -> planning.runs(one.saved().id())).stream()
                    .sorted(Comparator.comparingLong(Planning.Run::id).reversed()).toList();
            assertThat(one.lastRun()).isEqualTo(runs.isEmpty() ? null : runs.getFirst());
            assertThat(one.lastDone()).isEqualTo(runs.stream().filter(r -> r.status() == Planning.RunStatus.DONE)
                    .findFirst().orElse(null));
        }
        jdbc.sql("update planning_run set status = 'cancelled', finished_at = started_at where id = :id").param("id", queued).update();
    }

    private static long scenario(ApiClient api, String admin, String name) {
        var created = api.post("/api/v1/scenarios", admin, PlanningApiTest.scenario(name + " " + System.nanoTime(), "GM0363", 24));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A run row in a given state, as the planner would have left it. */
    private long runRow(long scenarioId, String status) {
        boolean done = status.equals("done");
        PlanResult.Statistics statistics = new PlanResult.Statistics(10, 10, 0, 8, true, null, PlanResult.Statistics.PROVEN,
                "test", 1, 1, 0, 0, 0);
        return jdbc.sql("""
                        insert into planning_run (scenario_id, scenario_version, scenario_snapshot, status, started_by, finished_at,
                                                  progress, error, statistics, result_gzip)
                        select id, version, definition, :status, 'list-test',
                               case when :status in ('queued', 'running') then null else now() end,
                               case when :done then 1 else 0 end,
                               case when :status = 'failed' then 'test failure' end,
                               case when :done then cast(:statistics as jsonb) end,
                               case when :done then cast('x' as bytea) end
                        from planning_scenario where id = :id
                        returning id""")
                .param("id", scenarioId).param("status", status).param("done", done)
                .param("statistics", json.writeValueAsString(statistics))
                .query(Long.class).single();
    }

    private <T> T asAdmin(Supplier<T> work) {
        UserDetails admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
