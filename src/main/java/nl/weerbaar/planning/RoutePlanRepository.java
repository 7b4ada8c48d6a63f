package nl.weerbaar.planning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The planning_route_plan table: route plans of runs, as computed. */
@Repository
class RoutePlanRepository {

    record Stored(long id, long runId, long depot, int day, RoutePlan plan, String createdBy, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RoutePlanRepository(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    long insert(long runId, RoutePlan plan, String createdBy) {
        return jdbc.sql("""
                        insert into planning_route_plan (run_id, depot_id, day, plan, created_by, created_at)
                        values (:run, :depot, :day, cast(:plan as jsonb), :by, :now) returning id""")
                .param("run", runId).param("depot", plan.depot().id()).param("day", plan.day())
                .param("plan", json.writeValueAsString(plan)).param("by", createdBy)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    Optional<Stored> find(long runId, long id) {
        return jdbc.sql("select * from planning_route_plan where run_id = :run and id = :id")
                .param("run", runId).param("id", id).query(this::stored).optional();
    }

    /** The newest plan for a depot and day of a run. */
    Optional<Stored> latest(long runId, long depot, int day) {
        return jdbc.sql("select * from planning_route_plan where run_id = :run and depot_id = :depot and day = :day order by id desc limit 1")
                .param("run", runId).param("depot", depot).param("day", day).query(this::stored).optional();
    }

    List<Stored> ofRun(long runId) {
        return jdbc.sql("select * from planning_route_plan where run_id = :run order by id desc")
                .param("run", runId).query(this::stored).list();
    }

    private Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("depot_id"), rs.getInt("day"),
                json.readValue(rs.getString("plan"), RoutePlan.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
