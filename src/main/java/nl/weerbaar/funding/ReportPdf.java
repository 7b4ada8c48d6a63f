package nl.weerbaar.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.system.PrintedDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The national funding report as an A4 PDF: the pledge table with a bar chart, and the region and
 * NATO category tables of a year. Charts are drawn as boxes, not SVG: the PDF renderer draws SVG
 * only with an extra library.
 */
@Component
class ReportPdf {

    /** Width in millimetres of the longest bar. */
    private static final int BAR_MM = 90;

    private final TemplateEngine templates;
    private final FundingFormat format;
    /** Dates the report "generated on", in Dutch time. */
    private final Clock clock;

    ReportPdf(TemplateEngine templates, FundingFormat format, Clock clock) {
        this.templates = templates;
        this.format = format;
        this.clock = clock;
    }

    /** One year's pair of bars: the resilience total and 1.5 % of GDP, in millimetres. */
    record YearBars(int year, int resilienceMm, int pledgeMm, String resilience, String pledge) {}

    byte[] render(FundingReports.PledgeReport pledge, FundingReports.RegionReport regions, FundingReports.CategoryReport categories,
                  Locale locale) {
        Context context = new Context(locale);
        context.setVariable("pledge", pledge);
        context.setVariable("regions", regions);
        context.setVariable("categories", categories);
        context.setVariable("bars", bars(pledge));
        context.setVariable("fmt", format);
        context.setVariable("generatedOn", LocalDate.now(clock).toString());
        return PrintedDocuments.pdf(templates.process("funding/report-pdf", context));
    }

    private static List<YearBars> bars(FundingReports.PledgeReport pledge) {
        long max = pledge.years().stream()
                .mapToLong(y -> Math.max(y.resilienceCents(), y.pledgeCents() == null ? 0 : y.pledgeCents())).max().orElse(0);
        return pledge.years().stream()
                .map(y -> new YearBars(y.year(), millimetres(y.resilienceCents(), max),
                        y.pledgeCents() == null ? 0 : millimetres(y.pledgeCents(), max),
                        Charts.millions(y.resilienceCents()), y.pledgeCents() == null ? "" : Charts.millions(y.pledgeCents())))
                .toList();
    }

    /** Millimetres, not money: rounding here changes a drawing, never an amount. */
    private static int millimetres(long cents, long max) {
        return max == 0 ? 0 : (int) Math.round((double) cents / max * BAR_MM);
    }
}
