package nl.weerbaar.planning;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.weerbaar.system.BackgroundConnections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs of scenarios. Every change of a run's state is guarded by the state it leaves, so a late
 * writer (a run finishing after it was interrupted or cancelled) never overwrites the outcome.
 * When a run started and finished is the application clock's; the heartbeat that tells whether the
 * process running it is alive is the database's own time, and only ever compared with it.
 *
 * <p>What the running planner and the heartbeat write goes through connections of their own
 * ({@link BackgroundConnections}), so a run neither fails nor is taken for dead while requests
 * hold the whole request pool.
 */
@Repository
class RunRepository {

    static final int MAX_ERROR = 4000;

    private final JdbcClient jdbc;
    private final JdbcClient background;
    private final JsonMapper json;
    private final Clock clock;

    RunRepository(JdbcClient jdbc, BackgroundConnections background, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.background = background.jdbc();
        this.json = json;
        this.clock = clock;
    }

    /** A run with the scenario as it was when it started. */
    record StoredRun(Planning.Run run, Scenario scenario, boolean cancelRequested) {}

    long insert(long scenarioId, long scenarioVersion, Scenario snapshot, String startedBy) {
        return jdbc.sql("""
                        insert into planning_run (scenario_id, scenario_version, scenario_snapshot, status, stage, started_by, started_at)
                        values (:scenario, :version, cast(:snapshot as jsonb), 'queued', 'Waiting for a free planner', :startedBy, :now)
                        returning id""")
                .param("now", now())
                .param("scenario", scenarioId)
                .param("version", scenarioVersion)
                .param("snapshot", json.writeValueAsString(snapshot))
                .param("startedBy", startedBy)
                .query(Long.class).single();
    }

    Optional<StoredRun> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional();
    }

    Optional<StoredRun> findForUpdate(long id) {
        return jdbc.sql(SELECT + " where id = :id for update").param("id", id).query(this::row).optional();
    }

    List<Planning.Run> ofScenario(long scenarioId) {
        return jdbc.sql(SELECT + " where scenario_id = :scenario order by id desc").param("scenario", scenarioId)
                .query(this::row).list().stream().map(StoredRun::run).toList();
    }

    /** Of each scenario its newest run and its newest done one (one row when they are the same), newest first. */
    List<Planning.Run> newestOfScenarios(Collection<Long> scenarioIds) {
        return jdbc.sql(SELECT + """
                         where id in (
                            select max(id) from planning_run where scenario_id = any(:scenarios) group by scenario_id
                            union
                            select max(id) from planning_run where scenario_id = any(:scenarios) and status = 'done' group by scenario_id)
                        order by id desc""")
                .param("scenarios", scenarioIds.toArray(Long[]::new))
                .query(this::row).list().stream().map(StoredRun::run).toList();
    }

    /** Takes a queued run; false when it was cancelled (or interrupted) while it waited. */
    boolean markRunning(long id) {
        return background.sql("""
                        update planning_run set status = 'running', stage = 'Started', heartbeat_at = now()
                        where id = :id and status = 'queued' and not cancel_requested""")
                .param("id", id).update() == 1;
    }

    void progress(long id, double done, String stage) {
        background.sql("""
                        update planning_run set progress = :progress, stage = :stage, heartbeat_at = now()
                        where id = :id and status = 'running'""")
                .param("id", id).param("progress", clamp(done)).param("stage", truncate(stage, 500)).update();
    }

    boolean cancelRequested(long id) {
        return background.sql("select cancel_requested or status not in ('queued', 'running') from planning_run where id = :id")
                .param("id", id).query(Boolean.class).optional().orElse(true);
    }

    void requestCancel(long id) {
        jdbc.sql("update planning_run set cancel_requested = true where id = :id").param("id", id).update();
    }

    /** Cancels a run that has not started; true when it was still waiting. */
    boolean cancelQueued(long id) {
        return jdbc.sql("""
                        update planning_run set status = 'cancelled', cancel_requested = true, finished_at = :now,
                               stage = 'Cancelled before it started'
                        where id = :id and status = 'queued'""")
                .param("now", now())
                .param("id", id).update() == 1;
    }

    void done(long id, PlanResult result) {
        background.sql("""
                        update planning_run set status = 'done', progress = 1, stage = 'Done', finished_at = :now,
                               statistics = cast(:statistics as jsonb), result_gzip = :result
                        where id = :id and status = 'running'""")
                .param("now", now())
                .param("id", id)
                .param("statistics", json.writeValueAsString(result.statistics()))
                .param("result", gzip(json.writeValueAsBytes(result)))
                .update();
    }

    void cancelled(long id) {
        background.sql("""
                        update planning_run set status = 'cancelled', finished_at = :now, stage = 'Cancelled'
                        where id = :id and status = 'running'""")
                .param("now", now())
                .param("id", id).update();
    }

    void failed(long id, String error) {
        background.sql("""
                        update planning_run set status = 'failed', finished_at = :now, error = :error, stage = 'Failed'
                        where id = :id and status in ('queued', 'running')""")
                .param("now", now())
                .param("id", id).param("error", truncate(error, MAX_ERROR)).update();
    }

    /** The runs this process still has keep their heartbeat. */
    void heartbeat(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            background.sql("update planning_run set heartbeat_at = now() where id = any(:ids) and status in ('queued', 'running')")
                    .param("ids", ids.toArray(Long[]::new)).update();
        }
    }

    /** Runs of this process, stopped with it. */
    int interrupt(Collection<Long> ids, String stage) {
        if (ids.isEmpty()) {
            return 0;
        }
        return background.sql("""
                        update planning_run set status = 'interrupted', finished_at = greatest(:now, started_at), stage = :stage
                        where id = any(:ids) and status in ('queued', 'running')""")
                .param("now", now())
                .param("ids", ids.toArray(Long[]::new)).param("stage", stage).update();
    }

    /** Runs whose process stopped beating (killed, or the machine went down): interrupted. */
    int interruptStale(Duration silence, String stage) {
        return background.sql("""
                        update planning_run set status = 'interrupted', finished_at = greatest(:now, started_at), stage = :stage
                        where status in ('queued', 'running') and heartbeat_at < now() - make_interval(secs => :silence)""")
                .param("now", now())
                .param("silence", silence.toMillis() / 1000.0)
                .param("stage", stage).update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    Optional<PlanResult> result(long id) {
        return jdbc.sql("select result_gzip from planning_run where id = :id and status = 'done'").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional()
                .map(bytes -> json.readValue(gunzip(bytes), PlanResult.class));
    }

    private static final String SELECT = """
            select id, scenario_id, scenario_version, scenario_snapshot, status, progress, stage, cancel_requested,
                   started_by, started_at, finished_at, error, statistics
            from planning_run""";

    private StoredRun row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        String statistics = rs.getString("statistics");
        Planning.Run run = new Planning.Run(rs.getLong("id"), rs.getLong("scenario_id"), rs.getLong("scenario_version"),
                Planning.RunStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getDouble("progress"),
                rs.getString("stage"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("error"),
                statistics == null ? null : json.readValue(statistics, PlanResult.Statistics.class));
        return new StoredRun(run, ScenarioJson.stored(json, rs.getString("scenario_snapshot")),
                rs.getBoolean("cancel_requested"));
    }

    private static double clamp(double done) {
        return Double.isNaN(done) ? 0 : Math.max(0, Math.min(1, done));
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (OutputStream out = new GZIPOutputStream(buffer, 65_536)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 65_536)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
