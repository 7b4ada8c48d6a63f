package nl.weerbaar.areas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Netherlands' safety regions, municipalities and 4-digit postcode areas, and which of them a
 * point lies in. The one door into the areas module.
 *
 * <p>The reference data is loaded into the database on the first start and then held in memory
 * (about 1 MB), so every method answers without a query. Codes are accepted in any case and
 * with surrounding spaces ({@code " gm0363"} finds GM0363). Nothing changes after construction,
 * so any number of threads may call it at once.
 */
@Service
public class Areas {

    private static final Pattern POSTCODE = Pattern.compile("\\s*([1-9][0-9]{3})\\s*([A-Za-z]{2})?\\s*");

    private record MunicipalityShape(String code, PreparedGeometry boundary) {}

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Municipality> municipalities = new LinkedHashMap<>();
    private final Map<String, List<Municipality>> municipalitiesByRegion = new LinkedHashMap<>();
    private final Map<String, JsonNode> boundaries = new LinkedHashMap<>();
    private final Map<String, PostcodeArea> postcodes = new LinkedHashMap<>();
    private final STRtree shapes = new STRtree();
    /** About 200 m: closes the slivers between simplified neighbouring borders, narrower than any sea strait. */
    private static final double LAND_GAP_DEGREES = 0.002;
    private volatile List<PreparedGeometry> landMasses;
    private final GeometryFactory geometries = new GeometryFactory();
    private final List<Region> regionList;
    private final List<Municipality> municipalityList;
    private final List<PostcodeArea> postcodeList;

    /**
     * Loads the reference data first when the database has none: other modules' beans use areas
     * while the application starts, so the data is there as soon as this bean is.
     */
    Areas(ReferenceDataLoader loader, AreaRepository repository, JsonMapper json) {
        loader.loadIfEmpty();
        for (Region region : repository.regions()) {
            regions.put(region.code(), region);
            municipalitiesByRegion.put(region.code(), new ArrayList<>());
        }
        for (AreaRepository.StoredMunicipality stored : repository.municipalities()) {
            Municipality municipality = stored.municipality();
            municipalities.put(municipality.code(), municipality);
            municipalitiesByRegion.get(municipality.regionCode()).add(municipality);
            JsonNode boundary = json.readTree(stored.boundaryGeoJson());
            boundaries.put(municipality.code(), boundary);
            PreparedGeometry shape = PreparedGeometryFactory.prepare(GeoJsonGeometry.read(boundary));
            shapes.insert(shape.getGeometry().getEnvelopeInternal(), new MunicipalityShape(municipality.code(), shape));
        }
        municipalitiesByRegion.replaceAll((code, members) -> List.copyOf(members));
        shapes.build();
        for (PostcodeArea postcode : repository.postcodes()) {
            postcodes.put(postcode.postcode(), postcode);
        }
        regionList = List.copyOf(regions.values());
        municipalityList = List.copyOf(municipalities.values());
        postcodeList = List.copyOf(postcodes.values());
    }

    /** The 25 safety regions, VR01 first. */
    public List<Region> regions() {
        return regionList;
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(normaliseCode(code)));
    }

    /** The 342 municipalities in code order. */
    public List<Municipality> municipalities() {
        return municipalityList;
    }

    /** The municipalities of a safety region in code order; empty for an unknown region. */
    public List<Municipality> municipalitiesInRegion(String regionCode) {
        return municipalitiesByRegion.getOrDefault(normaliseCode(regionCode), List.of());
    }

    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(municipalities.get(normaliseCode(code)));
    }

    /** The safety region a municipality belongs to. */
    public Optional<String> regionOf(String municipalityCode) {
        return municipality(municipalityCode).map(Municipality::regionCode);
    }

    /**
     * Where a postcode lies: its representative point and the municipality that point falls in.
     * Only the four digits count; letters, when given, must be two.
     *
     * @param postcode e.g. {@code "1012"}, {@code "1012AB"} or {@code " 1012 ab "}
     * @throws IllegalArgumentException when the text is not a Dutch postcode
     */
    public Optional<Location> locatePostcode(String postcode) {
        return postcodeArea(postcode).map(area -> new Location(area.lat(), area.lon(), area.municipalityCode(),
                municipalities.get(area.municipalityCode()).regionCode(), area.postcode()));
    }

    /**
     * A 4-digit postcode area with its place and population.
     *
     * @throws IllegalArgumentException when the text is not a Dutch postcode
     */
    public Optional<PostcodeArea> postcodeArea(String postcode) {
        return Optional.ofNullable(postcodes.get(postcodeDigits(postcode)));
    }

    /** All 4,106 postcode areas in postcode order, e.g. as demand points weighted by population. */
    public List<PostcodeArea> postcodeAreas() {
        return postcodeList;
    }

    /**
     * The municipality and safety region a WGS84 point lies in; empty outside the Netherlands'
     * land and inland waters (the boundaries are cut at the coast).
     *
     * @throws IllegalArgumentException when lat or lon is out of range
     */
    public Optional<Location> locate(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: lat " + lat + ", lon " + lon);
        }
        Point point = geometries.createPoint(new Coordinate(lon, lat));
        List<MunicipalityShape> candidates = new ArrayList<>();
        shapes.query(point.getEnvelopeInternal(), item -> candidates.add((MunicipalityShape) item));
        return candidates.stream()
                .filter(candidate -> candidate.boundary().covers(point))
                .map(MunicipalityShape::code)
                // A point on a shared border is in both; the lower code wins, the same every time.
                .sorted()
                .findFirst()
                .map(code -> new Location(lat, lon, code, municipalities.get(code).regionCode(), null));
    }

    /**
     * Whether two places lie on different land masses: an island and the mainland, or two
     * islands. The land masses are the municipalities merged, each widened by about 200 m so
     * neighbours touch despite the simplified borders; the boundaries are cut at the coast, so the
     * sea separates them, while lakes, rivers and estuaries inside municipal borders do not (a
     * bridge, dam or ferry inland is not told apart). False when either place is off the land.
     */
    public boolean onOtherLand(double fromLat, double fromLon, double toLat, double toLon) {
        int from = landMassOf(fromLat, fromLon);
        int to = landMassOf(toLat, toLon);
        return from >= 0 && to >= 0 && from != to;
    }

    private int landMassOf(double lat, double lon) {
        List<PreparedGeometry> masses = landMasses();
        Point point = geometries.createPoint(new Coordinate(lon, lat));
        for (int i = 0; i < masses.size(); i++) {
            if (masses.get(i).covers(point)) {
                return i;
            }
        }
        return -1;
    }

    /** Merged once, on first use: a second or so, which a start-up need not wait for. */
    private List<PreparedGeometry> landMasses() {
        List<PreparedGeometry> masses = landMasses;
        if (masses == null) {
            synchronized (this) {
                if (landMasses == null) {
                    List<Geometry> widened = new ArrayList<>();
                    shapes.itemsTree().forEach(item -> collect(item, widened));
                    Geometry land = UnaryUnionOp.union(widened);
                    List<PreparedGeometry> parts = new ArrayList<>();
                    for (int i = 0; i < land.getNumGeometries(); i++) {
                        parts.add(PreparedGeometryFactory.prepare(land.getGeometryN(i)));
                    }
                    landMasses = List.copyOf(parts);
                }
                masses = landMasses;
            }
        }
        return masses;
    }

    private static void collect(Object item, List<Geometry> into) {
        if (item instanceof MunicipalityShape shape) {
            into.add(shape.boundary().getGeometry().buffer(LAND_GAP_DEGREES));
        } else if (item instanceof List<?> children) {
            children.forEach(child -> collect(child, into));
        }
    }

    /** The GeoJSON geometry (RFC 7946, WGS84) of a municipality's boundary. */
    Optional<JsonNode> boundary(String municipalityCode) {
        return Optional.ofNullable(boundaries.get(normaliseCode(municipalityCode)));
    }

    /** The four digits of a Dutch postcode, as in "1012" for "1012 ab". */
    static String postcodeDigits(String postcode) {
        Matcher matcher = POSTCODE.matcher(postcode == null ? "" : postcode);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("postcode '" + postcode + "' is not a Dutch postcode: expected 4 digits "
                    + "(1000 to 9999), optionally followed by 2 letters, as in 1012 or 1012 AB");
        }
        return matcher.group(1);
    }

    private static String normaliseCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The name of an area: the country's own ("Nederland", a proper name like the municipalities'
     * names, not translated), a safety region's or a municipality's; empty for an unknown code.
     */
    public Optional<String> name(String code) {
        String area = normaliseCode(code);
        return area.equals("NL") ? Optional.of("Nederland")
                : region(area).map(Region::name).or(() -> municipality(area).map(Municipality::name));
    }

    /**
     * Whether an area includes another: NL includes every area, a safety region itself and its
     * municipalities, a municipality only itself. The one place this rule is written.
     *
     * @param area  {@code "NL"}, a safety-region code ({@code "VR13"}) or a municipality code ({@code "GM0363"})
     * @param other the area that may lie inside it, as such a code
     */
    public boolean contains(String area, String other) {
        String outer = normaliseCode(area);
        String inner = normaliseCode(other);
        return outer.equals("NL") || outer.equals(inner)
                || (regions.containsKey(outer) && regionOf(inner).filter(outer::equals).isPresent());
    }
}
