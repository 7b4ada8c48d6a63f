package nl.weerbaar.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.system.Csv;
import nl.weerbaar.system.PrintedDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A run's result as CSV (one row per municipality, day and item; or per support point, day and item)
 * and as a printable PDF report.
 *
 * <p>CSV columns: {@code municipality} (CBS code), {@code region} (VRnn), {@code day} (counting
 * from 1, as the pages and the PDF do: day 1 is the scenario's first day), {@code date}
 * (ISO 8601), {@code item} (catalogue code), {@code demand}, {@code supplied}, {@code unmet}, then
 * the unmet units per reason, one column per {@link UnmetReason} code ({@code no-stock}, …).
 */
@Component
class PlanReport {

    /** Rows of the shortfall and depot tables in the PDF: the first ones are the ones that matter. */
    private static final int PDF_ROWS = 25;

    private final TemplateEngine templates;
    private final PlanFigures figures;
    private final PlanText text;
    private final ObjectProvider<SupportPoints> points;
    private final Clock clock;

    PlanReport(TemplateEngine templates, PlanFigures figures, PlanText text, ObjectProvider<SupportPoints> points, Clock clock) {
        this.clock = clock;
        this.templates = templates;
        this.figures = figures;
        this.text = text;
        this.points = points;
    }

    public String csv(PlanResult result) {
        List<String> header = new ArrayList<>(List.of("municipality", "region", "day", "date", "item", "demand", "supplied", "unmet"));
        for (UnmetReason reason : UnmetReason.values()) {
            header.add(reason.code());
        }
        List<PlanResult.AreaDay> rows = new ArrayList<>(result.areaDays());
        rows.sort(Comparator.comparing(PlanResult.AreaDay::municipality).thenComparingInt(PlanResult.AreaDay::day)
                .thenComparing(PlanResult.AreaDay::item));
        List<List<Object>> lines = new ArrayList<>();
        for (PlanResult.AreaDay row : rows) {
            List<Object> cells = new ArrayList<>();
            LocalDate date = row.day() >= 0 && row.day() < result.dates().size() ? result.dates().get(row.day()) : null;
            cells.add(row.municipality());
            cells.add(row.region());
            cells.add(row.day() + 1);
            cells.add(date);
            cells.add(row.item());
            cells.add(row.demand());
            cells.add(row.supplied());
            cells.add(row.unmetTotal());
            for (UnmetReason reason : UnmetReason.values()) {
                cells.add(row.unmet() == null ? 0 : row.unmet().getOrDefault(reason, 0L));
            }
            lines.add(cells);
        }
        return Csv.write(header, lines);
    }

    /**
     * The same rows for a Dutch spreadsheet (a page download, not the API's contract): semicolons,
     * Dutch column names, and the names of municipality, region, item and reasons beside the codes.
     */
    public String csvDutch(PlanResult result, java.util.Locale locale) {
        List<String> header = new ArrayList<>(List.of("gemeente", "gemeentenaam", "regio", "regionaam", "dag", "datum",
                "artikel", "artikelnaam", "vraag", "geleverd", "niet geleverd"));
        for (UnmetReason reason : UnmetReason.values()) {
            header.add(text.message(locale, "planning.reason." + reason.code()));
        }
        List<PlanResult.AreaDay> rows = new ArrayList<>(result.areaDays());
        rows.sort(Comparator.comparing(PlanResult.AreaDay::municipality).thenComparingInt(PlanResult.AreaDay::day)
                .thenComparing(PlanResult.AreaDay::item));
        List<List<Object>> lines = new ArrayList<>();
        for (PlanResult.AreaDay row : rows) {
            LocalDate date = row.day() >= 0 && row.day() < result.dates().size() ? result.dates().get(row.day()) : null;
            List<Object> cells = new ArrayList<>(Arrays.asList(row.municipality(), text.areaName(row.municipality()), row.region(),
                    row.region() == null ? null : text.areaName(row.region()), row.day() + 1,
                    date == null ? null : date.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")),
                    row.item(), text.itemName(row.item()), row.demand(), row.supplied(), row.unmetTotal()));
            for (UnmetReason reason : UnmetReason.values()) {
                cells.add(row.unmet() == null ? 0 : row.unmet().getOrDefault(reason, 0L));
            }
            lines.add(cells);
        }
        return Csv.writeDutch(header, lines);
    }

    /**
     * What each support point needs and receives per day and item: {@code point} (id), {@code name},
     * {@code municipality}, {@code day} (from 1), {@code date}, {@code item}, {@code demand},
     * {@code supplied}, {@code unmet}, {@code open} (false once the point has gone dark).
     */
    public String pointsCsv(PlanResult result) {
        List<List<Object>> lines = new ArrayList<>();
        for (PlanResult.PointOutcome point : result.points()) {
            for (int day = 0; day < point.demandPerDay().size(); day++) {
                long demand = point.demandPerDay().get(day);
                long supplied = point.suppliedPerDay().get(day);
                boolean open = point.darkFromDay() == null || day < point.darkFromDay();
                lines.add(Arrays.asList(point.point(), point.name(), point.municipality(), day + 1, result.dates().get(day),
                        point.item(), demand, supplied, demand - supplied, open));
            }
        }
        return Csv.write(List.of("point", "name", "municipality", "day", "date", "item", "demand", "supplied", "unmet", "open"), lines);
    }

    /** One item's chart for the PDF. */
    record PdfChart(PlanFigures.ItemSeries series, List<PlanCharts.BoxBar> bars) {}

    /** A reason that occurred, with its units, its colour and what it means. */
    record ReasonLine(UnmetReason reason, long units, String colour) {}

    /**
     * An A4 report: the scenario's inputs, the headline numbers, unmet demand by reason explained,
     * the first shortfalls, a per-day chart per item, and the depots where one more unit helps most.
     */
    public byte[] pdf(Scenario scenario, PlanResult result, Locale locale) {
        PlanFigures.Figures f = figures.of(result);
        Context context = new Context(locale);
        context.setVariable("s", scenario);
        context.setVariable("f", f);
        context.setVariable("names", text);
        context.setVariable("charts", f.items().stream().map(series -> new PdfChart(series, PlanCharts.boxes(series, locale))).toList());
        List<ReasonLine> reasons = new ArrayList<>();
        for (UnmetReason reason : UnmetReason.values()) {
            reasons.add(new ReasonLine(reason, f.headline().unmetFor(reason), PlanCharts.colour(reason)));
        }
        context.setVariable("reasons", reasons);
        context.setVariable("suppliedColour", PlanCharts.SUPPLIED);
        context.setVariable("shortfalls", f.shortfalls().stream().limit(PDF_ROWS).toList());
        context.setVariable("moreShortfalls", Math.max(0, f.shortfalls().size() - PDF_ROWS));
        context.setVariable("depots", f.depots().stream().filter(PlanFigures.DepotRow::helps).limit(PDF_ROWS).toList());
        SupportPoints supportPoints = points.getIfAvailable();
        context.setVariable("demo", f.demoDepots() || (supportPoints != null && supportPoints.anyDemo()));
        context.setVariable("statistics", result.statistics());
        context.setVariable("generatedOn", LocalDate.now(clock).toString());
        return PrintedDocuments.pdf(templates.process("planning/report-pdf", context));
    }
}
