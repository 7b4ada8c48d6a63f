package nl.weerbaar.planning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.system.AfterCommit;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door into planning: saved scenarios, runs of them, and their results. Scenarios belong to
 * an organisation and cover areas in its scope; coordinators write, viewers in scope read.
 *
 * <p>Scope: a scenario is read by whoever may read every one of its areas (to anyone else it does
 * not exist: 404); it is changed, copied, deleted and run by a coordinator whose organisation acts
 * in every one of its areas (403 otherwise). A run has the scope of the scenario as it was run.
 *
 * <p>A run's result is there once the run is done: {@link #result(long)} answers 404 for a run
 * that does not exist (or is out of scope) and 409 Conflict for a run that is queued, running,
 * failed, cancelled or interrupted, naming its status.
 */
@Service
class Planning {

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

    static final String ENTITY_SCENARIO = "planning-scenario";
    static final String ENTITY_RUN = "planning-run";

    private final ScenarioRepository scenarios;
    private final RunRepository runs;
    private final PlanningRuns executor;
    private final ScenarioValidator validator;
    private final PlanInputs planInputs;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Areas areas;
    private final TransactionTemplate transaction;

    Planning(ScenarioRepository scenarios, RunRepository runs, PlanningRuns executor, ScenarioValidator validator,
             PlanInputs planInputs, AccessControl access, AuditTrail audit, Areas areas,
             PlatformTransactionManager transactions) {
        this.scenarios = scenarios;
        this.runs = runs;
        this.executor = executor;
        this.validator = validator;
        this.planInputs = planInputs;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Transactional
    public SavedScenario create(ScenarioInput input) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Scenario scenario = validator.validate(input);
        requireEvery(scenario);
        SavedScenario created = scenarios.insert(actor.organisation(), scenario, actor.username());
        audit.record(new AuditTrail.Change("planning.scenario-created", ENTITY_SCENARIO, String.valueOf(created.id()),
                auditArea(scenario), null, scenario));
        return created;
    }

    /** A scenario the caller may read; 404 when it does not exist, was deleted, or lies outside their scope. */
    @Transactional(readOnly = true)
    public SavedScenario get(long id) {
        Actor actor = access.requireRole(Role.VIEWER);
        return scenarios.find(id).filter(saved -> mayRead(actor, saved.scenario())).orElseThrow(() -> noScenario(id));
    }

    /** The scenarios whose every area the caller may read, most recently changed first. */
    @Transactional(readOnly = true)
    public List<SavedScenario> list() {
        Actor actor = access.requireRole(Role.VIEWER);
        return scenarios.list(access.areasInScope(actor).orElse(null));
    }

    @Transactional
    public SavedScenario update(long id, String ifMatch, ScenarioInput input) {
        access.requireRole(Role.COORDINATOR);
        Scenario scenario = validator.validate(input);
        requireEvery(scenario);
        SavedScenario before = scenarios.findForUpdate(id).orElseThrow(() -> noScenario(id));
        requireEvery(before.scenario());
        Versioned.requireMatch(ifMatch, before.version());
        SavedScenario after = scenarios.update(id, scenario);
        audit.record(new AuditTrail.Change("planning.scenario-updated", ENTITY_SCENARIO, String.valueOf(id),
                auditArea(scenario), before.scenario(), scenario));
        return after;
    }

    /** A copy under a new name, to change one thing and compare. */
    @Transactional
    public SavedScenario copy(long id, String name) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        new InputCheck().require(name, n -> !InputCheck.isBlank(n) && n.strip().length() <= 120, "name",
                "must be 1 to 120 characters").orThrow();
        SavedScenario original = scenarios.find(id).orElseThrow(() -> noScenario(id));
        requireEvery(original.scenario());
        Scenario copy = renamed(original.scenario(), name.strip());
        SavedScenario created = scenarios.insert(actor.organisation(), copy, actor.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("copyOf", id);
        after.put("scenario", copy);
        audit.record(new AuditTrail.Change("planning.scenario-copied", ENTITY_SCENARIO, String.valueOf(created.id()),
                auditArea(copy), null, after));
        return created;
    }

    /** Deletes a scenario; its runs and their results stay readable. */
    @Transactional
    public void delete(long id, String ifMatch) {
        access.requireRole(Role.COORDINATOR);
        SavedScenario before = scenarios.findForUpdate(id).orElseThrow(() -> noScenario(id));
        requireEvery(before.scenario());
        Versioned.requireMatch(ifMatch, before.version());
        scenarios.markDeleted(id);
        audit.record(new AuditTrail.Change("planning.scenario-deleted", ENTITY_SCENARIO, String.valueOf(id),
                auditArea(before.scenario()), before.scenario(), null));
    }

    /**
     * Starts a run in the background and returns at once; poll {@link #run(long)} for progress. The
     * input is gathered here, on the caller's thread and with the caller's rights; the run itself
     * waits for a free planner (status queued) and then runs (running).
     */
    public Run startRun(long scenarioId) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        SavedScenario saved = transaction.execute(status -> scenarios.find(scenarioId).orElseThrow(() -> noScenario(scenarioId)));
        requireEvery(saved.scenario());
        PlanInput input = planInputs.collect(saved.scenario());
        long runId = transaction.execute(status -> {
            long id = runs.insert(saved.id(), saved.version(), saved.scenario(), actor.username());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("scenario", saved.id());
            after.put("scenarioVersion", saved.version());
            audit.record(new AuditTrail.Change("planning.run-started", ENTITY_RUN, String.valueOf(id),
                    auditArea(saved.scenario()), null, after));
            return id;
        });
        // The planner reads the row on connections of its own: it must be committed first, also when
        // the request's Idempotency-Key holds the whole request in one transaction.
        AfterCommit.run(() -> executor.submit(runId, input));
        return runs.find(runId).orElseThrow().run();
    }

    /**
     * The scenario of a run, for work that writes on the run (its routes): 404 for an unknown run,
     * 403 unless the caller coordinates every area the scenario covers (as for starting it).
     */
    @Transactional(readOnly = true)
    public Scenario runScenarioToWrite(long runId) {
        access.requireRole(Role.COORDINATOR);
        Scenario scenario = runs.find(runId).orElseThrow(() -> noRun(runId)).scenario();
        requireEvery(scenario);
        return scenario;
    }

    /** A run, with its progress; 404 when it does not exist or lies outside the caller's scope. */
    @Transactional(readOnly = true)
    public Run run(long runId) {
        return readable(runId).run();
    }

    /** The scenario exactly as a run planned it (a later change or deletion of the scenario does not alter it). */
    @Transactional(readOnly = true)
    public Scenario runScenario(long runId) {
        return readable(runId).scenario();
    }

    /** The runs of a scenario, newest first. */
    @Transactional(readOnly = true)
    public List<Run> runs(long scenarioId) {
        get(scenarioId);
        return runs.ofScenario(scenarioId);
    }

    /** A scenario as listed, with its newest run and its newest done run; each null when there is none. */
    public record Listed(SavedScenario saved, Run lastRun, Run lastDone) {}

    /** {@link #list} with each scenario's latest runs, read in one query for the whole list. */
    @Transactional(readOnly = true)
    public List<Listed> listWithLatestRuns() {
        List<SavedScenario> listed = list();
        Map<Long, List<Run>> newestFirst = runs.newestOfScenarios(listed.stream().map(SavedScenario::id).toList()).stream()
                .collect(Collectors.groupingBy(Run::scenarioId));
        return listed.stream().map(saved -> {
            List<Run> latest = newestFirst.getOrDefault(saved.id(), List.of());
            return new Listed(saved, latest.isEmpty() ? null : latest.getFirst(),
                    latest.stream().filter(run -> run.status() == RunStatus.DONE).findFirst().orElse(null));
        }).toList();
    }

    /**
     * Asks a run to stop: a queued run is cancelled at once, a running one at the planner's next
     * check (within a second or so). Cancelling a cancelled run again changes nothing; a run that
     * ended otherwise cannot be cancelled (409).
     */
    public Run cancel(long runId) {
        access.requireRole(Role.COORDINATOR);
        Run run = transaction.execute(status -> {
            RunRepository.StoredRun stored = runs.findForUpdate(runId).orElseThrow(() -> noRun(runId));
            requireEvery(stored.scenario());
            Run before = stored.run();
            if (before.status() == RunStatus.CANCELLED || (before.status() == RunStatus.RUNNING && stored.cancelRequested())) {
                return before;
            }
            if (before.status() != RunStatus.QUEUED && before.status() != RunStatus.RUNNING) {
                throw new Conflict("run " + runId + " is " + code(before.status()) + " already; only a queued or running run can be cancelled",
                        "planning.refusal.notCancellable", runId);
            }
            if (!runs.cancelQueued(runId)) {
                runs.requestCancel(runId);
            }
            audit.record(new AuditTrail.Change("planning.run-cancelled", ENTITY_RUN, String.valueOf(runId),
                    auditArea(stored.scenario()), Map.of("status", code(before.status())), Map.of("cancelRequested", true)));
            return runs.find(runId).orElseThrow().run();
        });
        executor.cancelLocally(runId);
        return run;
    }

    /** The result of a finished run: 404 for an unknown run, 409 while it has none (not done). */
    @Transactional(readOnly = true)
    public PlanResult result(long runId) {
        Run run = readable(runId).run();
        if (run.status() != RunStatus.DONE) {
            boolean pending = run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING;
            throw new Conflict("run " + runId + " is " + code(run.status())
                    + (pending ? "; its result is there once its status is done" : "; it has no result, start the scenario again"),
                    pending ? "planning.refusal.resultPending" : "planning.refusal.noResult", runId);
        }
        return runs.result(runId).orElseThrow(() -> noRun(runId));
    }

    static String code(RunStatus status) {
        return nl.weerbaar.system.Codes.of(status);
    }

    private RunRepository.StoredRun readable(long runId) {
        Actor actor = access.requireRole(Role.VIEWER);
        return runs.find(runId).filter(stored -> mayRead(actor, stored.scenario())).orElseThrow(() -> noRun(runId));
    }

    private boolean mayRead(Actor actor, Scenario scenario) {
        Optional<Set<String>> scope = access.areasInScope(actor);
        return scope.isEmpty() || scenario.areas().stream().allMatch(area -> access.mayRead(actor, area));
    }

    private void requireEvery(Scenario scenario) {
        scenario.areas().forEach(area -> access.require(Role.COORDINATOR, area));
    }

    /**
     * The area an audit entry is filed under, so the organisations concerned find it: the one area,
     * else the safety region all areas lie in, else the whole country.
     */
    String auditArea(Scenario scenario) {
        List<String> codes = scenario.areas();
        if (codes.size() == 1) {
            return codes.getFirst();
        }
        List<String> regions = codes.stream()
                .map(code -> code.startsWith("GM") ? areas.regionOf(code).orElse("NL") : code).distinct().toList();
        return regions.size() == 1 && regions.getFirst().startsWith("VR") ? regions.getFirst() : "NL";
    }

    static Scenario renamed(Scenario s, String name) {
        return new Scenario(name, s.description(), s.hazard(), s.areas(), s.start(), s.durationHours(), s.helpSeekingShare(),
                s.selfRelianceShare(), s.items(), s.tiers(), s.excludedPoints(), s.refuelling(), s.walkingDistanceKm(),
                s.visitsPerPlacePerDay(), s.detourFactor(), s.vehicleCapacityPerDepotPerDay(), s.fairness(), s.extraStock(),
                s.generatorPoints(), s.deliverTo());
    }

    private static NotFound noScenario(long id) {
        return new NotFound("no scenario with id " + id, "planning.refusal.noScenario");
    }

    private static NotFound noRun(long id) {
        return new NotFound("no scenario run with id " + id, "planning.refusal.noRun");
    }
}
