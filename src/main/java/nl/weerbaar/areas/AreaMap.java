package nl.weerbaar.areas;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
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

    /** A place to mark on a printed map; {@code label} is a short number or letter. */
    public record Marker(double lat, double lon, String label, boolean prominent) {}

    private final List<Outline> outlines;
    private final String viewBox;
    private final Map<String, Geometry> simplified = new HashMap<>();

    AreaMap(Areas areas) {
        List<Geometry> shapes = new ArrayList<>();
        List<Municipality> municipalities = areas.municipalities();
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (Municipality municipality : municipalities) {
            Geometry shape = TopologyPreservingSimplifier.simplify(
                    GeoJsonGeometry.read(areas.boundary(municipality.code()).orElseThrow()), SIMPLIFY_DEGREES);
            shapes.add(shape);
            simplified.put(municipality.code(), shape);
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

    /**
     * One municipality with numbered markers, as a PNG for printed packs (PDF renderers draw
     * images everywhere, SVG only with extra libraries). Labels use the embedded DejaVu Sans, so no
     * system fonts are needed.
     */
    public byte[] municipalityPng(String municipality, List<Marker> markers, int widthPixels) {
        Geometry shape = simplified.get(municipality);
        if (shape == null) {
            throw new IllegalArgumentException("no municipality " + municipality);
        }
        var box = shape.getEnvelopeInternal();
        double margin = 0.05 * Math.max(box.getWidth(), box.getHeight());
        double minLon = box.getMinX() - margin, maxLat = box.getMaxY() + margin;
        double scale = widthPixels / ((box.getWidth() + 2 * margin) * COS_LATITUDE);
        int height = (int) Math.ceil((box.getHeight() + 2 * margin) * scale);
        var image = new BufferedImage(widthPixels, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPixels, height);
            var outline = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                Polygon polygon = (Polygon) shape.getGeometryN(i);
                trace(outline, polygon.getExteriorRing().getCoordinates(), minLon, maxLat, scale);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    trace(outline, polygon.getInteriorRingN(h).getCoordinates(), minLon, maxLat, scale);
                }
            }
            g.setColor(new Color(0xE8, 0xEE, 0xF4));
            g.fill(outline);
            g.setColor(new Color(0x15, 0x42, 0x73));
            g.setStroke(new BasicStroke(2f));
            g.draw(outline);
            g.setFont(labelFont().deriveFont(Font.BOLD, 13f));
            for (Marker marker : markers) {
                int x = (int) Math.round((marker.lon() - minLon) * COS_LATITUDE * scale);
                int y = (int) Math.round((maxLat - marker.lat()) * scale);
                int radius = marker.prominent() ? 11 : 9;
                g.setColor(marker.prominent() ? new Color(0xD5, 0x2B, 0x1E) : new Color(0x01, 0x68, 0x9B));
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setColor(Color.WHITE);
                var metrics = g.getFontMetrics();
                g.drawString(marker.label(), x - metrics.stringWidth(marker.label()) / 2, y + metrics.getAscent() / 2 - 1);
            }
        } finally {
            g.dispose();
        }
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /**
     * A route as a PNG for printed route sheets: the municipalities around it, the route as a line
     * through the markers in their order (the first marker is where it starts and ends), numbered
     * markers on top; the depot ({@code prominent}) in red.
     */
    public byte[] routePng(List<Marker> markers, int widthPixels) {
        if (markers.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one place");
        }
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (Marker marker : markers) {
            minLon = Math.min(minLon, marker.lon());
            maxLon = Math.max(maxLon, marker.lon());
            minLat = Math.min(minLat, marker.lat());
            maxLat = Math.max(maxLat, marker.lat());
        }
        double margin = Math.max(0.01, 0.08 * Math.max(maxLon - minLon, maxLat - minLat));
        minLon -= margin;
        maxLon += margin;
        minLat -= margin;
        maxLat += margin;
        double scale = widthPixels / ((maxLon - minLon) * COS_LATITUDE);
        int height = (int) Math.min(2 * widthPixels, Math.ceil((maxLat - minLat) * scale));
        var image = new java.awt.image.BufferedImage(widthPixels, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, widthPixels, height);
            var view = new org.locationtech.jts.geom.Envelope(minLon, maxLon, minLat, maxLat);
            for (Geometry shape : simplified.values()) {
                if (!shape.getEnvelopeInternal().intersects(view)) {
                    continue;
                }
                var outline = new java.awt.geom.Path2D.Double(java.awt.geom.Path2D.WIND_EVEN_ODD);
                for (int i = 0; i < shape.getNumGeometries(); i++) {
                    Polygon polygon = (Polygon) shape.getGeometryN(i);
                    trace(outline, polygon.getExteriorRing().getCoordinates(), minLon, maxLat, scale);
                }
                g.setColor(new java.awt.Color(0xF1, 0xF4, 0xF8));
                g.fill(outline);
                g.setColor(new java.awt.Color(0xB4, 0xC3, 0xD3));
                g.setStroke(new java.awt.BasicStroke(1f));
                g.draw(outline);
            }
            var line = new java.awt.geom.Path2D.Double();
            for (int i = 0; i <= markers.size(); i++) {
                Marker marker = markers.get(i % markers.size());
                double x = (marker.lon() - minLon) * COS_LATITUDE * scale;
                double y = (maxLat - marker.lat()) * scale;
                if (i == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setColor(new java.awt.Color(0x15, 0x42, 0x73));
            g.setStroke(new java.awt.BasicStroke(2.5f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            g.draw(line);
            g.setFont(labelFont().deriveFont(java.awt.Font.BOLD, 13f));
            for (Marker marker : markers) {
                int x = (int) Math.round((marker.lon() - minLon) * COS_LATITUDE * scale);
                int y = (int) Math.round((maxLat - marker.lat()) * scale);
                int radius = marker.prominent() ? 12 : 10;
                g.setColor(marker.prominent() ? new java.awt.Color(0xD5, 0x2B, 0x1E) : new java.awt.Color(0x01, 0x68, 0x9B));
                g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setColor(java.awt.Color.WHITE);
                var metrics = g.getFontMetrics();
                g.drawString(marker.label(), x - metrics.stringWidth(marker.label()) / 2, y + metrics.getAscent() / 2 - 1);
            }
        } finally {
            g.dispose();
        }
        var png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static Font labelFont() {
        try (var in = AreaMap.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot read the embedded font", e);
        }
    }

    private static void trace(Path2D path, Coordinate[] ring, double minLon, double maxLat, double scale) {
        for (int i = 0; i < ring.length; i++) {
            double x = (ring[i].x - minLon) * COS_LATITUDE * scale;
            double y = (maxLat - ring[i].y) * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
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
