package nl.weerbaar.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.system.AnswersProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vehicle routes of a finished run: make them for a depot and day (201 with the route plan), read
 * them back, and print them as sheets for the drivers (PDF) or as CSV.
 */
@RestController
@RequestMapping("/api/v1/scenario-runs/{runId}")
@Tag(name = "planning", description = "Crisis scenarios, distribution plans from the strategic stock, and where they fall short")
class RoutesApi {

    private final RoutePlans routes;
    private final RouteSheets sheets;
    private final Planning planning;

    RoutesApi(RoutePlans routes, RouteSheets sheets, Planning planning) {
        this.routes = routes;
        this.sheets = sheets;
        this.planning = planning;
    }

    /** The route plans made for the run, newest first, and the depots and days that can be routed. */
    record RouteIndex(List<RoutePlans.Summary> items, List<RouteProblems.DepotDay> depotDays) {}

    @ResponseStatus(HttpStatus.CREATED)
    @AnswersProblem(status = 409, when = "The run has no result: it has not finished, failed or was cancelled")
    @PostMapping("/routes")
    @Operation(operationId = "planScenarioRunRoutes", summary = "Vehicle routes for one depot and day of a finished run "
            + "(day from 0): OR-Tools routing with weight, volume, shift, opening times and time per stop; km against a lower "
            + "bound and the nearest-neighbour rule. keep: routes of an earlier plan for the same depot and day to lock while the "
            + "rest is planned again. Takes up to 'seconds' (default 5)")
    ResponseEntity<RoutePlans.Saved> plan(@PathVariable long runId, @RequestBody(required = false) RoutePlans.Request request) {
        RoutePlans.Saved saved = routes.create(runId, request);
        return ResponseEntity.created(URI.create("/api/v1/scenario-runs/" + runId + "/routes/" + saved.id())).body(saved);
    }

    @GetMapping("/routes")
    @Operation(operationId = "listScenarioRunRoutes", summary = "The route plans of a run, newest first, and the depots and "
            + "days its plan sends deliveries on")
    RouteIndex list(@PathVariable long runId) {
        return new RouteIndex(routes.list(runId), routes.depotDays(runId));
    }

    @GetMapping("/routes/{routesId}")
    @Operation(operationId = "getScenarioRunRoutes", summary = "One route plan: every vehicle's stops in order, with arrival, "
            + "opening time and what to unload")
    RoutePlans.Saved get(@PathVariable long runId, @PathVariable long routesId) {
        return routes.get(runId, routesId);
    }

    @GetMapping(value = "/routes.pdf", produces = "application/pdf")
    @Operation(operationId = "getScenarioRunRoutesPdf", summary = "Route sheets for the drivers of the newest route plan for "
            + "a depot and day: one page per vehicle with a numbered map, printable")
    ResponseEntity<byte[]> pdf(@PathVariable long runId, @RequestParam long depot, @RequestParam int day, Locale locale) {
        RoutePlans.Saved saved = routes.latest(runId, depot, day);
        byte[] pdf = sheets.pdf(planning.runScenario(runId).name(), saved.date(), saved.plan(), routes.demo(runId), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename(runId, saved, "pdf") + "\"")
                .body(pdf);
    }

    @GetMapping(value = "/routes.csv", produces = "text/csv")
    @Operation(operationId = "getScenarioRunRoutesCsv", summary = "The newest route plan for a depot and day as CSV: one row "
            + "per route, stop and item; deliveries no route takes as route 'missed'")
    ResponseEntity<String> csv(@PathVariable long runId, @RequestParam long depot, @RequestParam int day) {
        RoutePlans.Saved saved = routes.latest(runId, depot, day);
        return PlanningApi.csvDownload(filename(runId, saved, "csv"), sheets.csv(saved.plan()));
    }

    private String filename(long runId, RoutePlans.Saved saved, String extension) {
        return PlanningApi.slug(planning.runScenario(runId).name()) + "-doorrekening-" + runId + "-routes-depot-" + saved.depot() + "-dag-"
                + saved.day() + "." + extension;
    }
}
