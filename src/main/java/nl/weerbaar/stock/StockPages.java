package nl.weerbaar.stock;

import static nl.weerbaar.system.InputCheck.blankToNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.LocalNumbers;
import nl.weerbaar.system.PageProblems;
import org.springframework.beans.factory.annotation.Value;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.PostcodeArea;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: stock per depot with a phone-sized booking form, and days of supply per region as a chart. */
@Controller
@RequestMapping("/medewerkers/voorraad")
class StockPages {

    /** Days shown at full bar width; more is drawn as a full bar. */
    private static final double CHART_DAYS = 14;
    private static final int CHART_WIDTH = 300;

    private final StockCatalogue catalogue;
    private final StockLedger ledger;
    private final StockReports reports;
    private final Areas areas;
    private final AreaMap map;
    private final PageProblems problems;
    /** "Today" for the flag on lots that expire soon. */
    private final Clock clock;
    /** Lots that expire within this many days are flagged on the depot page. */
    private final int expiryWarningDays;
    /** The same map background as the points map, when a tile server is configured. */
    private final String tileUrl;

    StockPages(StockCatalogue catalogue, StockLedger ledger, StockReports reports, Areas areas, AreaMap map,
               PageProblems problems, Clock clock, @Value("${weerbaar.stock.expiry-warning-days:30}") int expiryWarningDays,
               @Value("${weerbaar.map.tile-url:}") String tileUrl) {
        this.tileUrl = tileUrl;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.reports = reports;
        this.areas = areas;
        this.map = map;
        this.problems = problems;
        this.clock = clock;
        this.expiryWarningDays = expiryWarningDays;
    }

    /** One line of the "in stock" table: the lot, its item for a reader, and how soon it expires. */
    record BalanceRow(LotBalance balance, Item item, Long daysLeft, boolean expiresSoon) {}

    /** One line of the stock card: the event, its item for a reader, and the item's balance after it. */
    record CardRow(RecordedEvent event, Item item, BigDecimal balanceAfter) {}

    /** Quantities expiring per item and period: a sum over items of different units would mean nothing. */
    record ExpiryRow(Item item, Map<StockReports.ExpiryBucket, BigDecimal> byBucket) {}

    /** What was typed in the booking form, shown again after a refusal so nothing has to be typed twice. */
    record Entered(String type, String item, String quantity, String lot, String expiry, Long toDepot, String reason,
                   String documentNumber) {}

    /** One region's row of the coverage table and its two bars (inside the region; with national stock). */
    record RegionRow(String code, String name, long population, double daysInside, double daysWithFarther,
                     int barInside, int barWithFarther, int y) {}

    @GetMapping
    String overview(@RequestParam(defaultValue = "drinking-water") String item,
                    @RequestParam(defaultValue = "0.25") double dependentShare, Model model) {
        List<Item> normed = catalogue.items().stream().filter(i -> i.dailyNormPerPerson() != null).toList();
        String chosen = normed.stream().anyMatch(i -> i.code().equals(item)) ? item : normed.getFirst().code();
        List<Region> regions = areas.regions();
        List<String> codes = new ArrayList<>(regions.stream().map(Region::code).toList());
        codes.add("NL");
        List<StockReports.Coverage> coverages = reports.coverages(codes, chosen, dependentShare);
        List<RegionRow> rows = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            StockReports.Coverage coverage = coverages.get(i);
            rows.add(new RegionRow(region.code(), region.name(), region.population(), coverage.daysInside(),
                    coverage.daysWithFarther(), bar(coverage.daysInside()), bar(coverage.daysWithFarther()), i * 22));
        }
        model.addAttribute("items", normed);
        model.addAttribute("map", map);
        model.addAttribute("fills", rows.stream().collect(Collectors.toMap(RegionRow::code, r -> fill(r.daysInside()))));
        model.addAttribute("item", catalogue.item(chosen).orElseThrow());
        model.addAttribute("dependentShare", dependentShare);
        model.addAttribute("national", coverages.getLast());
        model.addAttribute("rows", rows);
        model.addAttribute("chartHeight", rows.size() * 22 + 24);
        model.addAttribute("chartDays", (int) CHART_DAYS);
        model.addAttribute("chartWidth", CHART_WIDTH);
        StockReports.ExpiryReport expiry = reports.expiry("NL");
        model.addAttribute("expiry", expiry);
        model.addAttribute("buckets", StockReports.ExpiryBucket.values());
        model.addAttribute("expiryRows", expiryRows(expiry));
        model.addAttribute("depots", catalogue.depots());
        model.addAttribute("levels", StockCatalogue.LEVELS);
        model.addAttribute("municipalities", areas.municipalities());
        model.addAttribute("tileUrl", tileUrl);
        return "stock/overview";
    }

    /**
     * A coordinator adds a depot in their area; the level and municipality decide where it counts.
     * Its place comes from a point picked on the map (lat/lon filled by the page's script) or, without
     * script or map, from a postcode: the postcode also gives the municipality when none was chosen.
     */
    @PostMapping("/depots")
    String addDepot(@RequestParam String name, @RequestParam String level, @RequestParam(required = false) String municipality,
                    @RequestParam(required = false) String postcode, @RequestParam(required = false) String lat,
                    @RequestParam(required = false) String lon, @RequestParam(required = false) String capacity,
                    Locale locale, RedirectAttributes redirect) {
        try {
            Double latitude = coordinate(lat, "lat", locale);
            Double longitude = coordinate(lon, "lon", locale);
            String place = blankToNull(municipality);
            if (blankToNull(postcode) != null && (latitude == null || longitude == null)) {
                PostcodeArea area = postcodeArea(postcode);
                latitude = area.lat();
                longitude = area.lon();
                place = place == null ? area.municipalityCode() : place;
            }
            Depot created = catalogue.createDepot(new Depot(0, name, level, null, null, place,
                    latitude == null ? Double.NaN : latitude, longitude == null ? Double.NaN : longitude,
                    blankToNull(capacity), null, false, 0));
            return "redirect:/medewerkers/voorraad/depots/" + created.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("depotProblem", problems.sentence(e, "stock"));
            return "redirect:/medewerkers/voorraad#new-depot";
        }
    }

    private PostcodeArea postcodeArea(String postcode) {
        try {
            return areas.postcodeArea(postcode).orElseThrow(() -> new InvalidInputException("postcode",
                    "'" + postcode.strip() + "' is not in the postcode list"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("postcode", e.getMessage());
        }
    }

    private static Double coordinate(String text, String field, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalNumbers.parse(text, locale).map(BigDecimal::doubleValue)
                .orElseThrow(() -> new InvalidInputException(field, "'" + text + "' is not a number"));
    }

    @GetMapping("/depots/{id}")
    String depot(@PathVariable long id, Model model) {
        Depot depot = catalogue.depot(id).orElseThrow(() -> StockCatalogue.notFound("no depot with id " + id));
        model.addAttribute("depot", depot);
        Map<String, Item> items = itemsByCode();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("balances", reports.balances(id, null).stream().map(b -> {
            Long daysLeft = b.expiry() == null ? null : ChronoUnit.DAYS.between(today, b.expiry());
            return new BalanceRow(b, items.get(b.item()), daysLeft,
                    daysLeft != null && daysLeft >= 0 && daysLeft <= expiryWarningDays);
        }).toList());
        model.addAttribute("expiryWarningDays", expiryWarningDays);
        model.addAttribute("events", reports.depotCard(id, 50).stream()
                .map(l -> new CardRow(l.event(), items.get(l.event().item()), l.itemBalanceAfter())).toList());
        // when each event was recorded, in Dutch time whatever the server's zone
        model.addAttribute("zone", ApplicationClock.NETHERLANDS.getId());
        model.addAttribute("items", catalogue.items());
        model.addAttribute("depots", catalogue.depots());
        model.addAttribute("types", StockEventRequest.TYPES);
        model.addAttribute("reasons", StockEventRequest.WRITE_OFF_REASONS);
        return "stock/depot";
    }

    @PostMapping("/depots/{id}/boekingen")
    String book(@PathVariable long id, @RequestParam String type, @RequestParam String item,
                @RequestParam(required = false) String lot, @RequestParam(required = false) LocalDate expiry,
                @RequestParam(required = false) String quantity, @RequestParam(required = false) Long toDepot,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String documentNumber,
                Locale locale, RedirectAttributes redirect) {
        // Whoever books several lines of one item in a row should not have to pick it again.
        redirect.addFlashAttribute("lastItem", item);
        try {
            BigDecimal amount = quantity == null || quantity.isBlank() ? null : LocalNumbers.parse(quantity, locale)
                    .orElseThrow(() -> new InvalidInputException("quantity", "'" + quantity + "' is not a number"));
            StockEventRequest request = new StockEventRequest(type, id, item, blankToNull(lot), expiry, amount, toDepot,
                    blankToNull(reason), blankToNull(documentNumber), null);
            List<RecordedEvent> recorded = ledger.record(List.of(request), false);
            redirect.addFlashAttribute("booked", recorded);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", problems.sentence(e, "stock"));
            redirect.addFlashAttribute("entered", new Entered(type, item, quantity, lot, expiry == null ? null : expiry.toString(),
                    toDepot, reason, documentNumber));
        }
        return "redirect:/medewerkers/voorraad/depots/" + id;
    }

    /** Map colours by days of supply inside the region: red under one day, then orange, yellow, green. */
    static String fill(double days) {
        return days < 1 ? "#d52b1e" : days < 3 ? "#e17000" : days < 7 ? "#ffb612" : "#39870c";
    }

    private Map<String, Item> itemsByCode() {
        return catalogue.items().stream().collect(Collectors.toMap(Item::code, i -> i));
    }

    private List<ExpiryRow> expiryRows(StockReports.ExpiryReport report) {
        Map<String, Item> items = itemsByCode();
        Map<String, Map<StockReports.ExpiryBucket, BigDecimal>> byItem = new TreeMap<>();
        for (StockReports.ExpiringLot lot : report.lots()) {
            byItem.computeIfAbsent(lot.lot().item(), k -> new EnumMap<>(StockReports.ExpiryBucket.class))
                    .merge(lot.bucket(), lot.lot().quantity(), BigDecimal::add);
        }
        return byItem.entrySet().stream().map(e -> new ExpiryRow(items.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(r -> r.item().name())).toList();
    }

    private static int bar(double days) {
        return (int) Math.round(Math.min(days, CHART_DAYS) / CHART_DAYS * CHART_WIDTH);
    }
}
