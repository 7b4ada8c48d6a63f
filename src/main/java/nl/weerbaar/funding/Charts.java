package nl.weerbaar.funding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the funding charts, drawn by the templates as inline SVG: pages stay free of
 * JavaScript and print as they show.
 */
final class Charts {

    private static final int LABEL_WIDTH = 70;
    private static final int BAR_AREA = 470;
    private static final int ROW_HEIGHT = 26;

    private Charts() {}

    /** One region's two bars, A above B, lengths in proportion to the largest amount. */
    record RegionBars(String label, int y, int lengthA, int lengthB, String valueA, String valueB) {}

    record ComparisonChart(int width, int height, int labelWidth, List<RegionBars> rows) {}

    static ComparisonChart comparison(Allocations.Comparison comparison) {
        long max = comparison.regions().stream()
                .mapToLong(r -> Math.max(r.totalCentsA(), r.totalCentsB())).max().orElse(0);
        List<RegionBars> rows = new ArrayList<>();
        int y = 0;
        for (Allocations.RegionDifference region : comparison.regions()) {
            rows.add(new RegionBars(region.regionCode(), y, length(region.totalCentsA(), max), length(region.totalCentsB(), max),
                    millions(region.totalCentsA()), millions(region.totalCentsB())));
            y += ROW_HEIGHT;
        }
        return new ComparisonChart(LABEL_WIDTH + BAR_AREA + 90, y, LABEL_WIDTH, rows);
    }

    /** A year's column: the resilience total as a bar, the pledge (1.5 % of GDP) and the linear path as points. */
    record YearColumn(int year, int x, int barY, int barHeight, Integer pledgeY, Integer pathY, boolean estimated) {}

    record PledgeChart(int width, int height, int plotTop, int plotBottom, int barWidth, List<YearColumn> columns,
                       String pledgeLine, String pathLine, String maxLabel) {}

    static PledgeChart pledge(FundingReports.PledgeReport report) {
        int left = 110;
        int step = 52;
        int top = 20;
        int bottom = 260;
        long max = report.years().stream()
                .mapToLong(y -> Math.max(y.resilienceCents(), Math.max(orZero(y.pledgeCents()), orZero(y.linearPathCents()))))
                .max().orElse(0);
        List<YearColumn> columns = new ArrayList<>();
        StringBuilder pledgeLine = new StringBuilder();
        StringBuilder pathLine = new StringBuilder();
        int x = left;
        for (FundingReports.PledgeYear year : report.years()) {
            int barHeight = scaled(year.resilienceCents(), max, bottom - top);
            Integer pledgeY = year.pledgeCents() == null ? null : bottom - scaled(year.pledgeCents(), max, bottom - top);
            Integer pathY = year.linearPathCents() == null ? null : bottom - scaled(year.linearPathCents(), max, bottom - top);
            columns.add(new YearColumn(year.year(), x, bottom - barHeight, barHeight, pledgeY, pathY, year.gdpEstimated()));
            int centre = x + step / 2 - 6;
            if (pledgeY != null) {
                pledgeLine.append(centre).append(',').append(pledgeY).append(' ');
            }
            if (pathY != null) {
                pathLine.append(centre).append(',').append(pathY).append(' ');
            }
            x += step;
        }
        return new PledgeChart(x + 20, bottom + 40, top, bottom, step - 12, columns, pledgeLine.toString().strip(),
                pathLine.toString().strip(), millions(max));
    }

    private static long orZero(Long cents) {
        return cents == null ? 0 : cents;
    }

    private static int length(long cents, long max) {
        return scaled(cents, max, BAR_AREA);
    }

    /** Pixels, not money: rounding here changes a drawing, never an amount. */
    private static int scaled(long cents, long max, int pixels) {
        return max == 0 ? 0 : (int) Math.round((double) cents / max * pixels);
    }

    /** "EUR 3.2 M": short enough for a chart label; the tables give the exact amounts. */
    static String millions(long cents) {
        return String.format(Locale.ROOT, "EUR %,.1f M", cents / 100_000_000.0);
    }
}
