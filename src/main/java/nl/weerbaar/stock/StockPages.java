package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.system.ApplicationClock;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: stock per depot with a phone-sized booking form, and days of supply per region as a chart. */
@Controller
@RequestMapping("/staff/voorraad")
class StockPages {

    /** Days shown at full bar width; more is drawn as a full bar. */
    private static final double CHART_DAYS = 14;
    private static final int CHART_WIDTH = 300;

    private final StockCatalogue catalogue;
    private final StockLedger ledger;
    private final StockReports reports;
    private final Areas areas;
    private final AreaMap map;

    StockPages(StockCatalogue catalogue, StockLedger ledger, StockReports reports, Areas areas, AreaMap map) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.reports = reports;
        this.areas = areas;
        this.map = map;
    }

    /** One region's row of the coverage table and its two bars (inside the region; with national stock). */
    record RegionRow(String code, String name, long population, double daysInside, double daysWithFarther,
                     int barInside, int barWithFarther, int y) {}

    @GetMapping
    String overview(@RequestParam(defaultValue = "drinking-water") String item,
                    @RequestParam(defaultValue = "0.25") double dependentShare, Model model) {
        List<Item> normed = catalogue.items().stream().filter(i -> i.dailyNormPerPerson() != null).toList();
        String chosen = normed.stream().anyMatch(i -> i.code().equals(item)) ? item : normed.getFirst().code();
        List<Region> regions = areas.regions();
        List<RegionRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            StockReports.Coverage coverage = reports.coverage(region.code(), chosen, dependentShare);
            rows.add(new RegionRow(region.code(), region.name(), region.population(), coverage.daysInside(),
                    coverage.daysWithFarther(), bar(coverage.daysInside()), bar(coverage.daysWithFarther()), i * 22));
        }
        model.addAttribute("items", normed);
        model.addAttribute("map", map);
        model.addAttribute("fills", rows.stream().collect(java.util.stream.Collectors.toMap(RegionRow::code, r -> fill(r.daysInside()))));
        model.addAttribute("item", catalogue.item(chosen).orElseThrow());
        model.addAttribute("dependentShare", dependentShare);
        model.addAttribute("national", reports.coverage("NL", chosen, dependentShare));
        model.addAttribute("rows", rows);
        model.addAttribute("chartHeight", rows.size() * 22 + 24);
        model.addAttribute("chartDays", (int) CHART_DAYS);
        model.addAttribute("chartWidth", CHART_WIDTH);
        model.addAttribute("expiry", reports.expiry("NL"));
        model.addAttribute("depots", catalogue.depots());
        model.addAttribute("levels", StockCatalogue.LEVELS);
        return "stock/overview";
    }

    /** A coordinator adds a depot in their area; the level and municipality decide where it counts. */
    @PostMapping("/depots")
    String addDepot(@RequestParam String name, @RequestParam String level, @RequestParam String municipality,
                    @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                    @RequestParam(required = false) String capacity, RedirectAttributes redirect) {
        try {
            Depot created = catalogue.createDepot(new Depot(0, name, level, null, null, municipality,
                    lat == null ? Double.NaN : lat, lon == null ? Double.NaN : lon, blankToNull(capacity), null, false, 0));
            return "redirect:/staff/voorraad/depots/" + created.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("depotProblem", e.getMessage());
            return "redirect:/staff/voorraad#new-depot";
        }
    }

    @GetMapping("/depots/{id}")
    String depot(@PathVariable long id, Model model) {
        Depot depot = catalogue.depot(id).orElseThrow(() -> StockCatalogue.notFound("no depot with id " + id));
        model.addAttribute("depot", depot);
        model.addAttribute("balances", reports.balances(id, null));
        model.addAttribute("events", reports.stockCard(id, null, null, 50));
        // when each event was recorded, in Dutch time whatever the server's zone
        model.addAttribute("zone", ApplicationClock.NETHERLANDS.getId());
        model.addAttribute("items", catalogue.items());
        model.addAttribute("depots", catalogue.depots());
        model.addAttribute("types", StockEventRequest.TYPES);
        model.addAttribute("reasons", StockEventRequest.WRITE_OFF_REASONS);
        return "stock/depot";
    }

    @PostMapping("/depots/{id}/events")
    String book(@PathVariable long id, @RequestParam String type, @RequestParam String item,
                @RequestParam(required = false) String lot, @RequestParam(required = false) LocalDate expiry,
                @RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) Long toDepot,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String documentNumber,
                RedirectAttributes redirect) {
        StockEventRequest request = new StockEventRequest(type, id, item, lot, expiry, quantity, toDepot,
                blankToNull(reason), blankToNull(documentNumber), null);
        // Whoever books several lines of one item in a row should not have to pick it again.
        redirect.addFlashAttribute("lastItem", item);
        try {
            List<RecordedEvent> recorded = ledger.record(List.of(request), false);
            redirect.addFlashAttribute("booked", recorded);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("problem", e.getReason());
        }
        return "redirect:/staff/voorraad/depots/" + id;
    }

    /** Map colours by days of supply inside the region: red under one day, then orange, yellow, green. */
    static String fill(double days) {
        return days < 1 ? "#d52b1e" : days < 3 ? "#e17000" : days < 7 ? "#ffb612" : "#39870c";
    }

    private static int bar(double days) {
        return (int) Math.round(Math.min(days, CHART_DAYS) / CHART_DAYS * CHART_WIDTH);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
