package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.Versioned;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of support points: the public finder (a postcode form and a list, no JavaScript),
 * a point's page, and the phone-friendly page where operators set a point's status. The public
 * pages may be kept by any cache ({@link CacheHeaders}), unless a signed-in user asks.
 */
@Controller
class SupportPointPages {

    private static final int PAGE_RESULTS = 10;

    private final SupportPoints points;
    private final ObjectProvider<AreaNotices> notices;
    private final AreaMap areaMap;
    private final Areas areas;
    private final MunicipalityPack pack;
    private final String tileUrl;
    private final String tileAttribution;
    private final Clock clock;

    /**
     * @param tileUrl a tile server for the map background, e.g. {@code /tiles/{z}/{x}/{y}.png}; it must
     *                be on this site (behind the same host), since the pages allow content only from here
     */
    SupportPointPages(SupportPoints points, ObjectProvider<AreaNotices> notices, AreaMap areaMap, Areas areas,
                      MunicipalityPack pack,
                      @Value("${weerbaar.map.tile-url:}") String tileUrl,
                      @Value("${weerbaar.map.tile-attribution:}") String tileAttribution, Clock clock) {
        this.points = points;
        this.notices = notices;
        this.areaMap = areaMap;
        this.areas = areas;
        this.pack = pack;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.clock = clock;
    }

    /** Map colours by the share of residents farther than 1.5 km from an open point. */
    static String coverageFill(double shareBeyond1500m) {
        return shareBeyond1500m < 0.10 ? "#39870c" : shareBeyond1500m < 0.25 ? "#ffb612"
                : shareBeyond1500m < 0.50 ? "#e17000" : "#d52b1e";
    }

    /** Notices in force for a municipality, from whichever module provides them. */
    private List<AreaNotices.Notice> noticesFor(String municipality, java.util.Locale locale) {
        return notices.orderedStream().flatMap(provider -> provider.inForce(municipality, locale).stream()).toList();
    }

    /** A point as a page shows it. */
    record PointView(SupportPoint point, Freshness freshness, Long distanceMeters) {
        public String badge() {
            return switch (point.status()) {
                case OPEN -> "weerbaar-badge--open";
                case FULL -> "weerbaar-badge--limited";
                case CLOSED -> "weerbaar-badge--closed";
                case INACTIVE, STANDBY -> "";
            };
        }

        public String ageUnit() {
            return freshness.ageUnit();
        }

        public long age() {
            return freshness.age();
        }
    }

    /** A line of a point's history as pages show it: observed and received in Dutch time; late when it came in later. */
    record HistoryLine(StatusChange change, String observed, String received, boolean late) {
        private static final java.time.format.DateTimeFormatter DAY_TIME = java.time.format.DateTimeFormatter.ofPattern("d-M HH:mm")
                .withZone(nl.weerbaar.system.ApplicationClock.NETHERLANDS);

        static HistoryLine of(StatusChange change) {
            return new HistoryLine(change, DAY_TIME.format(change.observedAt()), DAY_TIME.format(change.at()),
                    java.time.Duration.between(change.observedAt(), change.at()).compareTo(Freshness.LATE_AFTER) > 0);
        }
    }

    @GetMapping("/steunpunten")
    String finder(@RequestParam(required = false) String postcode, Model model, HttpServletRequest request,
                  HttpServletResponse response, java.util.Locale locale) {
        CacheHeaders.applyToPage(request, response);
        model.addAttribute("postcode", postcode == null ? "" : postcode);
        if (postcode == null || postcode.isBlank()) {
            return "points/finder";
        }
        try {
            SupportPoints.NearestResult result = points.nearest(
                    new SupportPoints.NearestQuery(postcode, null, null, PAGE_RESULTS, null, null));
            List<PointView> found = result.points().stream()
                    .map(n -> new PointView(n.point(), points.freshness(n.point()), Math.round(n.distanceMeters()))).toList();
            model.addAttribute("results", found);
            model.addAttribute("anyDemo", found.stream().anyMatch(v -> v.point().demo()));
            model.addAttribute("origin", result.origin());
            model.addAttribute("notices", noticesFor(result.origin().municipalityCode(), locale));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("postcodeError", true);
        }
        return "points/finder";
    }

    /** The printed pack of a municipality's public points: map, list by postcode, QR codes to the live pages. */
    @GetMapping(value = "/steunpunten/pakket/{code}", produces = "application/pdf")
    ResponseEntity<byte[]> pack(@PathVariable String code, java.util.Locale locale, HttpServletRequest request,
                                HttpServletResponse response) {
        Municipality municipality = areas.municipality(code).orElseThrow(() ->
                new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, "no municipality " + code));
        CacheHeaders.applyToPage(request, response);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"steunpunten-" + municipality.code() + ".pdf\"")
                .body(pack.render(municipality, locale));
    }

    /** The map: Leaflet from the jar, our own data; background tiles only from a configured server. */
    @GetMapping("/steunpunten/kaart")
    String map(Model model, HttpServletRequest request, HttpServletResponse response) {
        CacheHeaders.applyToPage(request, response);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tileAttribution", tileAttribution);
        model.addAttribute("anyDemo", points.anyDemo());
        return "points/map";
    }

    @GetMapping("/steunpunten/{id:[0-9]+}")
    String point(@PathVariable long id, Model model, java.util.Locale locale, HttpServletRequest request,
                 HttpServletResponse response) {
        SupportPoint point = points.get(id);
        CacheHeaders.applyToPage(request, response);
        model.addAttribute("notices", noticesFor(point.municipality(), locale));
        model.addAttribute("view", new PointView(point, points.freshness(point), null));
        return "points/point";
    }

    @GetMapping("/staff/steunpunten/dekking")
    String coverage(@RequestParam(defaultValue = "municipality") String level, Model model) {
        boolean perRegion = level.equals("region");
        model.addAttribute("level", perRegion ? "region" : "municipality");
        List<Coverage> coverage = points.coverage(perRegion);
        model.addAttribute("coverage", coverage);
        model.addAttribute("map", areaMap);
        model.addAttribute("fills", coverage.stream().collect(java.util.stream.Collectors.toMap(
                Coverage::area, c -> coverageFill(c.shareBeyond1500m()))));
        model.addAttribute("anyDemo", points.anyDemo());
        return "points/coverage";
    }

    @GetMapping("/staff/steunpunten/{id:[0-9]+}")
    String operatorForm(@PathVariable long id, Model model) {
        SupportPoint point = points.get(id);
        model.addAttribute("view", new PointView(point, points.freshness(point), null));
        model.addAttribute("statuses", PointStatus.values());
        model.addAttribute("history", points.history(id, 10).stream().map(HistoryLine::of).toList());
        model.addAttribute("serverNow", clock.instant().toString());
        return "points/operator";
    }

    /**
     * The operator's page sends a status kept on the phone while offline here, by script: with
     * the {@code Idempotency-Key} and {@code If-Match} it was made with, and when it was observed.
     * Answers JSON for the script: the point as it is now, a 412 with the current version for the
     * operator to choose from, or a 400 naming the fields.
     */
    @PostMapping(value = "/staff/steunpunten/{id:[0-9]+}/status", produces = "application/json")
    ResponseEntity<Map<String, Object>> sendKeptStatus(@PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestParam(required = false) String status, @RequestParam(required = false) String occupancy,
            @RequestParam(required = false) String message, @RequestParam(required = false) List<String> unavailable,
            @RequestParam(required = false) String observedAt) {
        try {
            SupportPoint after = points.setStatus(id, ifMatch, new SupportPoints.StatusInput(status, parseOccupancy(occupancy),
                    message, unavailable, observedAt), idempotencyKey);
            return ResponseEntity.ok().eTag(Versioned.etag(after.version())).body(keptStatusView(after));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(Map.of("invalidParams", e.invalidParams()));
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() != HttpStatus.PRECONDITION_FAILED.value()
                    && e.getStatusCode().value() != HttpStatus.PRECONDITION_REQUIRED.value()) {
                throw e;
            }
            SupportPoint current = points.get(id);
            return ResponseEntity.status(e.getStatusCode()).eTag(Versioned.etag(current.version()))
                    .body(Map.of("current", keptStatusView(current)));
        }
    }

    private Map<String, Object> keptStatusView(SupportPoint point) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("version", point.version());
        view.put("status", point.status());
        view.put("occupancy", point.occupancy());
        view.put("message", point.message() == null ? "" : point.message());
        view.put("observedAt", point.statusConfirmedAt());
        view.put("receivedAt", point.statusReceivedAt());
        return view;
    }

    /**
     * The service worker that keeps the operator's pages on the phone. Served from here, not from
     * {@code /js}, because a worker controls only pages at or below its own path.
     */
    @GetMapping(value = "/staff/steunpunten/offline-sw.js", produces = "text/javascript")
    ResponseEntity<byte[]> offlineWorker() throws java.io.IOException {
        try (var in = SupportPointPages.class.getResourceAsStream("/points/offline-sw.js")) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                    .cacheControl(org.springframework.http.CacheControl.noCache()).body(in.readAllBytes());
        }
    }

    /**
     * Sets the status from the form. The form carries the version it was loaded with, so a change
     * made by someone else in between is not overwritten: the operator sees the current state.
     */
    @PostMapping("/staff/steunpunten/{id:[0-9]+}")
    String setStatus(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String occupancy, @RequestParam(required = false) String message,
                     @RequestParam(required = false) List<String> unavailable, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        try {
            points.setStatus(id, Versioned.etag(version), new SupportPoints.StatusInput(status, parseOccupancy(occupancy),
                    message, unavailable, null));
            redirect.addAttribute("saved", "");
            return "redirect:/staff/steunpunten/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.invalidParams().stream()
                    .collect(Collectors.toMap(InvalidInputException.InvalidParam::name,
                            InvalidInputException.InvalidParam::reason, (a, b) -> a)));
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() != HttpStatus.PRECONDITION_FAILED.value()) {
                throw e;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", true);
        }
        return operatorForm(id, model);
    }

    private static Integer parseOccupancy(String occupancy) {
        if (occupancy == null || occupancy.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(occupancy.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("occupancy", "must be a whole number of persons");
        }
    }
}
