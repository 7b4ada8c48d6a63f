package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.system.ApplicationClock;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PrintedDocuments;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Roll call: when only voice works, a coordinator calls the points of a municipality or region by
 * radio or phone, stalest first, and enters what each reports in one form; and prints the same
 * list as a sheet for the radio operator to fill in by hand.
 */
@Controller
class RollCallPages {

    private static final int PAGE_ROWS = 50;
    private static final Pattern REPORT_FIELD = Pattern.compile("^reports\\[(\\d+)]\\.(\\w+)$");
    private static final DateTimeFormatter STAND = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm").withZone(ApplicationClock.NETHERLANDS);

    private final SupportPoints points;
    private final PointOperations operations;
    private final TemplateEngine templates;
    private final AreaMap map;
    private final Clock clock;

    RollCallPages(SupportPoints points, PointOperations operations, TemplateEngine templates, AreaMap map, Clock clock) {
        this.points = points;
        this.operations = operations;
        this.templates = templates;
        this.map = map;
        this.clock = clock;
    }

    /** What one row of the form holds, as typed; kept when the form is refused. */
    record Entry(String status, String occupancy, String message, String time, String reportedBy) {
        static final Entry EMPTY = new Entry("", "", "", "", "");
    }

    @GetMapping("/medewerkers/steunpunten/appel")
    String rollCall(@RequestParam(required = false) String area, @RequestParam(defaultValue = "1") int page, Model model,
                    HttpServletResponse response) {
        try {
            PointOperations.Area chosen = operations.area(area);
            return show(chosen, page, Map.of(), Map.of(), "radio", model);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("areaError", e.invalidParams().getFirst().reason());
            return show(operations.area(null), 1, Map.of(), Map.of(), "radio", model);
        }
    }

    private String show(PointOperations.Area area, int page, Map<Long, Entry> entries, Map<Long, List<String>> errors,
                        String channel, Model model) {
        List<PointOperations.Row> all = operations.rollCall(area);
        int pages = Math.max(1, (all.size() + PAGE_ROWS - 1) / PAGE_ROWS);
        int shownPage = Math.clamp(page, 1, pages);
        List<PointOperations.Row> rows = all.subList((shownPage - 1) * PAGE_ROWS, Math.min(all.size(), shownPage * PAGE_ROWS));
        Map<Long, Entry> typed = new HashMap<>();
        rows.forEach(r -> typed.put(r.point().id(), entries.getOrDefault(r.point().id(), Entry.EMPTY)));
        model.addAttribute("area", area);
        model.addAttribute("rows", rows);
        model.addAttribute("firstNumber", (shownPage - 1) * PAGE_ROWS + 1);
        model.addAttribute("page", shownPage);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        model.addAttribute("entries", typed);
        model.addAttribute("rowErrors", errors);
        model.addAttribute("generalErrors", errors.getOrDefault(-1L, List.of()));
        model.addAttribute("channel", channel);
        model.addAttribute("channels", List.of(StatusChannel.RADIO, StatusChannel.PHONE, StatusChannel.MESSENGER));
        model.addAttribute("statuses", PointStatus.values());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "points/roll-call";
    }

    /**
     * Relays every row with a status chosen; rows left empty were not heard. All or nothing: a
     * refused form comes back as typed, each bad row saying why.
     */
    @PostMapping("/medewerkers/steunpunten/appel")
    String relay(@RequestParam String area, @RequestParam(defaultValue = "1") int page,
                 @RequestParam(required = false) String key, @RequestParam(required = false) String channel,
                 @RequestParam(name = "point", required = false) List<Long> pointIds,
                 @RequestParam(name = "status", required = false) List<String> statuses,
                 @RequestParam(name = "occupancy", required = false) List<String> occupancies,
                 @RequestParam(name = "message", required = false) List<String> messages,
                 @RequestParam(name = "time", required = false) List<String> times,
                 @RequestParam(name = "reportedBy", required = false) List<String> reporters,
                 Model model, HttpServletResponse response) {
        PointOperations.Area chosen = operations.area(area);
        List<Long> ids = pointIds == null ? List.of() : pointIds;
        Map<Long, Entry> entries = new HashMap<>();
        List<SupportPoints.RelayReport> reports = new ArrayList<>();
        List<Long> reportedPoints = new ArrayList<>();
        Map<Long, List<String>> errors = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Entry entry = new Entry(at(statuses, i), at(occupancies, i), at(messages, i), at(times, i), at(reporters, i));
            entries.put(ids.get(i), entry);
            if (entry.status().isBlank()) {
                continue;
            }
            String reportedAt = null;
            try {
                reportedAt = reportedAt(entry.time());
            } catch (DateTimeParseException e) {
                errors.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add("'" + entry.time() + "': tijd als 14:05");
            }
            Integer occupancy = null;
            try {
                occupancy = entry.occupancy().isBlank() ? null : Integer.valueOf(entry.occupancy().strip());
            } catch (NumberFormatException e) {
                errors.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add("'" + entry.occupancy() + "': een heel aantal personen");
            }
            reports.add(new SupportPoints.RelayReport(ids.get(i), entry.status(), occupancy, entry.message(), reportedAt,
                    entry.reportedBy()));
            reportedPoints.add(ids.get(i));
        }
        if (errors.isEmpty() && reports.isEmpty()) {
            errors.put(-1L, List.of("none"));
        }
        if (errors.isEmpty()) {
            try {
                SupportPoints.RelayResult result = points.relay(new SupportPoints.RelayInput(channel, reports), key);
                return "redirect:/medewerkers/steunpunten/appel?area=" + chosen.code() + "&page=" + page + "&relayed=" + result.relayed();
            } catch (InvalidInputException e) {
                for (InvalidInputException.InvalidParam problem : e.invalidParams()) {
                    Matcher field = REPORT_FIELD.matcher(problem.name());
                    long row = field.matches() ? reportedPoints.get(Integer.parseInt(field.group(1))) : -1L;
                    errors.computeIfAbsent(row, k -> new ArrayList<>()).add(problem.name() + ": " + problem.reason());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(chosen, page, entries, errors, channel == null ? "radio" : channel, model);
    }

    /** The printable roll-call sheet: the same points in the same order, with empty columns to write in. */
    @GetMapping(value = "/medewerkers/steunpunten/appel.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> sheet(@RequestParam(required = false) String area, Locale locale) {
        PointOperations.Area chosen = operations.area(area);
        List<PointOperations.Row> rows = operations.rollCall(chosen);
        Context context = new Context(locale);
        context.setVariable("area", chosen);
        context.setVariable("rows", rows);
        context.setVariable("stand", STAND.format(clock.instant()));
        context.setVariable("anyDemo", rows.stream().anyMatch(r -> r.point().demo()));
        if (chosen.code().startsWith("GM")) {
            context.setVariable("mapPng", Base64.getEncoder().encodeToString(mapPng(chosen, rows, 1000)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"appel-" + chosen.code() + ".pdf\"")
                .body(PrintedDocuments.pdf(templates.process("points/roll-call-pdf", context)));
    }

    /**
     * The map of a municipality's roll call: each point by its number in the list, the stale ones
     * (not heard from within the freshness window) large and red, so a coordinator sees where the
     * picture is old.
     */
    @GetMapping(value = "/medewerkers/steunpunten/appel/kaart.png", produces = "image/png")
    ResponseEntity<byte[]> mapImage(@RequestParam(required = false) String area) {
        PointOperations.Area chosen = operations.area(area);
        if (!chosen.code().startsWith("GM")) {
            throw new InvalidInputException("area", "a map is drawn per municipality: give a municipality (GM0363 or Amsterdam)");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(mapPng(chosen, operations.rollCall(chosen), 900));
    }

    private byte[] mapPng(PointOperations.Area area, List<PointOperations.Row> rows, int width) {
        List<AreaMap.Marker> markers = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            // Drawn last, on top: the stalest, numbered first.
            SupportPoint p = rows.get(i).point();
            markers.add(new AreaMap.Marker(p.lat(), p.lon(), String.valueOf(i + 1), rows.get(i).freshness().stale()));
        }
        return map.municipalityPng(area.code(), markers, width);
    }

    /**
     * A time typed as HH:MM, in Dutch time, today; a time later than now was yesterday (a roll call
     * just after midnight). Blank is now.
     */
    private String reportedAt(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        Instant now = clock.instant();
        ZonedDateTime today = LocalTime.parse(time.strip()).atDate(now.atZone(ApplicationClock.NETHERLANDS).toLocalDate())
                .atZone(ApplicationClock.NETHERLANDS);
        return (today.toInstant().isAfter(now.plus(Duration.ofMinutes(2))) ? today.minusDays(1) : today).toOffsetDateTime().toString();
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index);
    }
}
