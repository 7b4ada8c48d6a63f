package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.system.DomainException.VersionMismatch;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PageProblems;
import nl.weerbaar.system.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coordinators' pages to register, edit and retire support points, and the list of points they
 * manage. The same service as the API decides scope and role; the form carries the version it
 * was loaded with, so nobody overwrites a change they have not seen.
 */
@Controller
class RegistryPages {

    private final SupportPoints points;
    private final PointOperations operations;
    private final AccessControl access;
    /** Refusals in the page's language: Dutch rules for each field on a Dutch page. */
    private final PageProblems problems;
    /** Where a point placed by its postcode lies. */
    private final Areas areas;
    /** Map tiles for the place picker, when a tile server is configured; boundaries only otherwise. */
    private final String tileUrl;

    RegistryPages(SupportPoints points, PointOperations operations, AccessControl access, PageProblems problems, Areas areas,
                  @Value("${weerbaar.map.tile-url:}") String tileUrl) {
        this.areas = areas;
        this.tileUrl = tileUrl;
        this.problems = problems;
        this.points = points;
        this.operations = operations;
        this.access = access;
    }

    /** What the form sends: every field as text, as a browser sends it. */
    record PointForm(String name, String tier, String buildingKind, String address, String lat, String lon,
                     String municipality, List<String> capabilities, String capacityPersons, String capacityOvernight,
                     Boolean generator, String fuelHours, List<String> communications, String contact, String opening,
                     Boolean isPublic, Long version, String postcode) {

        static PointForm of(SupportPoint p) {
            return new PointForm(p.name(), p.tier().code(), p.buildingKind().code(), p.address(), String.valueOf(p.lat()),
                    String.valueOf(p.lon()), p.municipality(), p.capabilities().stream().map(Capability::code).toList(),
                    text(p.capacity() == null ? null : p.capacity().persons()),
                    text(p.capacity() == null ? null : p.capacity().overnight()),
                    p.backupPower() != null && p.backupPower().generator(),
                    text(p.backupPower() == null ? null : p.backupPower().fuelAutonomyHours()),
                    p.communications().stream().map(Communication::code).toList(), p.contact(), p.opening(), p.isPublic(),
                    p.version(), "");
        }

        static PointForm empty() {
            return new PointForm("", "local", "community-centre", "", "", "", "", List.of("information"), "", "", false, "",
                    List.of(), "", "", true, null, "");
        }

        /**
         * Placed by its postcode when no coordinates were picked on the map or typed: the postcode
         * area's point, and its municipality when none was given. Without script this is how a
         * coordinator places a point; with script the map fills the coordinates itself.
         */
        PointForm placed(Areas areas) {
            if (postcode == null || postcode.isBlank() || (lat != null && !lat.isBlank() && lon != null && !lon.isBlank())) {
                return this;
            }
            PostcodeArea area;
            try {
                area = areas.postcodeArea(postcode).orElse(null);
            } catch (IllegalArgumentException e) {
                area = null;
            }
            if (area == null) {
                throw new InvalidInputException("postcode", "'" + postcode.strip() + "' is not a known Dutch postcode");
            }
            String inMunicipality = municipality == null || municipality.isBlank() ? area.municipalityCode() : municipality;
            return new PointForm(name, tier, buildingKind, address, String.valueOf(area.lat()), String.valueOf(area.lon()),
                    inMunicipality, capabilities, capacityPersons, capacityOvernight, generator, fuelHours, communications,
                    contact, opening, isPublic, version, postcode);
        }

        SupportPoints.PointInput toInput() {
            return new SupportPoints.PointInput(name, tier, buildingKind, address, number(lat, "lat"), number(lon, "lon"),
                    municipality == null ? null : municipality.trim().toUpperCase(), null, orEmpty(capabilities),
                    new SupportPoint.Capacity(whole(capacityPersons, "capacityPersons"), whole(capacityOvernight, "capacityOvernight")),
                    new SupportPoint.BackupPower(Boolean.TRUE.equals(generator), whole(fuelHours, "fuelHours")),
                    orEmpty(communications), contact, opening, Boolean.TRUE.equals(isPublic));
        }

        private static String text(Integer value) {
            return value == null ? "" : value.toString();
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : values;
        }

        private static Double number(String value, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(value.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "'" + value + "' is not a number");
            }
        }

        private static Integer whole(String value, String field) {
            Double number = number(value, field);
            return number == null ? null : (int) Math.round(number);
        }
    }

    @ModelAttribute
    void codeLists(Model model) {
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("buildingKinds", BuildingKind.values());
        model.addAttribute("allCapabilities", Capability.values());
        model.addAttribute("allCommunications", Communication.values());
    }

    /**
     * The start page of the points for everyone who runs them, on their own area: a volunteer's
     * own points first; for coordinators the operations view, with stale, full and overfull points
     * first. Counts over the whole area, one page of points at a time, only the actions the user
     * may take. {@code municipality} is the older name of {@code area}.
     */
    @GetMapping("/medewerkers/steunpunten/beheer")
    String manage(@RequestParam(required = false) String area, @RequestParam(required = false) String municipality,
                  @RequestParam(required = false) String show, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
        String wanted = area == null || area.isBlank() ? municipality : area;
        try {
            model.addAttribute("overview", operations.overview(new PointOperations.Query(wanted, show, q, page)));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", reasons(e));
            model.addAttribute("overview", operations.overview(new PointOperations.Query(null, null, null, 1)));
        }
        model.addAttribute("areaText", wanted == null ? "" : wanted);
        model.addAttribute("show", show == null || show.isBlank() ? "all" : show);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", PointStatus.values());
        return "points/registry";
    }

    @GetMapping("/medewerkers/steunpunten/nieuw")
    String newPoint(Model model) {
        access.requireRole(Role.COORDINATOR);
        model.addAttribute("form", PointForm.empty());
        return "points/registry-form";
    }

    @PostMapping("/medewerkers/steunpunten/nieuw")
    String create(PointForm form, Model model, HttpServletResponse response) {
        try {
            SupportPoint created = points.create(form.placed(areas).toInput());
            return "redirect:/medewerkers/steunpunten/" + created.id() + "/bewerken?saved";
        } catch (InvalidInputException e) {
            return refused(form, e, model, response);
        }
    }

    @GetMapping("/medewerkers/steunpunten/{id:[0-9]+}/bewerken")
    String edit(@PathVariable long id, Model model) {
        SupportPoint point = points.get(id);
        // Refused before the form is filled in, not after.
        access.require(Role.COORDINATOR, point.municipality());
        model.addAttribute("point", point);
        model.addAttribute("form", PointForm.of(point));
        return "points/registry-form";
    }

    @PostMapping("/medewerkers/steunpunten/{id:[0-9]+}/bewerken")
    String update(@PathVariable long id, PointForm form, Model model, HttpServletResponse response) {
        try {
            points.edit(id, Versioned.etag(form.version() == null ? 0 : form.version()), form.placed(areas).toInput());
            return "redirect:/medewerkers/steunpunten/" + id + "/bewerken?saved";
        } catch (InvalidInputException e) {
            model.addAttribute("point", points.get(id));
            return refused(form, e, model, response);
        } catch (VersionMismatch e) {
            return changedMeanwhile(id, model, response);
        }
    }

    @PostMapping("/medewerkers/steunpunten/{id:[0-9]+}/intrekken")
    String retire(@PathVariable long id, @RequestParam long version, Model model, HttpServletResponse response) {
        try {
            points.retire(id, Versioned.etag(version));
            return "redirect:/medewerkers/steunpunten/beheer?retired";
        } catch (VersionMismatch e) {
            return changedMeanwhile(id, model, response);
        }
    }

    private String refused(PointForm form, InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", form);
        model.addAttribute("errors", reasons(e));
        return "points/registry-form";
    }

    /** Each refused field with why, in the page's language, in the order the domain named them. */
    private Map<String, String> reasons(InvalidInputException e) {
        return e.invalidParams().stream().collect(Collectors.toMap(InvalidInputException.InvalidParam::name,
                p -> problems.reason(p, "points"), (a, b) -> a, LinkedHashMap::new));
    }

    /** A stale version: show the point as it is now, and say that someone else changed it. */
    private String changedMeanwhile(long id, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("conflict", true);
        return edit(id, model);
    }
}
