package nl.weerbaar.planning;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one door into planning: saved scenarios, runs of them, and their results. Scenarios belong to
 * an organisation and cover areas in its scope; coordinators write, viewers in scope read.
 */
@Service
public class Planning {

    /** A scenario as saved: the validated scenario and its bookkeeping. {@code version} is the ETag. */
    public record SavedScenario(long id, String organisation, Scenario scenario, String createdBy, Instant createdAt,
                                Instant updatedAt, long version) {}

    public enum RunStatus { QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED }

    /**
     * One run of a scenario as it was at {@code scenarioVersion}.
     *
     * @param progress 0 to 1
     * @param stage    what it is doing, in words
     * @param error    why it failed; null otherwise
     */
    public record Run(long id, long scenarioId, long scenarioVersion, RunStatus status, double progress, String stage,
                      String startedBy, Instant startedAt, Instant finishedAt, String error,
                      PlanResult.Statistics statistics) {}

    public SavedScenario create(ScenarioInput input) {
        throw new UnsupportedOperationException();
    }

    public SavedScenario get(long id) {
        throw new UnsupportedOperationException();
    }

    public List<SavedScenario> list() {
        throw new UnsupportedOperationException();
    }

    public SavedScenario update(long id, String ifMatch, ScenarioInput input) {
        throw new UnsupportedOperationException();
    }

    /** A copy under a new name, to change one thing and compare. */
    public SavedScenario copy(long id, String name) {
        throw new UnsupportedOperationException();
    }

    public void delete(long id, String ifMatch) {
        throw new UnsupportedOperationException();
    }

    /** Starts a run in the background and returns at once; poll {@link #run(long)} for progress. */
    public Run startRun(long scenarioId) {
        throw new UnsupportedOperationException();
    }

    public Run run(long runId) {
        throw new UnsupportedOperationException();
    }

    public List<Run> runs(long scenarioId) {
        throw new UnsupportedOperationException();
    }

    public Run cancel(long runId) {
        throw new UnsupportedOperationException();
    }

    /** The result of a finished run. */
    public PlanResult result(long runId) {
        throw new UnsupportedOperationException();
    }
}
