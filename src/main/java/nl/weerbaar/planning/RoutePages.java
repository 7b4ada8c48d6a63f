package nl.weerbaar.planning;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages for a run's routes: the depots and days to route, and a route plan as a map page
 * (one numbered map per vehicle, the stops in order) with its sheets, CSV, and a form to keep some
 * routes and plan the rest again. Plain forms: no JavaScript needed.
 */
@Controller
@RequestMapping("/medewerkers/planning/doorrekeningen/{runId:[0-9]+}/routes")
class RoutePages {

    private final RoutePlans routes;
    private final RouteSheets sheets;
    private final Planning planning;
    private final AreaMap map;

    RoutePages(RoutePlans routes, RouteSheets sheets, Planning planning, AreaMap map) {
        this.routes = routes;
        this.sheets = sheets;
        this.planning = planning;
        this.map = map;
    }

    /** A vehicle's route with its map as a base64 PNG. */
    record Drawn(RoutePlan.Route route, String mapPng) {}

    @GetMapping
    String index(@PathVariable long runId, Model model) {
        model.addAttribute("runId", runId);
        model.addAttribute("scenario", planning.runScenario(runId));
        model.addAttribute("depotDays", routes.depotDays(runId));
        model.addAttribute("made", routes.list(runId));
        model.addAttribute("demo", routes.demo(runId));
        return "planning/routes";
    }

    @PostMapping
    String create(@PathVariable long runId, @RequestParam long depot, @RequestParam int day,
                  @RequestParam(required = false) Integer vehicles, @RequestParam(required = false) Double seconds,
                  @RequestParam(required = false) Long keepFrom, @RequestParam(required = false) List<Integer> keep, Model model) {
        RoutePlans.Keep kept = keepFrom != null && keep != null && !keep.isEmpty() ? new RoutePlans.Keep(keepFrom, keep) : null;
        try {
            RoutePlans.Saved saved = routes.create(runId, new RoutePlans.Request(depot, day, vehicles, null, null, null, null, null,
                    null, null, seconds, kept));
            return "redirect:/medewerkers/planning/doorrekeningen/" + runId + "/routes/" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.invalidParams());
            return index(runId, model);
        }
    }

    @GetMapping("/{routesId:[0-9]+}")
    String show(@PathVariable long runId, @PathVariable long routesId, Model model) {
        RoutePlans.Saved saved = routes.get(runId, routesId);
        List<Drawn> drawn = new ArrayList<>();
        for (RoutePlan.Route route : saved.plan().routes()) {
            List<AreaMap.Marker> markers = RouteSheets.markers(saved.plan(), route);
            drawn.add(new Drawn(route, Base64.getEncoder().encodeToString(map.routePng(markers, 700))));
        }
        model.addAttribute("runId", runId);
        model.addAttribute("scenario", planning.runScenario(runId));
        model.addAttribute("saved", saved);
        model.addAttribute("plan", saved.plan());
        model.addAttribute("drawn", drawn);
        model.addAttribute("demo", routes.demo(runId));
        return "planning/route";
    }

    @GetMapping("/{routesId:[0-9]+}/routebladen.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long runId, @PathVariable long routesId, Locale locale) {
        RoutePlans.Saved saved = routes.get(runId, routesId);
        byte[] pdf = sheets.pdf(planning.runScenario(runId).name(), saved.date(), saved.plan(), routes.demo(runId), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"routes-" + routesId + ".pdf\"").body(pdf);
    }

    @GetMapping("/{routesId:[0-9]+}/routes.csv")
    ResponseEntity<String> csv(@PathVariable long runId, @PathVariable long routesId) {
        return PlanningApi.csvDownload("routes-" + routesId + ".csv", sheets.csv(routes.get(runId, routesId).plan()));
    }
}
