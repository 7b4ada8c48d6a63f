package nl.weerbaar.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Saved scenarios: the validated scenario as JSON, with its areas as an array for scope filters. */
@Repository
class ScenarioRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ScenarioRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Planning.SavedScenario insert(String organisation, Scenario scenario, String createdBy) {
        return jdbc.sql("""
                        insert into planning_scenario (organisation, name, areas, definition, created_by, created_at, updated_at)
                        values (:organisation, :name, :areas, cast(:definition as jsonb), :createdBy, :now, :now) returning *""")
                .param("now", now())
                .param("organisation", organisation)
                .param("name", scenario.name())
                .param("areas", scenario.areas().toArray(String[]::new))
                .param("definition", json.writeValueAsString(scenario))
                .param("createdBy", createdBy)
                .query(this::row).single();
    }

    /** A scenario that was not deleted. */
    Optional<Planning.SavedScenario> find(long id) {
        return jdbc.sql("select * from planning_scenario where id = :id and deleted_at is null")
                .param("id", id).query(this::row).optional();
    }

    Optional<Planning.SavedScenario> findForUpdate(long id) {
        return jdbc.sql("select * from planning_scenario where id = :id and deleted_at is null for update")
                .param("id", id).query(this::row).optional();
    }

    /** Scenarios whose every area lies in {@code scope} (null: everywhere), newest change first. */
    List<Planning.SavedScenario> list(Set<String> scope) {
        return jdbc.sql("""
                        select * from planning_scenario
                        where deleted_at is null and (cast(:scope as text[]) is null or areas <@ cast(:scope as text[]))
                        order by updated_at desc, id desc""")
                .param("scope", scope == null ? null : scope.toArray(String[]::new))
                .query(this::row).list();
    }

    Planning.SavedScenario update(long id, Scenario scenario) {
        return jdbc.sql("""
                        update planning_scenario set name = :name, areas = :areas, definition = cast(:definition as jsonb),
                               updated_at = greatest(:now, created_at), version = version + 1
                        where id = :id returning *""")
                .param("now", now())
                .param("id", id)
                .param("name", scenario.name())
                .param("areas", scenario.areas().toArray(String[]::new))
                .param("definition", json.writeValueAsString(scenario))
                .query(this::row).single();
    }

    void markDeleted(long id) {
        jdbc.sql("update planning_scenario set deleted_at = :now, version = version + 1 where id = :id")
                .param("id", id).param("now", now()).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private Planning.SavedScenario row(ResultSet rs, int n) throws SQLException {
        return new Planning.SavedScenario(rs.getLong("id"), rs.getString("organisation"),
                ScenarioJson.stored(json, rs.getString("definition")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
