package nl.weerbaar.bulletins;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The geometry of the weekly trend of claims, a bar chart stacked by assessment, drawn by the
 * claims page as inline SVG: it shows without JavaScript and prints. Colours come with a legend
 * and a title per bar, so the chart is not read by colour alone.
 */
record TrendChart(int width, int height, int base, int left, long highest, List<Bar> bars, List<Label> labels, List<Key> legend) {

    /** One assessment's part of a week's bar; {@code assessment} is its code. */
    record Bar(double x, double y, double width, double height, String colour, LocalDate week, long claims, String assessment) {}

    /** A week's date under its bar. */
    record Label(double x, String text) {}

    /** One colour of the legend. */
    record Key(int x, String colour, String assessment) {}

    private static final Map<String, String> COLOURS = Map.of(
            "false", "#d52b1e", "misleading", "#e17000", "unverified", "#8a8a8a", "true", "#39870c");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int BASE = 180;
    private static final int LEFT = 40;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d/M");

    static TrendChart of(List<Claims.WeekCount> counts, int weeks, LocalDate today) {
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        long[][] stacked = new long[weeks][Claims.ASSESSMENTS.size()];
        for (Claims.WeekCount count : counts) {
            int week = (int) ChronoUnit.WEEKS.between(firstWeek, count.week());
            if (week >= 0 && week < weeks) {
                stacked[week][Claims.ASSESSMENTS.indexOf(count.assessment())] += count.claims();
            }
        }
        long highest = 1;
        for (long[] week : stacked) {
            highest = Math.max(highest, Arrays.stream(week).sum());
        }
        double barWidth = (WIDTH - LEFT - 10) / (double) weeks;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            double x = LEFT + week * barWidth + 2;
            double y = BASE;
            for (int a = 0; a < Claims.ASSESSMENTS.size(); a++) {
                long n = stacked[week][a];
                if (n > 0) {
                    double h = (BASE - 20) * n / (double) highest;
                    y -= h;
                    String assessment = Claims.ASSESSMENTS.get(a);
                    bars.add(new Bar(round(x), round(y), round(barWidth - 4), round(h), COLOURS.get(assessment), firstWeek.plusWeeks(week),
                            n, assessment));
                }
            }
            if (week % 2 == 0) {
                labels.add(new Label(round(x), LABEL.format(firstWeek.plusWeeks(week))));
            }
        }
        List<Key> legend = new ArrayList<>();
        for (int a = 0; a < Claims.ASSESSMENTS.size(); a++) {
            legend.add(new Key(LEFT + 130 * a, COLOURS.get(Claims.ASSESSMENTS.get(a)), Claims.ASSESSMENTS.get(a)));
        }
        return new TrendChart(WIDTH, HEIGHT, BASE, LEFT, highest, bars, labels, legend);
    }

    /** A tenth of a pixel is fine enough, and keeps the page short. */
    private static double round(double pixels) {
        return Math.round(pixels * 10) / 10.0;
    }
}
