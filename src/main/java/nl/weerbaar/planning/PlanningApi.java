package nl.weerbaar.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.Codes;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios and their runs. A scenario reads as the fields people write ({@link ScenarioInput},
 * with every default filled in) plus {@code id}, {@code organisation}, {@code version} and who made
 * it when, so a body as read can be changed and sent back with PUT. Starting a run answers 202 with
 * the run's location; poll it until its status is {@code done}, then read the result.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "planning", description = "Crisis scenarios, distribution plans from the strategic stock, and where they fall short")
class PlanningApi {

    private final Planning planning;
    private final PlanReport report;
    private final JsonMapper json;

    PlanningApi(Planning planning, PlanReport report, JsonMapper json) {
        this.planning = planning;
        this.report = report;
        this.json = json;
    }

    record CopyRequest(String name) {}

    /** A saved scenario: the scenario's own fields as people write them, and its bookkeeping. */
    record ScenarioView(long id, String organisation, long version, String name, String description, String hazard,
                        List<String> areas, OffsetDateTime start, int durationHours, double helpSeekingShare,
                        double selfRelianceShare, List<Scenario.ItemNeed> items, List<String> tiers,
                        List<Long> excludedPoints, boolean refuelling, double walkingDistanceKm, int visitsPerPlacePerDay,
                        double detourFactor, Long vehicleCapacityPerDepotPerDay, String fairness,
                        List<Scenario.ExtraStock> extraStock, List<Long> generatorPoints, String deliverTo, int days,
                        String createdBy, Instant createdAt, Instant updatedAt) {

        static ScenarioView of(Planning.SavedScenario saved) {
            Scenario s = saved.scenario();
            return new ScenarioView(saved.id(), saved.organisation(), saved.version(), s.name(), s.description(),
                    s.hazard() == null ? null : s.hazard().code(), s.areas(), s.start(), s.durationHours(),
                    s.helpSeekingShare(), s.selfRelianceShare(), s.items(), s.tiers(), s.excludedPoints(), s.refuelling(),
                    s.walkingDistanceKm(), s.visitsPerPlacePerDay(), s.detourFactor(), s.vehicleCapacityPerDepotPerDay(),
                    s.fairness() == null ? null : s.fairness().code(), s.extraStock(), s.generatorPoints(), s.deliverTo().code(), s.days(), saved.createdBy(),
                    saved.createdAt(), saved.updatedAt());
        }
    }

    /** A run: status (queued, running, done, failed, cancelled, interrupted), progress 0 to 1, and its figures once done. */
    record RunView(long id, long scenarioId, long scenarioVersion, String status, double progress, String stage,
                   String startedBy, Instant startedAt, Instant finishedAt, String error,
                   PlanResult.Statistics statistics) {

        static RunView of(Planning.Run run) {
            return new RunView(run.id(), run.scenarioId(), run.scenarioVersion(), Codes.of(run.status()), run.progress(),
                    run.stage(), run.startedBy(), run.startedAt(), run.finishedAt(), run.error(), run.statistics());
        }
    }

    @GetMapping("/scenarios")
    @Operation(operationId = "listScenarios", summary = "Scenarios whose areas all lie in the user's scope, most recently changed first")
    Items<ScenarioView> listScenarios() {
        return new Items<>(planning.list().stream().map(ScenarioView::of).toList());
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/scenarios")
    @Operation(operationId = "createScenario", summary = "Save a scenario (coordinator of every area it covers); "
            + "only name, hazard, areas and start are required")
    ResponseEntity<ScenarioView> createScenario(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                        description = "A scenario as people write it", content = @Content(
                                                        mediaType = "application/json",
                                                        schema = @Schema(implementation = ScenarioInput.class)))
                                                @RequestBody JsonNode body) {
        Planning.SavedScenario created = planning.create(ScenarioJson.read(json, body));
        return ResponseEntity.created(URI.create("/api/v1/scenarios/" + created.id())).eTag(Versioned.etag(created.version()))
                .body(ScenarioView.of(created));
    }

    @GetMapping("/scenarios/{id}")
    @Operation(operationId = "getScenario", summary = "One scenario, with its ETag")
    ResponseEntity<ScenarioView> getScenario(@PathVariable long id) {
        Planning.SavedScenario saved = planning.get(id);
        return ResponseEntity.ok().eTag(Versioned.etag(saved.version())).body(ScenarioView.of(saved));
    }

    @PutMapping("/scenarios/{id}")
    @Operation(operationId = "updateScenario", summary = "Change a scenario; needs If-Match. A scenario as read may be sent back")
    ResponseEntity<ScenarioView> updateScenario(@PathVariable long id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                        description = "A scenario as people write it", content = @Content(
                                                        mediaType = "application/json",
                                                        schema = @Schema(implementation = ScenarioInput.class)))
                                                @RequestBody JsonNode body) {
        Planning.SavedScenario updated = planning.update(id, ifMatch, ScenarioJson.read(json, body));
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(ScenarioView.of(updated));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/scenarios/{id}")
    @Operation(operationId = "deleteScenario", summary = "Delete a scenario; needs If-Match. Its runs stay readable")
    ResponseEntity<Void> deleteScenario(@PathVariable long id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        planning.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/scenarios/{id}/copy")
    @Operation(operationId = "copyScenario", summary = "Copy a scenario under a new name, to change one thing and compare")
    ResponseEntity<ScenarioView> copyScenario(@PathVariable long id, @RequestBody CopyRequest request) {
        Planning.SavedScenario copy = planning.copy(id, request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/scenarios/" + copy.id())).eTag(Versioned.etag(copy.version()))
                .body(ScenarioView.of(copy));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/scenarios/{id}/runs")
    @Operation(operationId = "startScenarioRun", summary = "Plan the scenario as it is now, in the background: 202 with the "
            + "run's Location; poll it for progress")
    ResponseEntity<RunView> startRun(@PathVariable long id) {
        Planning.Run run = planning.startRun(id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/scenario-runs/" + run.id()))
                .header(HttpHeaders.RETRY_AFTER, "1").body(RunView.of(run));
    }

    @GetMapping("/scenarios/{id}/runs")
    @Operation(operationId = "listScenarioRuns", summary = "The runs of a scenario, newest first")
    Items<RunView> listRuns(@PathVariable long id) {
        return new Items<>(planning.runs(id).stream().map(RunView::of).toList());
    }

    @GetMapping("/scenario-runs/{runId}")
    @Operation(operationId = "getScenarioRun", summary = "A run: status, progress, stage and, once done, its statistics")
    RunView getRun(@PathVariable long runId) {
        return RunView.of(planning.run(runId));
    }

    @PostMapping("/scenario-runs/{runId}/cancel")
    @AnswersProblem(status = 409, when = "The run has ended already")
    @Operation(operationId = "cancelScenarioRun", summary = "Stop a queued or running run; a queued run is cancelled at once, "
            + "a running one within about a second (409 when it ended already)")
    RunView cancelRun(@PathVariable long runId) {
        return RunView.of(planning.cancel(runId));
    }

    @GetMapping("/scenario-runs/{runId}/result")
    @AnswersProblem(status = 409, when = "The run has no result: it has not finished, failed or was cancelled")
    @Operation(operationId = "getScenarioRunResult", summary = "The plan of a finished run: per municipality, day and item "
            + "demand, supplied and unmet by reason; first shortfalls; points; depots with the value of one more unit; "
            + "deliveries. 409 while the run is not done")
    PlanResult result(@PathVariable long runId) {
        return planning.result(runId);
    }

    @GetMapping(value = "/scenario-runs/{runId}/result.csv", produces = "text/csv")
    @AnswersProblem(status = 409, when = "The run has no result: it has not finished, failed or was cancelled")
    @Operation(operationId = "getScenarioRunResultCsv", summary = "The plan of a finished run as CSV: one row per "
            + "municipality, day and item")
    ResponseEntity<String> resultCsv(@PathVariable long runId) {
        return csvDownload(filename(runId, "csv"), report.csv(planning.result(runId)));
    }

    @GetMapping(value = "/scenario-runs/{runId}/points.csv", produces = "text/csv")
    @AnswersProblem(status = 409, when = "The run has no result: it has not finished, failed or was cancelled")
    @Operation(operationId = "getScenarioRunPointsCsv", summary = "What each support point needs and receives, per day "
            + "and item, as CSV")
    ResponseEntity<String> pointsCsv(@PathVariable long runId) {
        return csvDownload(filename(runId, "steunpunten.csv"), report.pointsCsv(planning.result(runId)));
    }

    /** A CSV answer that browsers save as {@code filename}; the staff pages use it too. */
    static ResponseEntity<String> csvDownload(String filename, String csv) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(csv);
    }

    @GetMapping(value = "/scenario-runs/{runId}/report.pdf", produces = "application/pdf")
    @AnswersProblem(status = 409, when = "The run has no result: it has not finished, failed or was cancelled")
    @Operation(operationId = "getScenarioRunReportPdf", summary = "The report of a finished run as PDF, to print")
    ResponseEntity<byte[]> reportPdf(@PathVariable long runId, Locale locale) {
        PlanResult result = planning.result(runId);
        byte[] pdf = report.pdf(planning.runScenario(runId), result, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename(runId, "pdf") + "\"")
                .body(pdf);
    }

    private String filename(long runId, String extension) {
        return slug(planning.runScenario(runId).name()) + "-doorrekening-" + runId + "." + extension;
    }

    /** A file name from a scenario's name: lower case, ASCII letters and digits, words joined by hyphens. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "scenario" : slug;
    }
}
