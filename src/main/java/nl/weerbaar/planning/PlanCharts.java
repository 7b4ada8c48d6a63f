package nl.weerbaar.planning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the planning charts: per day, a stacked bar of what was supplied and what was not,
 * by reason. Pages draw it as inline SVG (no JavaScript, prints as shown); the PDF draws the same
 * numbers as boxes, as the PDF renderer draws SVG only with an extra library. The tables beside the
 * charts carry the exact numbers.
 */
final class PlanCharts {

    static final String SUPPLIED = "#01689b";
    private static final Map<UnmetReason, String> COLOURS = new EnumMap<>(Map.of(
            UnmetReason.NO_STOCK, "#d52b1e",
            UnmetReason.NO_TRANSPORT_CAPACITY, "#e17000",
            UnmetReason.POINT_DARK, "#42145f",
            UnmetReason.STOCK_EXPIRED, "#94710a",
            UnmetReason.POINT_FULL, "#ffb612",
            UnmetReason.NO_POINT_IN_REACH, "#8fcae7"));

    private static final int LEFT = 70;
    private static final int TOP = 14;
    private static final int PLOT = 200;
    private static final int PLOT_WIDTH = 620;
    /** Width in millimetres of the longest bar in the PDF. */
    private static final int BAR_MM = 110;

    private PlanCharts() {}

    static String colour(UnmetReason reason) {
        return COLOURS.get(reason);
    }

    /** One coloured part of a bar; {@code reason} null for what was supplied. */
    record Segment(int x, int y, int width, int height, String fill, UnmetReason reason, long units) {}

    record Column(int day, String label, int x, int labelX, List<Segment> segments) {}

    record LegendEntry(UnmetReason reason, String colour) {}

    record StackedChart(int width, int height, int left, int plotTop, int plotBottom, String maxLabel,
                        List<Column> columns, List<LegendEntry> reasons) {}

    /** One item: a column per day, supplied at the bottom, unmet on top by reason. */
    static StackedChart stacked(PlanFigures.ItemSeries series) {
        List<PlanFigures.ItemDay> days = series.days();
        long max = days.stream().mapToLong(d -> Math.max(d.demand(), d.supplied() + d.unmetTotal())).max().orElse(0);
        int step = days.isEmpty() ? 40 : Math.max(8, Math.min(90, PLOT_WIDTH / days.size()));
        int barWidth = Math.max(5, step - Math.max(2, step / 5));
        int bottom = TOP + PLOT;
        // Label every day when there is room, else every seventh day.
        int labelEvery = step >= 24 ? 1 : 7;
        List<Column> columns = new ArrayList<>();
        List<UnmetReason> used = new ArrayList<>();
        int x = LEFT + 4;
        for (PlanFigures.ItemDay day : days) {
            List<Segment> segments = new ArrayList<>();
            int y = bottom;
            int h = scaled(day.supplied(), max);
            if (day.supplied() > 0) {
                segments.add(new Segment(x, y - h, barWidth, h, SUPPLIED, null, day.supplied()));
            }
            y -= h;
            for (UnmetReason reason : UnmetReason.values()) {
                long units = day.unmet().getOrDefault(reason, 0L);
                if (units > 0) {
                    int height = scaled(units, max);
                    segments.add(new Segment(x, y - height, barWidth, height, colour(reason), reason, units));
                    y -= height;
                    if (!used.contains(reason)) {
                        used.add(reason);
                    }
                }
            }
            String label = day.day() % labelEvery == 0 ? String.valueOf(day.day() + 1) : "";
            columns.add(new Column(day.day(), label, x, x + barWidth / 2, segments));
            x += step;
        }
        used.sort(null);
        return new StackedChart(Math.max(x + 10, 460), bottom + 36, LEFT, TOP, bottom, units(max), columns,
                used.stream().map(r -> new LegendEntry(r, colour(r))).toList());
    }

    /** One bar of the PDF chart: a day, its parts in millimetres. */
    record BoxSegment(int mm, String fill) {}

    record BoxBar(int day, String label, List<BoxSegment> segments, long supplied, long unmet) {}

    static List<BoxBar> boxes(PlanFigures.ItemSeries series, Locale locale) {
        long max = series.days().stream().mapToLong(d -> Math.max(d.demand(), d.supplied() + d.unmetTotal())).max().orElse(0);
        List<BoxBar> bars = new ArrayList<>();
        for (PlanFigures.ItemDay day : series.days()) {
            List<BoxSegment> segments = new ArrayList<>();
            if (day.supplied() > 0) {
                segments.add(new BoxSegment(millimetres(day.supplied(), max), SUPPLIED));
            }
            for (UnmetReason reason : UnmetReason.values()) {
                long units = day.unmet().getOrDefault(reason, 0L);
                if (units > 0) {
                    segments.add(new BoxSegment(millimetres(units, max), colour(reason)));
                }
            }
            bars.add(new BoxBar(day.day(), String.valueOf(day.day() + 1) + " " + PlanFigures.shortDate(day.date(), locale),
                    segments, day.supplied(), day.unmetTotal()));
        }
        return bars;
    }

    /** Pixels, not units: rounding here changes a drawing, never a number. */
    private static int scaled(long units, long max) {
        return max == 0 ? 0 : (int) Math.round((double) units / max * PLOT);
    }

    private static int millimetres(long units, long max) {
        return max == 0 ? 0 : Math.max(units > 0 ? 1 : 0, (int) Math.round((double) units / max * BAR_MM));
    }

    /** "1.2 M", "350 k", "900": short enough for an axis; the tables give the exact numbers. */
    static String units(long value) {
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", value / 1_000_000.0);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%d k", Math.round(value / 1000.0));
        }
        return String.valueOf(value);
    }
}
