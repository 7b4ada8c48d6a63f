package nl.weerbaar.planning;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.DomainException.VersionMismatch;
import nl.weerbaar.system.LocalNumbers;
import nl.weerbaar.system.PageProblems;
import nl.weerbaar.stock.Depot;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.StockCatalogue;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of planning: saved scenarios, the scenario form, runs with their progress and
 * results, and runs side by side. Everything goes through {@link Planning}, which checks roles and
 * scopes as the API does; forms post and redirect (POST-redirect-GET), a refused form comes back
 * with each problem next to its field. No JavaScript: a running run's page reloads itself.
 */
@Controller
@RequestMapping("/medewerkers/planning")
class PlanningPages {

    private static final String ROOT = "/medewerkers/planning";

    private final Planning planning;
    private final Areas areas;
    private final StockCatalogue catalogue;
    private final PlanReport report;
    private final PlanFigures figures;
    private final PlanMap map;
    private final SupportPoints points;
    private final PlanText text;
    private final Clock clock;
    private final PageProblems problems;

    PlanningPages(Planning planning, Areas areas, StockCatalogue catalogue, PlanReport report, PlanFigures figures,
                  PlanMap map, SupportPoints points, PlanText text, Clock clock, PageProblems problems) {
        this.problems = problems;
        this.clock = clock;
        this.text = text;
        this.planning = planning;
        this.areas = areas;
        this.catalogue = catalogue;
        this.report = report;
        this.figures = figures;
        this.map = map;
        this.points = points;
    }

    /** A scenario in the list, with its newest run (null when it never ran) and its newest finished run. */
    @GetMapping
    String list(Model model) {
        model.addAttribute("scenarios", planning.listWithLatestRuns());
        model.addAttribute("names", text);
        return "planning/list";
    }

    @GetMapping("/nieuw")
    String newScenario(@RequestParam(required = false) Long from, @RequestParam(required = false) String areas,
                       @RequestParam(required = false) String depot, @RequestParam(required = false) String item,
                       @RequestParam(required = false) String quantity, Model model, Locale locale) {
        List<Item> items = catalogue.items();
        PlanScenarioForm form;
        if (from != null) {
            Planning.SavedScenario saved = planning.get(from);
            form = PlanScenarioForm.of(saved.scenario(), saved.version(), items);
            form.version = "";
            form.name = message(locale, "planning.whatIf.name", saved.scenario().name());
            model.addAttribute("copiedFrom", saved);
        } else {
            form = PlanScenarioForm.empty(items, clock);
        }
        if (areas != null && !areas.isBlank()) {
            for (String code : areas.split("[,\\s]+")) {
                String upper = code.strip().toUpperCase(Locale.ROOT);
                if (upper.startsWith("VR") && !form.regions.contains(upper)) {
                    form.regions.add(upper);
                } else if (upper.startsWith("GM")) {
                    form.municipalities = form.municipalities.isBlank() ? upper : form.municipalities + ", " + upper;
                }
            }
        }
        if (depot != null || item != null || quantity != null) {
            form.prependExtra(depot == null ? "" : depot, item == null ? "" : item, quantity == null ? "" : quantity);
        }
        return form(form, null, Map.of(), model);
    }

    @PostMapping("/nieuw")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        PlanScenarioForm form = PlanScenarioForm.read(params, catalogue.items());
        ScenarioInput input = form.toInput();
        if (!form.problems().isEmpty()) {
            return refused(form, null, form.problems(), model, response);
        }
        try {
            Planning.SavedScenario created = planning.create(input);
            return "redirect:" + ROOT + "/" + created.id() + "?saved";
        } catch (InvalidInputException e) {
            return refused(form, null, e.invalidParams(), model, response);
        }
    }

    @GetMapping("/{id:[0-9]+}/bewerken")
    String edit(@PathVariable long id, Model model) {
        Planning.SavedScenario saved = planning.get(id);
        return form(PlanScenarioForm.of(saved.scenario(), saved.version(), catalogue.items()), saved, Map.of(), model);
    }

    @PostMapping("/{id:[0-9]+}/bewerken")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  HttpServletResponse response) {
        PlanScenarioForm form = PlanScenarioForm.read(params, catalogue.items());
        ScenarioInput input = form.toInput();
        if (!form.problems().isEmpty()) {
            return refused(form, planning.get(id), form.problems(), model, response);
        }
        try {
            planning.update(id, form.version.isBlank() ? null : Versioned.etag(Long.parseLong(form.version)), input);
            return "redirect:" + ROOT + "/" + id + "?saved";
        } catch (InvalidInputException e) {
            return refused(form, planning.get(id), e.invalidParams(), model, response);
        } catch (NumberFormatException e) {
            return refused(form, planning.get(id), List.of(new InvalidInputException.InvalidParam("version", "reload the page")),
                    model, response);
        } catch (VersionMismatch e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Planning.SavedScenario now = planning.get(id);
            model.addAttribute("conflict", true);
            return form(PlanScenarioForm.of(now.scenario(), now.version(), catalogue.items()), now, Map.of(), model);
        }
    }

    @PostMapping("/{id:[0-9]+}/kopieren")
    String copy(@PathVariable long id, @RequestParam(required = false) String name, Locale locale) {
        Planning.SavedScenario original = planning.get(id);
        String copyName = name == null || name.isBlank() ? message(locale, "planning.copy.name", original.scenario().name()) : name;
        Planning.SavedScenario copy = planning.copy(id, copyName);
        return "redirect:" + ROOT + "/" + copy.id() + "/bewerken";
    }

    @PostMapping("/{id:[0-9]+}/verwijderen")
    String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        planning.delete(id, Versioned.etag(version));
        redirect.addAttribute("deleted", "");
        return "redirect:" + ROOT;
    }

    @GetMapping("/{id:[0-9]+}")
    String scenario(@PathVariable long id, Model model, Locale locale) {
        Planning.SavedScenario saved = planning.get(id);
        model.addAttribute("saved", saved);
        model.addAttribute("s", saved.scenario());
        model.addAttribute("runs", newestFirst(planning.runs(id)));
        model.addAttribute("names", text);
        return "planning/scenario";
    }

    @PostMapping("/{id:[0-9]+}/doorrekeningen")
    String startRun(@PathVariable long id) {
        Planning.Run run = planning.startRun(id);
        return "redirect:" + ROOT + "/doorrekeningen/" + run.id();
    }

    @GetMapping("/doorrekeningen/{runId:[0-9]+}")
    String run(@PathVariable long runId, Model model, Locale locale) {
        Planning.Run run = planning.run(runId);
        Scenario scenario = planning.runScenario(runId);
        Planning.SavedScenario saved = savedOrNull(run.scenarioId());
        boolean running = run.status() == Planning.RunStatus.QUEUED || run.status() == Planning.RunStatus.RUNNING;
        model.addAttribute("run", run);
        model.addAttribute("saved", saved);
        model.addAttribute("scenario", scenario);
        model.addAttribute("running", running);
        model.addAttribute("percent", Math.round(run.progress() * 100));
        model.addAttribute("names", text);
        if (run.status() == Planning.RunStatus.DONE) {
            PlanResult result = planning.result(runId);
            PlanFigures.Figures f = figures.of(result);
            model.addAttribute("result", result);
            model.addAttribute("f", f);
            List<ItemChart> charts = new ArrayList<>();
            for (PlanFigures.ItemSeries series : f.items()) {
                charts.add(new ItemChart(series, PlanCharts.stacked(series)));
            }
            model.addAttribute("charts", charts);
            model.addAttribute("reasons", UnmetReason.values());
            model.addAttribute("map", map.unmet(f.unmetShareByMunicipality(), depotMarks(result, f), locale));
            model.addAttribute("demo", f.demoDepots() || points.anyDemo());
            model.addAttribute("whatIf", saved == null ? null : whatIf(saved, f));
            Map<String, Long> suggested = new HashMap<>();
            f.items().forEach(series -> suggested.put(series.item(), suggested(f, series.item())));
            model.addAttribute("suggested", suggested);
            model.addAttribute("darkPoints", darkPoints(result, scenario, locale));
            model.addAttribute("unusedStock", unusedStock(f, scenario, locale));
        }
        return "planning/run";
    }

    /**
     * "What if" in one click: copies the run's scenario with one change (extra stock at a depot, a
     * generator at a dark point, or refuelling of the generators), saves it under a name that says
     * the change, and runs it; the new run's page opens, from where the two compare.
     */
    @PostMapping("/doorrekeningen/{runId:[0-9]+}/wat-als")
    String whatIfRun(@PathVariable long runId, @RequestParam String change, @RequestParam(required = false) Long point,
                     @RequestParam(required = false) Long depot, @RequestParam(required = false) String item,
                     @RequestParam(required = false) Long quantity, Locale locale) {
        Scenario scenario = planning.runScenario(runId);
        PlanScenarioForm form = PlanScenarioForm.of(scenario, 0, catalogue.items());
        String what = switch (change) {
            case "generator" -> {
                requireParam(point, "point");
                String pointName = planning.result(runId).points().stream().filter(p -> p.point() == point).findFirst()
                        .map(PlanResult.PointOutcome::name)
                        .orElseThrow(() -> new InvalidInputException("point", "is not a support point of this run"));
                form.addGenerator(point);
                yield message(locale, "planning.whatIf.change.generator", pointName);
            }
            case "fuel" -> {
                form.refuel();
                yield message(locale, "planning.whatIf.change.fuel");
            }
            case "stock" -> {
                requireParam(depot, "depot");
                requireParam(item, "item");
                requireParam(quantity, "quantity");
                form.prependExtra(String.valueOf(depot), item, String.valueOf(quantity));
                yield message(locale, "planning.whatIf.change.stock", number(quantity, locale), itemName(item),
                        text.depotName(depot));
            }
            default -> throw new InvalidInputException("change", "must be generator, fuel or stock");
        };
        String base = scenario.name().length() > 60 ? scenario.name().substring(0, 60) + "…" : scenario.name();
        String name = message(locale, "planning.whatIf.named", base, what);
        form.rename(name.length() > 120 ? name.substring(0, 120) : name);
        ScenarioInput input = form.toInput();
        if (!form.problems().isEmpty()) {
            throw new InvalidInputException(form.problems());
        }
        Planning.SavedScenario created = planning.create(input);
        Planning.Run run = planning.startRun(created.id());
        return "redirect:" + ROOT + "/doorrekeningen/" + run.id();
    }

    private static void requireParam(Object value, String name) {
        if (value == null) {
            throw new InvalidInputException(name, "is required for this change");
        }
    }

    /** A dark point on the result page: who power there would serve, and what they would receive a day. */
    record DarkPoint(long point, String name, String municipality, int darkFromDay, String darkFrom, long peopleIfLit,
                     boolean generator, String dailyValue) {}

    /** Dark points by the residents a generator (or fuel) there would serve, most first. */
    private List<DarkPoint> darkPoints(PlanResult result, Scenario scenario, Locale locale) {
        Map<Long, PlanResult.PointOutcome> byPoint = new LinkedHashMap<>();
        result.points().stream().filter(p -> p.darkFromDay() != null).forEach(p -> byPoint.putIfAbsent(p.point(), p));
        return byPoint.values().stream()
                .sorted(Comparator.comparingLong(PlanResult.PointOutcome::peopleIfLit).reversed()
                        .thenComparing(PlanResult.PointOutcome::name))
                .limit(50)
                .map(p -> new DarkPoint(p.point(), p.name(), text.areaName(p.municipality()), p.darkFromDay(),
                        text.day(p.darkFromDay(), p.darkFromDay() < result.dates().size() ? result.dates().get(p.darkFromDay()) : null, locale),
                        p.peopleIfLit(), p.generator(), dailyValue(p.peopleIfLit(), scenario, locale)))
                .toList();
    }

    /** What the people a lit point would serve receive a day: "900 l Drinkwater, 300 stuk Rantsoen". */
    private String dailyValue(long people, Scenario scenario, Locale locale) {
        return scenario.items().stream()
                .map(need -> number(need.perPersonPerDay().multiply(BigDecimal.valueOf(people))
                        .setScale(0, RoundingMode.HALF_UP).longValue(), locale)
                        + " " + text.itemUnit(need.item()) + " " + itemName(need.item()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Why stock stays in depots while demand goes unmet, derived from the plan: per item with stock
     * left that one more unit would not help, what kept the unmet units from it (no lit point within
     * residents' reach, depots' vehicles full, nothing usable in reach).
     */
    record UnusedStock(String itemName, String unit, long leftNational, long leftOther, String national, long unmet,
                       String explanation) {}

    private List<UnusedStock> unusedStock(PlanFigures.Figures f, Scenario scenario, Locale locale) {
        List<UnusedStock> rows = new ArrayList<>();
        for (PlanFigures.ItemSeries series : f.items()) {
            List<PlanFigures.DepotRow> idle = f.depots().stream()
                    .filter(d -> d.item().equals(series.item()) && d.left() > 0 && !d.helps()).toList();
            if (idle.isEmpty()) {
                continue;
            }
            long national = idle.stream().filter(d -> "national".equals(d.level())).mapToLong(PlanFigures.DepotRow::left).sum();
            long other = idle.stream().filter(d -> !"national".equals(d.level())).mapToLong(PlanFigures.DepotRow::left).sum();
            String names = idle.stream().filter(d -> "national".equals(d.level())).map(PlanFigures.DepotRow::name)
                    .collect(Collectors.joining(", "));
            PlanFigures.Headline totals = series.totals();
            long access = totals.unmetFor(UnmetReason.POINT_DARK) + totals.unmetFor(UnmetReason.POINT_FULL)
                    + totals.unmetFor(UnmetReason.NO_POINT_IN_REACH);
            long transport = totals.unmetFor(UnmetReason.NO_TRANSPORT_CAPACITY);
            List<String> parts = new ArrayList<>();
            if (totals.unmet() == 0) {
                parts.add(message(locale, "planning.unused.allMet"));
            }
            if (totals.unmetFor(UnmetReason.POINT_DARK) > 0) {
                parts.add(message(locale, "planning.unused.dark", number(totals.unmetFor(UnmetReason.POINT_DARK), locale)));
            }
            if (totals.unmetFor(UnmetReason.POINT_FULL) + totals.unmetFor(UnmetReason.NO_POINT_IN_REACH) > 0) {
                parts.add(message(locale, "planning.unused.noPoint",
                        number(totals.unmetFor(UnmetReason.POINT_FULL) + totals.unmetFor(UnmetReason.NO_POINT_IN_REACH), locale),
                        LocalNumbers.format(BigDecimal.valueOf(scenario.walkingDistanceKm()), 1, locale)));
            }
            if (transport > 0) {
                parts.add(message(locale, "planning.unused.transport", number(transport, locale),
                        scenario.vehicleCapacityPerDepotPerDay() == null ? "" : number(scenario.vehicleCapacityPerDepotPerDay(), locale)));
            }
            if (totals.unmet() > 0 && access + transport == totals.unmet()) {
                parts.add(message(locale, "planning.unused.stockCannotHelp"));
            }
            rows.add(new UnusedStock(series.name(), series.unit(), national, other, names, totals.unmet(), String.join(" ", parts)));
        }
        return rows;
    }

    @PostMapping("/doorrekeningen/{runId:[0-9]+}/afbreken")
    String cancel(@PathVariable long runId) {
        try {
            planning.cancel(runId);
        } catch (Conflict e) {
            // Finished before the click arrived: the run's page says how it ended.
        }
        return "redirect:" + ROOT + "/doorrekeningen/" + runId;
    }

    @GetMapping("/doorrekeningen/{runId:[0-9]+}/resultaat.csv")
    ResponseEntity<String> csv(@PathVariable long runId) {
        return PlanningApi.csvDownload("doorrekening-" + runId + ".csv", report.csv(planning.result(runId)));
    }

    /** The result for a Dutch spreadsheet: semicolons, names beside codes (the API's CSV stays as documented). */
    @GetMapping("/doorrekeningen/{runId:[0-9]+}/resultaat-nl.csv")
    ResponseEntity<String> resultCsvDutch(@PathVariable long runId, Locale locale) {
        return PlanningApi.csvDownload("doorrekening-" + runId + "-nl.csv", report.csvDutch(planning.result(runId), locale));
    }

    @GetMapping("/doorrekeningen/{runId:[0-9]+}/steunpunten.csv")
    ResponseEntity<String> pointsCsv(@PathVariable long runId) {
        return PlanningApi.csvDownload("doorrekening-" + runId + "-steunpunten.csv", report.pointsCsv(planning.result(runId)));
    }


    @GetMapping("/doorrekeningen/{runId:[0-9]+}/rapport.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long runId, Locale locale) {
        PlanResult result = planning.result(runId);
        Scenario scenario = planning.runScenario(runId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"doorrekening-" + runId + ".pdf\"")
                .body(report.pdf(scenario, result, locale));
    }

    /** One column of the comparison: a finished run, the scenario exactly as it ran, and its figures. */
    record Compared(Planning.Run run, Scenario scenario, PlanFigures.Figures figures) {}

    /** A row of the comparison: a label, whether it is an input, one value per column; values unlike the first column's marked. */
    record CompareRow(String label, boolean input, List<String> values, List<Boolean> differs) {}

    private static final Set<String> INPUT_ROWS = Set.of("planning.hazard", "planning.areas",
            "planning.durationHours", "planning.helpSeekingShare", "planning.selfRelianceShare", "planning.items", "planning.tiers",
            "planning.refuelling", "planning.walkingDistanceKm", "planning.vehicleCapacity", "planning.fairness", "planning.extraStock");

    @GetMapping("/vergelijken")
    String compare(@RequestParam(required = false) List<Long> runs, @RequestParam(required = false) List<Long> scenarios,
                   Model model, Locale locale) {
        List<Compared> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (runs != null) {
            for (Long runId : runs) {
                Planning.Run run = planning.run(runId);
                if (run.status() == Planning.RunStatus.DONE) {
                    columns.add(new Compared(run, planning.runScenario(runId), figures.of(planning.result(runId))));
                } else {
                    missing.add("#" + runId);
                }
            }
        }
        if (scenarios != null) {
            for (Long scenarioId : scenarios) {
                Planning.SavedScenario saved = planning.get(scenarioId);
                Optional<Planning.Run> done = newestFirst(planning.runs(scenarioId)).stream()
                        .filter(r -> r.status() == Planning.RunStatus.DONE).findFirst();
                if (done.isPresent()) {
                    columns.add(new Compared(done.get(), planning.runScenario(done.get().id()),
                            figures.of(planning.result(done.get().id()))));
                } else {
                    missing.add(saved.scenario().name());
                }
            }
        }
        model.addAttribute("columns", columns);
        model.addAttribute("missing", missing);
        model.addAttribute("rows", compareRows(columns, locale));
        return "planning/compare";
    }

    // --- internals ---

    record ItemChart(PlanFigures.ItemSeries series, PlanCharts.StackedChart chart) {}

    /** The link that copies the scenario with extra stock where one more unit helps most. */
    record WhatIf(long scenario, long depot, String item, long quantity, String depotName, String itemName) {}

    private static WhatIf whatIf(Planning.SavedScenario saved, PlanFigures.Figures f) {
        return f.depots().stream().filter(PlanFigures.DepotRow::helps).findFirst()
                .map(d -> new WhatIf(saved.id(), d.depot(), d.item(), suggested(f, d.item()), d.name(), d.itemName()))
                .orElse(null);
    }

    /** The unmet units of the item, rounded up to a round number: what it would take to close the gap. */
    static long suggested(PlanFigures.Figures f, String item) {
        long unmet = f.items().stream().filter(s -> s.item().equals(item)).mapToLong(s -> s.totals().unmet()).sum();
        if (unmet <= 0) {
            return 1000;
        }
        long magnitude = (long) Math.pow(10, Math.max(0, (long) Math.floor(Math.log10(unmet)) - 1));
        return (unmet + magnitude - 1) / magnitude * magnitude;
    }

    private List<PlanMap.DepotMark> depotMarks(PlanResult result, PlanFigures.Figures f) {
        Map<Long, PlanMap.DepotMark> marks = new LinkedHashMap<>();
        Set<Long> helping = new HashSet<>();
        f.depots().stream().filter(PlanFigures.DepotRow::helps).forEach(d -> helping.add(d.depot()));
        for (PlanResult.DepotOutcome d : result.depots()) {
            marks.computeIfAbsent(d.depot(), id -> new PlanMap.DepotMark(d.lat(), d.lon(), d.name(), helping.contains(id),
                    catalogue.depot(id).map(Depot::demo).orElse(false)));
        }
        return List.copyOf(marks.values());
    }

    private String form(PlanScenarioForm form, Planning.SavedScenario saved, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("saved", saved);
        model.addAttribute("errors", errors);
        model.addAttribute("hazards", Hazard.values());
        model.addAttribute("fairnessRules", Fairness.values());
        model.addAttribute("destinations", DeliverTo.values());
        model.addAttribute("regions", areas.regions());
        model.addAttribute("depots", catalogue.depots());
        model.addAttribute("catalogueItems", catalogue.items());
        model.addAttribute("regionMap", map.regions(form.chosenAreas(), areas.regions().stream()
                .collect(Collectors.toMap(r -> r.code(), r -> r.name()))));
        return "planning/form";
    }

    private String refused(PlanScenarioForm form, Planning.SavedScenario saved, List<InvalidInputException.InvalidParam> problems,
                           Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.InvalidParam problem : problems) {
            errors.merge(form.formField(problem.name()), this.problems.reason(problem, "planning"), (a, b) -> a + "; " + b);
        }
        return form(form, saved, errors, model);
    }

    private List<CompareRow> compareRows(List<Compared> columns, Locale locale) {
        List<CompareRow> rows = new ArrayList<>();
        row(rows, "planning.hazard", locale, columns, c -> message(locale, "planning.hazard." + c.scenario().hazard().code()));
        row(rows, "planning.areas", locale, columns, c -> areaList(c.scenario().areas()));
        row(rows, "planning.durationHours", locale, columns, c -> String.valueOf(c.scenario().durationHours()));
        row(rows, "planning.helpSeekingShare", locale, columns, c -> percent(c.scenario().helpSeekingShare(), locale));
        row(rows, "planning.selfRelianceShare", locale, columns, c -> percent(c.scenario().selfRelianceShare(), locale));
        row(rows, "planning.items", locale, columns, c -> text.items(c.scenario()));
        row(rows, "planning.tiers", locale, columns, c -> String.join(", ", c.scenario().tiers()));
        row(rows, "planning.refuelling", locale, columns, c -> message(locale, c.scenario().refuelling() ? "planning.yes" : "planning.no"));
        row(rows, "planning.walkingDistanceKm", locale, columns, c -> String.valueOf(c.scenario().walkingDistanceKm()));
        row(rows, "planning.vehicleCapacity", locale, columns, c -> c.scenario().vehicleCapacityPerDepotPerDay() == null
                ? message(locale, "planning.unlimited") : number(c.scenario().vehicleCapacityPerDepotPerDay(), locale));
        row(rows, "planning.fairness", locale, columns, c -> message(locale, "planning.fairness." + c.scenario().fairness().code()));
        row(rows, "planning.extraStock", locale, columns, c -> text.extraStock(c.scenario()));
        row(rows, "planning.demand", locale, columns, c -> number(c.figures().headline().demand(), locale));
        row(rows, "planning.supplied", locale, columns, c -> number(c.figures().headline().supplied(), locale));
        row(rows, "planning.unmet", locale, columns, c -> number(c.figures().headline().unmet(), locale)
                + " (" + percent(c.figures().headline().unmetShare(), locale) + ")");
        for (UnmetReason reason : UnmetReason.values()) {
            if (columns.stream().anyMatch(c -> c.figures().headline().unmetFor(reason) > 0)) {
                row(rows, "planning.reason." + reason.code(), locale, columns,
                        c -> number(c.figures().headline().unmetFor(reason), locale));
            }
        }
        LinkedHashSet<String> items = new LinkedHashSet<>();
        columns.forEach(c -> c.figures().items().forEach(s -> items.add(s.item())));
        for (String item : items) {
            String name = itemName(item);
            rowText(rows, message(locale, "planning.compare.itemUnmet", name), columns, c -> c.figures().items().stream()
                    .filter(s -> s.item().equals(item)).findFirst()
                    .map(s -> number(s.totals().unmet(), locale) + " " + s.unit()).orElse("–"));
            rowText(rows, message(locale, "planning.compare.itemFirstShortfall", name), columns, c -> c.figures().items().stream()
                    .filter(s -> s.item().equals(item)).findFirst()
                    .map(s -> s.firstShortfallDay() == null ? message(locale, "planning.noShortfall")
                            : text.day(s.firstShortfallDay(), c.figures().dates().size() > s.firstShortfallDay()
                            ? c.figures().dates().get(s.firstShortfallDay()) : null, locale)).orElse("–"));
        }
        return rows;
    }

    private void row(List<CompareRow> rows, String key, Locale locale, List<Compared> columns,
                     Function<Compared, String> value) {
        rows.add(compareRow(message(locale, key), !key.startsWith("planning.reason") && INPUT_ROWS.contains(key), columns, value));
    }

    private void rowText(List<CompareRow> rows, String label, List<Compared> columns,
                         Function<Compared, String> value) {
        rows.add(compareRow(label, false, columns, value));
    }

    private static CompareRow compareRow(String label, boolean input, List<Compared> columns,
                                         Function<Compared, String> value) {
        List<String> values = columns.stream().map(value).toList();
        List<Boolean> differs = values.stream().map(v -> !values.isEmpty() && !v.equals(values.getFirst())).toList();
        return new CompareRow(label, input, values, differs);
    }

    /** The saved scenario, or null when it was deleted since (its runs stay readable). */
    private Planning.SavedScenario savedOrNull(long id) {
        try {
            return planning.get(id);
        } catch (NotFound e) {
            return null;
        }
    }

    private static List<Planning.Run> newestFirst(List<Planning.Run> runs) {
        List<Planning.Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Planning.Run::id).reversed());
        return sorted;
    }

    private String message(Locale locale, String key, Object... args) {
        return text.message(locale, key, args);
    }

    private String areaList(List<String> codes) {
        return text.areaList(codes);
    }

    private String itemName(String code) {
        return text.itemName(code);
    }

    private String number(long value, Locale locale) {
        return text.number(value, locale);
    }

    private String percent(double share, Locale locale) {
        return text.percent(share, locale);
    }
}
