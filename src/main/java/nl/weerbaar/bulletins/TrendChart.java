package nl.weerbaar.bulletins;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly trend of claims as an inline SVG bar chart, stacked by assessment, drawn on the
 * server: it shows without JavaScript and prints. Colours come with a legend and a title per
 * bar, so the chart is not read by colour alone.
 */
final class TrendChart {

    private static final Map<String, String> COLOURS = Map.of(
            "false", "#d52b1e", "misleading", "#e17000", "unverified", "#8a8a8a", "true", "#39870c");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int BASE = 180;
    private static final int LEFT = 40;

    private TrendChart() {}

    static String svg(List<Claims.WeekCount> counts, int weeks, LocalDate today) {
        LocalDate firstWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        long highest = 1;
        long[][] stacked = new long[weeks][Claims.ASSESSMENTS.size()];
        for (Claims.WeekCount count : counts) {
            int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstWeek, count.week());
            if (week >= 0 && week < weeks) {
                stacked[week][Claims.ASSESSMENTS.indexOf(count.assessment())] += count.claims();
            }
        }
        for (long[] week : stacked) {
            highest = Math.max(highest, java.util.Arrays.stream(week).sum());
        }
        double barWidth = (WIDTH - LEFT - 10) / (double) weeks;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"weerbaar-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT + 30).append("\" aria-labelledby=\"trend-title\"><title id=\"trend-title\">")
                .append("Claims per week, stacked by assessment</title>");
        svg.append(line(LEFT, BASE, WIDTH - 10, BASE)).append(text(4, 14, Long.toString(highest))).append(text(4, BASE, "0"));
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d/M");
        for (int week = 0; week < weeks; week++) {
            double x = LEFT + week * barWidth + 2;
            double y = BASE;
            for (int a = 0; a < Claims.ASSESSMENTS.size(); a++) {
                long n = stacked[week][a];
                if (n == 0) {
                    continue;
                }
                double h = (BASE - 20) * n / (double) highest;
                y -= h;
                String assessment = Claims.ASSESSMENTS.get(a);
                svg.append(String.format(java.util.Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d %s</title></rect>",
                        x, y, barWidth - 4, h, COLOURS.get(assessment), firstWeek.plusWeeks(week), n, assessment));
            }
            if (week % 2 == 0) {
                svg.append(text(x, BASE + 14, label.format(firstWeek.plusWeeks(week))));
            }
        }
        int legendX = LEFT;
        for (String assessment : Claims.ASSESSMENTS) {
            svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
                    legendX, HEIGHT + 8, COLOURS.get(assessment)));
            svg.append(text(legendX + 16, HEIGHT + 19, assessment));
            legendX += 130;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#555\"/>";
    }

    private static String text(double x, double y, String content) {
        return String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", x, y,
                HtmlUtils.htmlEscape(content));
    }
}
