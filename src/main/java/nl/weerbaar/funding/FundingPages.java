package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import java.util.Locale;
import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.LocalNumbers;
import nl.weerbaar.system.PageProblems;
import nl.weerbaar.system.Versioned;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of the funding module: budget lines, allocations side by side, spending entry
 * and the national report. Forms post to these pages (with the CSRF token the layout's forms carry)
 * and go through the same services as the API; amounts are typed in euros.
 */
@Controller
@RequestMapping("/medewerkers/financiering")
class FundingPages {

    private final BudgetLines budgetLines;
    private final Allocations allocations;
    private final Expenditures expenditures;
    private final FundingReports reports;
    private final ReportPdf pdf;
    private final AccessControl access;
    private final Areas areas;
    /** Which year a page shows when none is asked for: the current one, in Dutch time. */
    private final Clock clock;
    private final NationalFigures national;
    private final PageProblems problems;

    FundingPages(BudgetLines budgetLines, Allocations allocations, Expenditures expenditures, FundingReports reports,
                 ReportPdf pdf, AccessControl access, Areas areas, Clock clock, NationalFigures national, PageProblems problems) {
        this.national = national;
        this.problems = problems;
        this.pdf = pdf;
        this.budgetLines = budgetLines;
        this.allocations = allocations;
        this.expenditures = expenditures;
        this.reports = reports;
        this.access = access;
        this.areas = areas;
        this.clock = clock;
    }

    @GetMapping
    String budget(@RequestParam(required = false) Integer year, Model model) {
        int shown = orThisYear(year);
        model.addAttribute("year", shown);
        List<BudgetLine> lines = budgetLines.list(shown);
        model.addAttribute("lines", lines);
        model.addAttribute("total", lines.stream().mapToLong(BudgetLine::amountCents).sum());
        model.addAttribute("nationalAdmin", isNationalAdmin());
        return "funding/budget";
    }

    @PostMapping("/begrotingsposten")
    String addBudgetLine(@RequestParam(required = false) Integer year, @RequestParam(required = false) String source,
                         @RequestParam(required = false) String purpose, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        try {
            budgetLines.create(new BudgetLines.BudgetLineInput(year, source, purpose, euros(amount, "amount", locale), note));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
        }
        redirect.addAttribute("year", orThisYear(year));
        return "redirect:/medewerkers/financiering";
    }

    @GetMapping("/begrotingsposten/{id}")
    String editBudgetLine(@PathVariable long id, Model model) {
        BudgetLine line = budgetLines.get(id);
        model.addAttribute("line", line);
        model.addAttribute("year", line.year());
        model.addAttribute("nationalAdmin", isNationalAdmin());
        return "funding/budget-line";
    }

    /** A change of a line; the version the editor saw travels as a hidden field and guards against lost updates. */
    @PostMapping("/begrotingsposten/{id}")
    String updateBudgetLine(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) String source, @RequestParam(required = false) String purpose,
                            @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
                            Locale locale, RedirectAttributes redirect) {
        try {
            BudgetLine saved = budgetLines.update(id, Versioned.etag(version),
                    new BudgetLines.BudgetLineInput(year, source, purpose, euros(amount, "amount", locale), note));
            redirect.addFlashAttribute("saved", true);
            redirect.addAttribute("year", saved.year());
            return "redirect:/medewerkers/financiering";
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
            return "redirect:/medewerkers/financiering/begrotingsposten/" + id;
        }
    }

    @PostMapping("/begrotingsposten/{id}/verwijderen")
    String deleteBudgetLine(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        int year = budgetLines.get(id).year();
        try {
            budgetLines.delete(id, Versioned.etag(version));
            redirect.addFlashAttribute("deleted", true);
            redirect.addAttribute("year", year);
            return "redirect:/medewerkers/financiering";
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
            return "redirect:/medewerkers/financiering/begrotingsposten/" + id;
        }
    }

    /** GDP and national resilience spending: the figures the 1.5 % report divides and adds. */
    @GetMapping("/landelijk")
    String national(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("year", orThisYear(year));
        model.addAttribute("gdp", national.gdp());
        model.addAttribute("spending", national.nationalSpending(null));
        model.addAttribute("categories", NatoCategory.values());
        model.addAttribute("nationalAdmin", isNationalAdmin());
        return "funding/national";
    }

    @PostMapping("/landelijk/bbp")
    String putGdp(@RequestParam(required = false) Integer year, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String source, Locale locale, RedirectAttributes redirect) {
        try {
            if (year == null) {
                throw new InvalidInputException("year", "is required");
            }
            // the page shows every figure, so entering a year again replaces the one shown: its version is the one seen
            String ifMatch = national.gdp().stream().filter(g -> g.year() == year).findFirst()
                    .map(g -> Versioned.etag(g.version())).orElse(null);
            national.putGdp(year, ifMatch, new NationalFigures.GdpInput(euros(amount, "amount", locale), source));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
        }
        return "redirect:/medewerkers/financiering/landelijk";
    }

    @PostMapping("/landelijk/uitgaven")
    String addNationalSpending(@RequestParam(required = false) Integer year, @RequestParam(required = false) String natoCategory,
                               @RequestParam(required = false) String amount, @RequestParam(required = false) String source,
                               Locale locale, RedirectAttributes redirect) {
        try {
            national.addNationalSpending(new NationalFigures.NationalSpendingInput(year, natoCategory,
                    euros(amount, "amount", locale), source));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
        }
        return "redirect:/medewerkers/financiering/landelijk";
    }

    @GetMapping("/verdeling")
    String allocations(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long a,
                       @RequestParam(required = false) Long b, Model model) {
        int shown = orThisYear(year);
        List<Allocation> ofYear = allocations.list(shown);
        model.addAttribute("year", shown);
        model.addAttribute("allocations", ofYear);
        model.addAttribute("lines", budgetLines.list(shown));
        model.addAttribute("nationalAdmin", isNationalAdmin());
        Long first = a != null ? a : ofYear.size() >= 2 ? ofYear.get(1).id() : null;
        Long second = b != null ? b : ofYear.isEmpty() ? null : ofYear.getFirst().id();
        if (first != null && second != null) {
            Allocations.Comparison comparison = allocations.compare(first, second);
            model.addAttribute("comparison", comparison);
            model.addAttribute("chart", Charts.comparison(comparison));
        } else if (second != null) {
            model.addAttribute("single", allocations.get(second));
        }
        return "funding/allocations";
    }

    @PostMapping("/verdeling")
    String computeAllocation(@RequestParam(required = false) String name, @RequestParam int year,
                             @RequestParam(required = false) List<Long> budgetLineIds, @RequestParam(required = false) String base,
                             @RequestParam(required = false) String areaSharePercent,
                             @RequestParam(required = false) String riskWeights,
                             @RequestParam(required = false) Long compareWith, Locale locale, RedirectAttributes redirect) {
        redirect.addAttribute("year", year);
        try {
            Allocation draft = allocations.compute(new Allocations.Formula(name, year, budgetLineIds, euros(base, "base", locale),
                    percent(areaSharePercent, locale), weights(riskWeights)));
            redirect.addAttribute("b", draft.id());
            if (compareWith != null) {
                redirect.addAttribute("a", compareWith);
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
        }
        return "redirect:/medewerkers/financiering/verdeling";
    }

    /** "Vaststellen" first asks: a page that says what adopting does, with the button that does it (no script needed). */
    @GetMapping("/verdeling/{id}/vaststellen")
    String confirmAdoption(@PathVariable long id, Model model) {
        Allocation allocation = allocations.get(id);
        model.addAttribute("allocation", allocation);
        model.addAttribute("year", allocation.year());
        model.addAttribute("replaces", allocations.list(allocation.year()).stream()
                .filter(a -> a.id() != id && "adopted".equals(a.status())).toList());
        return "funding/adopt";
    }

    @PostMapping("/verdeling/{id}/vaststellen")
    String adopt(@PathVariable long id, RedirectAttributes redirect) {
        Allocation adopted = allocations.adopt(id);
        redirect.addFlashAttribute("adopted", adopted.name());
        redirect.addAttribute("year", adopted.year());
        return "redirect:/medewerkers/financiering/verdeling";
    }

    @GetMapping("/uitgaven")
    String expenditures(@RequestParam(required = false) Integer year, Model model) {
        int shown = orThisYear(year);
        Actor actor = access.requireRole(Role.VIEWER);
        model.addAttribute("year", shown);
        model.addAttribute("expenditures", expenditures.list(shown, null));
        model.addAttribute("regions", areas.regions().stream().filter(r -> access.mayRead(actor, r.code())).toList());
        model.addAttribute("categories", NatoCategory.values());
        model.addAttribute("referenceTypes", Expenditures.REFERENCE_TYPES);
        model.addAttribute("mayBook", actor.role().includes(Role.COORDINATOR));
        return "funding/expenditures";
    }

    @PostMapping("/uitgaven")
    String book(@RequestParam(required = false) String region, @RequestParam(required = false) String municipality,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String natoCategory,
                @RequestParam(required = false) String referenceType, @RequestParam(required = false) String referenceId,
                @RequestParam(required = false) String description, @RequestParam(required = false) String bookedOn,
                Locale locale, RedirectAttributes redirect) {
        try {
            expenditures.create(new Expenditures.ExpenditureInput(region, municipality, year, kind, euros(amount, "amount", locale),
                    natoCategory, referenceType, referenceId, description, bookedOn));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problems", problems.describe(e, "funding"));
        }
        redirect.addAttribute("year", orThisYear(year));
        return "redirect:/medewerkers/financiering/uitgaven";
    }

    @GetMapping("/rapportage")
    String report(@RequestParam(required = false) Integer year, @RequestParam(required = false) BigDecimal assumedGrowthPercent,
                  Model model) {
        int shown = orThisYear(year);
        FundingReports.PledgeReport pledge = reports.pledge(assumedGrowthPercent);
        model.addAttribute("year", shown);
        model.addAttribute("growth", assumedGrowthPercent);
        model.addAttribute("pledge", pledge);
        model.addAttribute("chart", Charts.pledge(pledge));
        model.addAttribute("regions", reports.regions(shown));
        model.addAttribute("categories", reports.natoCategories(shown));
        return "funding/report";
    }

    /** The pledge report as CSV for a logged-in browser (the API takes tokens, not the page session). */
    @GetMapping("/rapportage/navo-norm.csv")
    ResponseEntity<String> pledgeCsv(@RequestParam(required = false) BigDecimal assumedGrowthPercent) {
        return ResponseEntity.ok().contentType(FundingApi.csvType())
                .header("Content-Disposition", "attachment; filename=\"navo-norm.csv\"")
                .body(FundingCsv.pledge(reports.pledge(assumedGrowthPercent)));
    }

    @GetMapping("/rapportage/regios-nl.csv")
    ResponseEntity<String> regionsCsvDutch(@RequestParam int year) {
        return ResponseEntity.ok().contentType(FundingApi.csvType())
                .header("Content-Disposition", "attachment; filename=\"financiering-regios-" + year + "-nl.csv\"")
                .body(FundingCsv.regionsDutch(reports.regions(year)));
    }

    @GetMapping("/rapportage.pdf")
    ResponseEntity<byte[]> reportPdf(@RequestParam int year, @RequestParam(required = false) BigDecimal assumedGrowthPercent,
                                     Locale locale) {
        return FundingReportsApi.pdf(reports, pdf, year, assumedGrowthPercent, locale);
    }

    @GetMapping("/rapportage/regios.csv")
    ResponseEntity<String> regionsCsv(@RequestParam int year) {
        return ResponseEntity.ok().contentType(FundingApi.csvType())
                .header("Content-Disposition", "attachment; filename=\"financiering-regios-" + year + ".csv\"")
                .body(FundingCsv.regions(reports.regions(year)));
    }

    private int orThisYear(Integer year) {
        return year == null ? Year.now(clock).getValue() : year;
    }

    private boolean isNationalAdmin() {
        Actor actor = access.currentActor();
        return actor.role().includes(Role.ADMIN) && access.covers(actor.organisation(), "NL");
    }

    /** Euros as typed on the page, in its locale ("70.000.000", "€ 70.000.000", "1.250,50"); a text that is no amount is named as the field. */
    static Long euros(String text, String field, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalNumbers.parse(text, locale).filter(e -> e.signum() >= 0 && e.stripTrailingZeros().scale() <= 2)
                .flatMap(e -> {
                    try {
                        return Optional.of(e.movePointRight(2).longValueExact());
                    } catch (ArithmeticException tooLarge) {
                        return Optional.empty();
                    }
                })
                .orElseThrow(() -> new InvalidInputException(field,
                        "'" + text + "' is not an amount in euros with at most 2 decimals, as 70000000 or 1.250,50"));
    }

    private static BigDecimal percent(String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return LocalNumbers.parse(text.replace("%", ""), locale)
                .orElseThrow(() -> new InvalidInputException("areaSharePercent", "'" + text + "' is not a percentage"));
    }

    /** "VR13=1.2, VR01=0.9" → weights per region; an empty text means weight 1 everywhere. */
    private static Map<String, BigDecimal> weights(String text) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return weights;
        }
        List<String> bad = new ArrayList<>();
        for (String pair : text.split("[,;\\s]+")) {
            String[] parts = pair.split("=");
            try {
                weights.put(parts[0].strip().toUpperCase(Locale.ROOT), new BigDecimal(parts[1].strip()));
            } catch (RuntimeException e) {
                bad.add(pair);
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidInputException("riskWeights", "write each weight as VR13=1.2, separated by commas; not understood: " + bad);
        }
        return weights;
    }
}
