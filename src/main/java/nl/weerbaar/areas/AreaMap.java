package nl.weerbaar.areas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;

/**
 * The municipalities as SVG paths, for maps drawn on the server: they need no JavaScript and no
 * tile server, and they print. Coordinates are projected equirectangularly around the Netherlands'
 * middle latitude, which keeps shapes true enough at this scale.
 */
@Component
public class AreaMap {

    /** Width of the map in SVG units; the height follows from the country's shape. */
    public static final int WIDTH = 1000;
    /** About 300 m: invisible at page size, and it shrinks the paths tenfold. */
    private static final double SIMPLIFY_DEGREES = 0.003;
    private static final double COS_LATITUDE = Math.cos(Math.toRadians(52.2));

    /**
     * One municipality's outline, with the region it belongs to so maps can colour by either.
     * (No SVG {@code <title>} per shape on pages: the layout takes the page's {@code <title>} elements.)
     */
    public record Outline(String municipality, String region, String name, String path) {}

    private final List<Outline> outlines;
    private final String viewBox;

    AreaMap(Areas areas) {
        List<Geometry> shapes = new ArrayList<>();
        List<Municipality> municipalities = areas.municipalities();
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (Municipality municipality : municipalities) {
            Geometry shape = TopologyPreservingSimplifier.simplify(
                    GeoJsonGeometry.read(areas.boundary(municipality.code()).orElseThrow()), SIMPLIFY_DEGREES);
            shapes.add(shape);
            minLon = Math.min(minLon, shape.getEnvelopeInternal().getMinX());
            maxLon = Math.max(maxLon, shape.getEnvelopeInternal().getMaxX());
            minLat = Math.min(minLat, shape.getEnvelopeInternal().getMinY());
            maxLat = Math.max(maxLat, shape.getEnvelopeInternal().getMaxY());
        }
        double scale = WIDTH / ((maxLon - minLon) * COS_LATITUDE);
        List<Outline> drawn = new ArrayList<>();
        for (int i = 0; i < municipalities.size(); i++) {
            Municipality municipality = municipalities.get(i);
            drawn.add(new Outline(municipality.code(), municipality.regionCode(), municipality.name(),
                    path(shapes.get(i), minLon, maxLat, scale)));
        }
        this.outlines = List.copyOf(drawn);
        this.viewBox = "0 0 " + WIDTH + " " + Math.round((maxLat - minLat) * scale);
    }

    public List<Outline> outlines() {
        return outlines;
    }

    /** The SVG viewBox that holds the whole country. */
    public String viewBox() {
        return viewBox;
    }

    private static String path(Geometry shape, double minLon, double maxLat, double scale) {
        StringBuilder d = new StringBuilder();
        for (int g = 0; g < shape.getNumGeometries(); g++) {
            Polygon polygon = (Polygon) shape.getGeometryN(g);
            ring(d, polygon.getExteriorRing().getCoordinates(), minLon, maxLat, scale);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(d, polygon.getInteriorRingN(h).getCoordinates(), minLon, maxLat, scale);
            }
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, Coordinate[] ring, double minLon, double maxLat, double scale) {
        for (int i = 0; i < ring.length; i++) {
            d.append(i == 0 ? 'M' : 'L')
                    .append(String.format(Locale.ROOT, "%.1f %.1f", (ring[i].x - minLon) * COS_LATITUDE * scale,
                            (maxLat - ring[i].y) * scale));
        }
        d.append('Z');
    }
}
