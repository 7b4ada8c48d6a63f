package nl.weerbaar.planning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import org.springframework.stereotype.Component;

/**
 * Maps for the planning pages, drawn on the server from {@link AreaMap}'s outlines: municipalities
 * coloured by the share of demand not met, depots as dots, zoomed to the scenario's area; and the
 * safety regions as links to pick one for a new scenario. Both work without JavaScript and print.
 *
 * <p>AreaMap does not say how it projects, so depots are placed by a projection fitted (weighted
 * least squares) between each municipality's inner point and the middle of its outline: good to a
 * few hundred metres, plenty for a dot on a regional map.
 */
@Component
class PlanMap {

    private static final Pattern NUMBER_PAIR = Pattern.compile("[ML](-?[0-9.]+) (-?[0-9.]+)");

    private final AreaMap areaMap;
    private final Map<String, double[]> boxes = new HashMap<>();
    /** x = ax * lon + bx; y = ay * lat + by. */
    private final double ax;
    private final double bx;
    private final double ay;
    private final double by;

    PlanMap(AreaMap areaMap, Areas areas) {
        this.areaMap = areaMap;
        for (AreaMap.Outline outline : areaMap.outlines()) {
            boxes.put(outline.municipality(), box(outline.path()));
        }
        double[] fitX = new double[5];
        double[] fitY = new double[5];
        for (Municipality m : areas.municipalities()) {
            double[] b = boxes.get(m.code());
            if (b == null) {
                continue;
            }
            double size = Math.max(1, (b[2] - b[0]) * (b[3] - b[1]));
            double w = 1 / size;
            add(fitX, m.lon(), (b[0] + b[2]) / 2, w);
            add(fitY, m.lat(), (b[1] + b[3]) / 2, w);
        }
        double[] x = solve(fitX);
        double[] y = solve(fitY);
        ax = x[0];
        bx = x[1];
        ay = y[0];
        by = y[1];
    }

    record Shape(String municipality, String region, String name, String path, String fill, String label, boolean selected) {}

    record Dot(double x, double y, double r, String name, boolean helps, boolean demo) {}

    record Drawing(String viewBox, double stroke, List<Shape> shapes, List<Dot> dots) {}

    /** A depot to mark; {@code helps}: one more unit there would reach unmet demand. */
    record DepotMark(double lat, double lon, String name, boolean helps, boolean demo) {}

    /** Municipalities by share unmet (none: grey), zoomed to those with figures and the depots given. */
    Drawing unmet(Map<String, Double> unmetShare, Collection<DepotMark> depots, Locale locale) {
        double[] view = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (String code : unmetShare.keySet()) {
            double[] b = boxes.get(code);
            if (b != null) {
                grow(view, b[0], b[1]);
                grow(view, b[2], b[3]);
            }
        }
        if (view[0] == Double.MAX_VALUE) {
            view = whole();
        }
        view = pad(view);
        double r = Math.max(2, (view[2] - view[0]) / 110);
        List<Dot> dots = new ArrayList<>();
        for (DepotMark depot : depots) {
            double x = ax * depot.lon() + bx;
            double y = ay * depot.lat() + by;
            if (x >= view[0] && x <= view[2] && y >= view[1] && y <= view[3]) {
                dots.add(new Dot(round(x), round(y), round(r), depot.name(), depot.helps(), depot.demo()));
            }
        }
        List<Shape> shapes = new ArrayList<>();
        for (AreaMap.Outline outline : areaMap.outlines()) {
            if (!overlaps(boxes.get(outline.municipality()), view)) {
                continue;
            }
            Double share = unmetShare.get(outline.municipality());
            String label = share == null ? outline.name()
                    : outline.name() + ": " + String.format(locale, "%.0f %%", share * 100);
            shapes.add(new Shape(outline.municipality(), outline.region(), outline.name(), outline.path(), fill(share), label,
                    share != null));
        }
        return new Drawing(viewBox(view), round(r / 6), shapes, dots);
    }

    /**
     * A safety region on the picker map: its municipalities' outlines as one link, which opens the
     * new-scenario form with this region added to the chosen areas (or taken out: {@code toggled}).
     */
    record RegionShape(String region, String name, String fill, boolean chosen, List<String> paths, String toggled) {}

    record RegionMap(String viewBox, List<RegionShape> regions) {}

    /** The whole country, regions told apart by alternating tints, the chosen ones dark. */
    RegionMap regions(Set<String> selected, Map<String, String> regionNames) {
        Map<String, List<String>> paths = new java.util.TreeMap<>();
        Set<String> partlyChosen = new java.util.HashSet<>();
        for (AreaMap.Outline outline : areaMap.outlines()) {
            paths.computeIfAbsent(outline.region(), k -> new ArrayList<>()).add(outline.path());
            if (selected.contains(outline.municipality())) {
                partlyChosen.add(outline.region());
            }
        }
        List<RegionShape> shapes = new ArrayList<>();
        for (var entry : paths.entrySet()) {
            String region = entry.getKey();
            boolean chosen = selected.contains(region);
            int number = Integer.parseInt(region.substring(2));
            String fill = chosen ? "#154273" : partlyChosen.contains(region) ? "#01689b"
                    : number % 3 == 0 ? "#b2d7ee" : number % 3 == 1 ? "#d9ebf7" : "#8fcae7";
            java.util.TreeSet<String> toggled = new java.util.TreeSet<>(selected);
            if (!toggled.remove(region)) {
                toggled.add(region);
            }
            shapes.add(new RegionShape(region, regionNames.getOrDefault(region, region), fill, chosen, entry.getValue(),
                    String.join(",", toggled)));
        }
        return new RegionMap(areaMap.viewBox(), shapes);
    }

    /** Green when all was supplied, then yellow, orange, red as more went short; grey outside the scenario. */
    static String fill(Double share) {
        if (share == null) {
            return "#e6e6e6";
        }
        return share <= 0 ? "#39870c" : share < 0.1 ? "#ffb612" : share < 0.3 ? "#e17000" : "#d52b1e";
    }

    private double[] whole() {
        String[] parts = areaMap.viewBox().split(" ");
        return new double[] {0, 0, Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
    }

    private static double[] pad(double[] view) {
        double margin = 0.04 * Math.max(view[2] - view[0], view[3] - view[1]) + 2;
        return new double[] {view[0] - margin, view[1] - margin, view[2] + margin, view[3] + margin};
    }

    private static String viewBox(double[] view) {
        return String.format(Locale.ROOT, "%.1f %.1f %.1f %.1f", view[0], view[1], view[2] - view[0], view[3] - view[1]);
    }

    private static boolean overlaps(double[] box, double[] view) {
        return box != null && box[0] <= view[2] && box[2] >= view[0] && box[1] <= view[3] && box[3] >= view[1];
    }

    private static void grow(double[] view, double x, double y) {
        view[0] = Math.min(view[0], x);
        view[1] = Math.min(view[1], y);
        view[2] = Math.max(view[2], x);
        view[3] = Math.max(view[3], y);
    }

    private static double[] box(String path) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        Matcher m = NUMBER_PAIR.matcher(path);
        while (m.find()) {
            grow(box, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        }
        return box[0] == Double.MAX_VALUE ? null : box;
    }

    /** Sums for a weighted straight-line fit: w, w·u, w·v, w·u², w·u·v. */
    private static void add(double[] sums, double u, double v, double w) {
        sums[0] += w;
        sums[1] += w * u;
        sums[2] += w * v;
        sums[3] += w * u * u;
        sums[4] += w * u * v;
    }

    /** Slope and intercept of v = slope·u + intercept. */
    private static double[] solve(double[] s) {
        double denominator = s[0] * s[3] - s[1] * s[1];
        if (denominator == 0) {
            return new double[] {0, 0};
        }
        double slope = (s[0] * s[4] - s[1] * s[2]) / denominator;
        return new double[] {slope, (s[2] - slope * s[1]) / s[0]};
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
