package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.DomainException.VersionMismatch;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PrintedLinks;
import nl.weerbaar.system.Versioned;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Location;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of support points: the public finder (a postcode form and a list, no JavaScript),
 * a point's page, and the phone-friendly page where operators set a point's status. The public
 * pages may be kept by any cache ({@link CacheHeaders}), unless a signed-in user asks.
 */
@Controller
class SupportPointPages {

    private static final int PAGE_RESULTS = 10;
    /** Nearest points looked at for the list, so an open point a little farther off can come first. */
    private static final int CANDIDATES = 30;

    private final SupportPoints points;
    private final ObjectProvider<AreaNotices> notices;
    private final AreaMap areaMap;
    private final Areas areas;
    private final MunicipalityPack pack;
    private final FinderRanking ranking;
    private final PrintedLinks printedLinks;
    private final org.springframework.context.MessageSource messages;
    private final nl.weerbaar.access.AccessControl access;
    private final tools.jackson.databind.json.JsonMapper json;
    private final String tileUrl;
    private final String tileAttribution;
    private final Clock clock;

    /**
     * @param tileUrl a tile server for the map background, e.g. {@code /tiles/{z}/{x}/{y}.png}; it must
     *                be on this site (behind the same host), since the pages allow content only from here
     */
    SupportPointPages(SupportPoints points, ObjectProvider<AreaNotices> notices, AreaMap areaMap, Areas areas,
                      MunicipalityPack pack, FinderRanking ranking, PrintedLinks printedLinks,
                      org.springframework.context.MessageSource messages, tools.jackson.databind.json.JsonMapper json,
                      nl.weerbaar.access.AccessControl access,
                      @Value("${weerbaar.map.tile-url:}") String tileUrl,
                      @Value("${weerbaar.map.tile-attribution:}") String tileAttribution, Clock clock) {
        this.points = points;
        this.notices = notices;
        this.areaMap = areaMap;
        this.areas = areas;
        this.pack = pack;
        this.ranking = ranking;
        this.printedLinks = printedLinks;
        this.messages = messages;
        this.access = access;
        this.json = json;
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

    /**
     * A point as a page shows it. {@code otherMunicipality} names the municipality when it is not
     * the searcher's own; {@code acrossWater} says the straight way there leaves the land (to
     * another island, over an estuary); {@code routeLink} opens directions on OpenStreetMap.
     */
    record PointView(SupportPoint point, Freshness freshness, Long distanceMeters, String otherMunicipality,
                     boolean acrossWater, String routeLink) {

        PointView(SupportPoint point, Freshness freshness, Long distanceMeters) {
            this(point, freshness, distanceMeters, null, false, routeTo(null, point));
        }

        public String badge() {
            if (uncertain()) {
                return "weerbaar-badge--uncertain";
            }
            return switch (point.status()) {
                case OPEN -> "weerbaar-badge--open";
                case FULL -> "weerbaar-badge--limited";
                case CLOSED -> "weerbaar-badge--closed";
                case INACTIVE, STANDBY -> "";
            };
        }

        /** A status of an operation (open, full, closed) that nobody confirmed within the freshness window. */
        public boolean uncertain() {
            return !freshness.recentlyConfirmed() && point.status() != PointStatus.INACTIVE && point.status() != PointStatus.STANDBY;
        }

        /** The address, unless it only repeats the name ("Spuistraat 14" named after its street). */
        public String shownAddress() {
            String address = point.address();
            return address == null || address.isBlank() || address.strip().equalsIgnoreCase(point.name().strip()) ? null : address;
        }

        /** Hours once past two, else minutes: how people say it. */
        public String ageUnit() {
            return freshness.ageUnit();
        }

        public long age() {
            return freshness.age();
        }

        /** Open and confirmed lately first, then open but uncertain, full, standby, and last what receives nobody. */
        int rank() {
            return switch (point.status()) {
                case OPEN -> uncertain() ? 1 : 0;
                case FULL -> 2;
                case STANDBY -> 3;
                case INACTIVE -> 4;
                case CLOSED -> 5;
            };
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

    /** Walking directions on OpenStreetMap, from the searched place when there is one. */
    static String routeTo(Location from, SupportPoint point) {
        String to = point.lat() + "%2C" + point.lon();
        return "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route="
                + (from == null ? "" : from.lat() + "%2C" + from.lon()) + "%3B" + to;
    }

    @GetMapping("/steunpunten")
    String finder(@RequestParam(required = false) String postcode, @RequestParam(required = false) String open, Model model,
                  HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
        CacheHeaders.applyToPage(request, response);
        boolean openOnly = open != null && !open.isBlank();
        model.addAttribute("postcode", postcode == null ? "" : postcode);
        model.addAttribute("openOnly", openOnly);
        if (postcode == null || postcode.isBlank()) {
            return "points/finder";
        }
        try {
            SupportPoints.NearestResult result = points.nearest(new SupportPoints.NearestQuery(postcode, null, null, CANDIDATES,
                    openOnly ? List.of(PointStatus.OPEN.code()) : null, null));
            List<PointView> found = ranking.ranked(result.origin(), result.points(), PAGE_RESULTS);
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
                new NotFound("no municipality " + code));
        CacheHeaders.applyToPage(request, response);
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"steunpunten-" + municipality.code() + ".pdf\"")
                .body(pack.render(municipality, locale, printedLinks.base(request)));
    }

    /** The map: Leaflet from the jar, our own data; background tiles only from a configured server. */
    @GetMapping("/steunpunten/kaart")
    String map(@RequestParam(required = false) String postcode, Model model, HttpServletRequest request,
               HttpServletResponse response, java.util.Locale locale) {
        CacheHeaders.applyToPage(request, response);
        model.addAttribute("postcode", postcode == null ? "" : postcode);
        if (postcode != null && !postcode.isBlank()) {
            java.util.Optional<Location> centre;
            try {
                centre = areas.locatePostcode(postcode);
            } catch (IllegalArgumentException notAPostcode) {
                centre = java.util.Optional.empty();
            }
            centre.ifPresentOrElse(c -> model.addAttribute("centre", c), () -> {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("postcodeError", true);
            });
        }
        // The words for the statuses, for the map's pop-ups: JSON in a data attribute, as no inline script is allowed.
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (PointStatus status : PointStatus.values()) {
            labels.put(status.code(), messages.getMessage("points.status." + status.code(), null, locale));
        }
        labels.put("uncertain", messages.getMessage("points.uncertain", null, locale));
        model.addAttribute("statusLabels", json.writeValueAsString(labels));
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

    /**
     * Coverage opens on the viewer's own safety region (a municipality's region; the whole
     * country for national staff, or with {@code area=NL}): the map zoomed to it, the others
     * faded, the table its areas only; each area on the map names itself and its figures on hover.
     */
    @GetMapping("/medewerkers/steunpunten/dekking")
    String coverage(@RequestParam(defaultValue = "municipality") String level, @RequestParam(required = false) String area,
                    Model model, java.util.Locale locale) {
        boolean perRegion = level.equals("region");
        String focus = focusRegion(area);
        model.addAttribute("level", perRegion ? "region" : "municipality");
        model.addAttribute("focus", focus);
        model.addAttribute("focusName", focus == null ? null : areas.region(focus).map(nl.weerbaar.areas.Region::name).orElse(focus));
        List<Coverage> coverage = points.coverage(perRegion);
        model.addAttribute("coverage", coverage.stream().filter(c -> focus == null
                || (perRegion ? c.area().equals(focus) : areas.regionOf(c.area()).filter(focus::equals).isPresent())).toList());
        model.addAttribute("tooltips", coverage.stream().collect(Collectors.toMap(Coverage::area, c -> messages.getMessage(
                "points.coverage.tooltip", new Object[] {c.name(), java.text.NumberFormat.getPercentInstance(locale).format(
                        c.shareBeyond1500m()), c.openPoints(), c.pointsInUse()}, locale))));
        model.addAttribute("map", areaMap);
        model.addAttribute("viewBox", focus == null ? areaMap.viewBox() : viewBoxOf(areaMap.outlines().stream()
                .filter(o -> o.region().equals(focus)).map(AreaMap.Outline::path).toList()));
        model.addAttribute("fills", coverage.stream().collect(java.util.stream.Collectors.toMap(
                Coverage::area, c -> coverageFill(c.shareBeyond1500m()))));
        model.addAttribute("anyDemo", points.anyDemo());
        return "points/coverage";
    }

    /** The region to open on: the one asked for, else the viewer's own (or their municipality's); null for the country. */
    private String focusRegion(String asked) {
        String code = asked != null ? asked.strip().toUpperCase() : access.currentActor().organisation();
        if (code.startsWith("GM")) {
            return areas.regionOf(code).orElse(null);
        }
        return areas.region(code).isPresent() ? code : null;
    }

    /** The SVG viewBox around some outlines of {@link AreaMap} ("M x yL x y…Z" paths), with a small margin. */
    static String viewBoxOf(List<String> paths) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (String path : paths) {
            String[] numbers = path.replaceAll("[MLZ]", " ").trim().split("\\s+");
            for (int i = 0; i + 1 < numbers.length; i += 2) {
                double x = Double.parseDouble(numbers[i]);
                double y = Double.parseDouble(numbers[i + 1]);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        double margin = Math.max(maxX - minX, maxY - minY) * 0.05;
        return String.format(java.util.Locale.ROOT, "%.1f %.1f %.1f %.1f", minX - margin, minY - margin,
                maxX - minX + 2 * margin, maxY - minY + 2 * margin);
    }

    @GetMapping("/medewerkers/steunpunten/{id:[0-9]+}")
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
    @PostMapping(value = "/medewerkers/steunpunten/{id:[0-9]+}/status", produces = "application/json")
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
        } catch (VersionMismatch e) {
            SupportPoint current = points.get(id);
            return ResponseEntity.status(e.missing() ? HttpStatus.PRECONDITION_REQUIRED : HttpStatus.PRECONDITION_FAILED).eTag(Versioned.etag(current.version()))
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
    @GetMapping(value = "/medewerkers/steunpunten/offline-sw.js", produces = "text/javascript")
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
    @PostMapping("/medewerkers/steunpunten/{id:[0-9]+}")
    String setStatus(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String occupancy, @RequestParam(required = false) String message,
                     @RequestParam(required = false) List<String> unavailable, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        try {
            points.setStatus(id, Versioned.etag(version), new SupportPoints.StatusInput(status, parseOccupancy(occupancy),
                    message, unavailable, null));
            redirect.addAttribute("saved", "");
            return "redirect:/medewerkers/steunpunten/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.invalidParams().stream()
                    .collect(Collectors.toMap(InvalidInputException.InvalidParam::name,
                            InvalidInputException.InvalidParam::reason, (a, b) -> a)));
        } catch (VersionMismatch e) {
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
