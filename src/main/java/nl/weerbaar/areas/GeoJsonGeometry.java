package nl.weerbaar.areas;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Reads the two GeoJSON geometry types municipal boundaries come in (RFC 7946: Polygon and
 * MultiPolygon, positions as [lon, lat]) into JTS geometries with x = lon, y = lat. Small enough
 * to keep here rather than add a GeoJSON library.
 */
final class GeoJsonGeometry {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private GeoJsonGeometry() {}

    static Geometry read(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield GEOMETRIES.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("expected a Polygon or MultiPolygon geometry, not '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.size() == 0) {
            throw new IllegalArgumentException("a polygon needs at least an outer ring");
        }
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1));
        }
        return GEOMETRIES.createPolygon(ring(rings.get(0)), holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("a position must be [lon, lat], not " + position);
            }
            coordinates[i] = new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
        }
        return GEOMETRIES.createLinearRing(coordinates);
    }
}
