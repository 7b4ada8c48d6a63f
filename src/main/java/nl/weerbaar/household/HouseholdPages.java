package nl.weerbaar.household;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.points.NearbyPoint;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Denk Vooruit: a household's 72-hour kit, computed on the server from the form and forgotten
 * (only an anonymous count per region and week is kept), with the support points near it.
 */
@Controller
class HouseholdPages {

    private static final int NEARBY = 3;

    private final KitPlanner planner;
    private final KitCounter counter;
    private final SupportPoints points;
    private final Areas areas;
    private final AccessControl access;
    /** Dutch time: which week a kit is counted in, where the reminders start, the staff chart's weeks. */
    private final Clock clock;

    private final MessageSource messages;

    HouseholdPages(KitPlanner planner, KitCounter counter, SupportPoints points, Areas areas, AccessControl access, Clock clock,
                   MessageSource messages) {
        this.messages = messages;
        this.planner = planner;
        this.counter = counter;
        this.points = points;
        this.areas = areas;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/denk-vooruit")
    String kit(@RequestParam(required = false) Integer adults, @RequestParam(defaultValue = "0") int children,
               @RequestParam(defaultValue = "0") int babies, @RequestParam(defaultValue = "0") int elderly,
               @RequestParam(defaultValue = "0") int pets, @RequestParam(required = false) List<String> needs,
               @RequestParam(defaultValue = "3") int days, @RequestParam(required = false) String postcode,
               Model model, HttpServletResponse response) {
        Set<Household.Need> chosen = parseNeeds(needs);
        model.addAttribute("form", new FormValues(chosen.stream().map(Household.Need::code).toList(), days,
                postcode == null ? "" : postcode));
        model.addAttribute("counts", Map.of("adults", adults == null ? 1 : adults, "children", children, "babies", babies,
                "elderly", elderly, "pets", pets));
        model.addAttribute("allNeeds", List.of(Household.Need.values()).stream().map(Household.Need::code).toList());
        if (adults == null) {
            return "household/kit";
        }
        Household household = new Household(adults, children, babies, elderly, pets, chosen, days);
        try {
            check(household, postcode);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.invalidParams());
            return "household/kit";
        }
        model.addAttribute("days", household.days());
        model.addAttribute("people", household.people());
        model.addAttribute("kit", planner.plan(household).stream()
                .collect(Collectors.groupingBy(KitItem::section, LinkedHashMap::new, Collectors.toList())));
        if (postcode != null && !postcode.isBlank()) {
            nearby(household, postcode, model);
        }
        return "household/kit";
    }

    /** A calendar with reminders to check expiry dates and batteries, for any calendar app. */
    @GetMapping(value = "/denk-vooruit/herinneringen.ics", produces = "text/calendar")
    ResponseEntity<String> reminders(@RequestParam(defaultValue = "nl") String lang) {
        Locale locale = Locale.forLanguageTag(lang.startsWith("en") ? "en" : "nl");
        LocalDate start = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atOffset(ZoneOffset.UTC));
        String calendar = String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Weerbaar//Denk Vooruit//NL", "CALSCALE:GREGORIAN",
                event("weerbaar-kit-expiry", stamp, start, 6, messages.getMessage("household.reminder.expiry", null, locale),
                        messages.getMessage("household.reminder.expiry.text", null, locale)),
                event("weerbaar-kit-batteries", stamp, start.plusDays(14), 3, messages.getMessage("household.reminder.batteries", null, locale),
                        messages.getMessage("household.reminder.batteries.text", null, locale)),
                "END:VCALENDAR", "");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"denk-vooruit.ics\"")
                .body(calendar);
    }

    /** Staff: kits made per safety region and week, the last twelve weeks. */
    @GetMapping("/medewerkers/denk-vooruit")
    String counts(Model model) {
        access.requireRole(Role.VIEWER);
        LocalDate from = KitCounter.weekStart(LocalDate.now(clock)).minusWeeks(11);
        List<KitCounter.WeekCount> counts = counter.since(from);
        List<LocalDate> weeks = Stream.iterate(from, w -> w.plusWeeks(1)).limit(12).toList();
        Map<String, Map<LocalDate, Long>> byRegion = new TreeMap<>();
        for (KitCounter.WeekCount count : counts) {
            byRegion.computeIfAbsent(count.region(), r -> new TreeMap<>()).put(count.week(), count.kits());
        }
        Map<LocalDate, Long> perWeek = new TreeMap<>();
        counts.forEach(c -> perWeek.merge(c.week(), c.kits(), Long::sum));
        long max = Math.max(1, perWeek.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<WeekBar> bars = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            long kits = perWeek.getOrDefault(weeks.get(i), 0L);
            int height = (int) Math.round(160.0 * kits / max);
            bars.add(new WeekBar(weeks.get(i), kits, i * 50 + 30, 180 - height, height));
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("bars", bars);
        model.addAttribute("byRegion", byRegion);
        model.addAttribute("regionNames", areas.regions().stream().collect(Collectors.toMap(Region::code, Region::name)));
        return "household/counts";
    }

    /** What the form shows again; the numbers of people are in the model as {@code counts}. */
    record FormValues(List<String> needs, int days, String postcode) {}

    record WeekBar(LocalDate week, long kits, int x, int y, int height) {}

    private void nearby(Household household, String postcode, Model model) {
        SupportPoints.NearestResult nearest = points.nearest(new SupportPoints.NearestQuery(postcode, null, null, NEARBY, null, null));
        model.addAttribute("origin", nearest.origin());
        model.addAttribute("nearby", nearest.points());
        if (household.needs().contains(Household.Need.INSULIN) || household.needs().contains(Household.Need.POWERED_MEDICAL_DEVICE)) {
            List<NearbyPoint> powered = points.nearest(new SupportPoints.NearestQuery(postcode, null, null, NEARBY, null,
                    List.of("medical-device-power"))).points();
            model.addAttribute("powered", powered);
        }
        model.addAttribute("anyDemo", nearest.points().stream().anyMatch(p -> p.point().demo()));
        if (nearest.origin().regionCode() != null) {
            counter.count(nearest.origin().regionCode(), LocalDate.now(clock));
        }
    }

    private void check(Household household, String postcode) {
        int max = Household.MAX_PEOPLE_PER_GROUP;
        InputCheck check = new InputCheck()
                .require(household.adults() >= 0 && household.adults() <= max, "adults", "0 to " + max)
                .require(household.children() >= 0 && household.children() <= max, "children", "0 to " + max)
                .require(household.babies() >= 0 && household.babies() <= max, "babies", "0 to " + max)
                .require(household.elderly() >= 0 && household.elderly() <= max, "elderly", "0 to " + max)
                .require(household.pets() >= 0 && household.pets() <= max, "pets", "0 to " + max)
                .require(household.people() > 0, "adults", "at least one person")
                .require(household.days() >= 1 && household.days() <= Household.MAX_DAYS, "days", "1 to " + Household.MAX_DAYS);
        if (postcode != null && !postcode.isBlank()) {
            boolean known;
            try {
                known = areas.locatePostcode(postcode).isPresent();
            } catch (IllegalArgumentException e) {
                known = false;
            }
            check.require(known, "postcode", "unknown");
        }
        check.orThrow();
    }

    private static Set<Household.Need> parseNeeds(List<String> codes) {
        Set<Household.Need> needs = EnumSet.noneOf(Household.Need.class);
        if (codes != null) {
            for (Household.Need need : Household.Need.values()) {
                if (codes.contains(need.code())) {
                    needs.add(need);
                }
            }
        }
        return needs;
    }

    private static String event(String uid, String stamp, LocalDate start, int everyMonths, String summary, String description) {
        String day = start.format(DateTimeFormatter.BASIC_ISO_DATE);
        return String.join("\r\n",
                "BEGIN:VEVENT",
                "UID:" + uid + "@weerbaar.nl",
                "DTSTAMP:" + stamp,
                "DTSTART;VALUE=DATE:" + day,
                "RRULE:FREQ=MONTHLY;INTERVAL=" + everyMonths,
                "SUMMARY:" + summary,
                "DESCRIPTION:" + description.replace(",", "\\,").replace(";", "\\;"),
                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT9H", "DESCRIPTION:" + summary, "END:VALARM",
                "END:VEVENT");
    }
}
