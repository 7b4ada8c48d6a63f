package nl.weerbaar.areas;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Geometry;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the reference data shipped in {@code classpath:reference/nl} (see SOURCES.md there) and
 * checks every row and the files against each other. It reports every bad row at once, so a
 * broken data update is fixed in one round.
 */
final class ReferenceDataFiles {

    static final String FOLDER = "reference/nl/";
    static final String REGIONS = "veiligheidsregios.csv";
    static final String MUNICIPALITIES = "gemeenten.csv";
    static final String BOUNDARIES = "gemeenten.geojson";
    static final String POSTCODE_POINTS = "pc4.csv";
    static final String POSTCODE_POPULATION = "pc4_population.csv";

    private static final Pattern REGION_CODE = Pattern.compile(AreaLimits.REGION_CODE);
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile(AreaLimits.MUNICIPALITY_CODE);
    private static final Pattern PROVINCE_CODE = Pattern.compile("PV[0-9]{2}");
    private static final Pattern PC4 = Pattern.compile("[1-9][0-9]{3}");

    /** A box around the Netherlands, with its coastal waters; the same bounds as the table checks. */
    private static final double MIN_LAT = 50, MAX_LAT = 54, MIN_LON = 3, MAX_LON = 8;

    record MunicipalityRow(Municipality municipality, double centroidLat, double centroidLon, JsonNode boundary) {}

    record ReferenceData(List<Region> regions, List<MunicipalityRow> municipalities, List<PostcodeArea> postcodes) {}

    /** The files hold errors; the message lists every one. */
    static final class InvalidReferenceDataException extends RuntimeException {
        InvalidReferenceDataException(String folder, List<String> problems) {
            super("Reference data in classpath:" + folder + " has " + problems.size() + " problem(s); nothing was loaded:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private final String folder;
    private final JsonMapper json;
    private final List<String> problems = new ArrayList<>();

    private ReferenceDataFiles(String folder, JsonMapper json) {
        this.folder = folder;
        this.json = json;
    }

    /**
     * Reads and checks the five files in a classpath folder.
     *
     * @throws InvalidReferenceDataException listing every problem found
     */
    static ReferenceData read(String folder, JsonMapper json) {
        return new ReferenceDataFiles(folder, json).readAll();
    }

    private ReferenceData readAll() {
        Map<String, Region> regions = readRegions();
        Map<String, JsonNode> boundaries = readBoundaries();
        List<MunicipalityRow> municipalities = readMunicipalities(regions, boundaries);
        checkRegionTotals(regions, municipalities);
        Set<String> municipalityCodes = new LinkedHashSet<>();
        municipalities.forEach(m -> municipalityCodes.add(m.municipality().code()));
        List<PostcodeArea> postcodes = readPostcodes(municipalityCodes);
        if (!problems.isEmpty()) {
            throw new InvalidReferenceDataException(folder, problems);
        }
        return new ReferenceData(List.copyOf(regions.values()), municipalities, postcodes);
    }

    private Map<String, Region> readRegions() {
        Map<String, Region> regions = new LinkedHashMap<>();
        readCsv(REGIONS, row -> {
            String code = row.code("vr_code", REGION_CODE);
            Region region = new Region(code, row.text("vr_name"), row.text("province_name"),
                    row.wholeNumber("population_2024_01_01"), row.positiveDecimal("land_area_km2"),
                    (int) row.wholeNumber("municipality_count"));
            if (regions.putIfAbsent(code, region) != null) {
                row.problem("safety region " + code + " appears twice");
            }
        });
        return regions;
    }

    private Map<String, JsonNode> readBoundaries() {
        Map<String, JsonNode> boundaries = new HashMap<>();
        JsonNode features;
        try (InputStream in = resource(BOUNDARIES)) {
            features = json.readTree(in).path("features");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BOUNDARIES, e);
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String code = feature.path("properties").path("gm_code").asString("");
            String where = BOUNDARIES + " feature " + (i + 1) + " (" + code + ")";
            try {
                Geometry geometry = GeoJsonGeometry.read(feature.path("geometry"));
                if (!geometry.isValid()) {
                    problems.add(where + ": the boundary is not a valid polygon");
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
            if (boundaries.put(code, feature.path("geometry")) != null) {
                problems.add(where + ": a second boundary for " + code);
            }
        }
        return boundaries;
    }

    private List<MunicipalityRow> readMunicipalities(Map<String, Region> regions, Map<String, JsonNode> boundaries) {
        Map<String, MunicipalityRow> municipalities = new LinkedHashMap<>();
        readCsv(MUNICIPALITIES, row -> {
            String code = row.code("gm_code", MUNICIPALITY_CODE);
            String regionCode = row.code("vr_code", REGION_CODE);
            String regionName = row.text("vr_name");
            Region region = regions.get(regionCode);
            if (region == null) {
                row.problem("safety region " + regionCode + " is not in " + REGIONS);
            } else if (!region.name().equals(regionName)) {
                row.problem("safety region " + regionCode + " is called '" + region.name() + "' in " + REGIONS
                        + ", not '" + regionName + "'");
            }
            JsonNode boundary = boundaries.get(code);
            if (boundary == null) {
                row.problem("no boundary for " + code + " in " + BOUNDARIES);
            }
            double[] inside = row.position("inside_point_lat", "inside_point_lon");
            double[] centroid = row.position("centroid_lat", "centroid_lon");
            Municipality municipality = new Municipality(code, row.text("gm_name"), row.code("province_code", PROVINCE_CODE),
                    row.text("province_name"), regionCode, row.wholeNumber("population_2024_01_01"),
                    row.positiveDecimal("land_area_km2"), inside[0], inside[1]);
            if (municipalities.putIfAbsent(code, new MunicipalityRow(municipality, centroid[0], centroid[1], boundary)) != null) {
                row.problem("municipality " + code + " appears twice");
            }
        });
        for (String code : boundaries.keySet()) {
            if (!municipalities.containsKey(code)) {
                problems.add(BOUNDARIES + ": boundary for '" + code + "', which is not in " + MUNICIPALITIES);
            }
        }
        return List.copyOf(municipalities.values());
    }

    /** The region file's counts and totals are derived from the municipalities: they must agree. */
    private void checkRegionTotals(Map<String, Region> regions, List<MunicipalityRow> municipalities) {
        for (Region region : regions.values()) {
            List<Municipality> members = municipalities.stream().map(MunicipalityRow::municipality)
                    .filter(m -> m.regionCode().equals(region.code())).toList();
            long population = members.stream().mapToLong(Municipality::population).sum();
            if (members.size() != region.municipalityCount() || population != region.population()) {
                problems.add(REGIONS + " " + region.code() + ": says " + region.municipalityCount() + " municipalities with "
                        + region.population() + " residents, but " + MUNICIPALITIES + " has " + members.size()
                        + " with " + population);
            }
        }
    }

    /**
     * The 2021 population file has the newer, checked points; the older point list adds the place
     * names and the postcodes CBS gives no figure for.
     */
    private List<PostcodeArea> readPostcodes(Set<String> municipalityCodes) {
        Map<String, PostcodeArea> points = new LinkedHashMap<>();
        readCsv(POSTCODE_POINTS, row -> {
            String pc4 = row.code("pc4", PC4);
            double[] position = row.position("lat", "lon");
            PostcodeArea area = new PostcodeArea(pc4, row.optionalText("woonplaats"),
                    row.municipality("gm_code_2024", municipalityCodes), position[0], position[1], null, null);
            if (points.putIfAbsent(pc4, area) != null) {
                row.problem("postcode " + pc4 + " appears twice");
            }
        });
        Map<String, PostcodeArea> postcodes = new LinkedHashMap<>();
        readCsv(POSTCODE_POPULATION, row -> {
            String pc4 = row.code("pc4", PC4);
            double[] position = row.position("lat", "lon");
            PostcodeArea older = points.get(pc4);
            PostcodeArea area = new PostcodeArea(pc4, older == null ? null : older.place(),
                    row.municipality("gm_code_2024", municipalityCodes), position[0], position[1],
                    (int) row.wholeNumber("population"), (int) row.wholeNumber("year"));
            if (postcodes.putIfAbsent(pc4, area) != null) {
                row.problem("postcode " + pc4 + " appears twice");
            }
        });
        points.forEach(postcodes::putIfAbsent);
        return postcodes.values().stream().sorted((a, b) -> a.postcode().compareTo(b.postcode())).toList();
    }

    private void readCsv(String file, Consumer<Row> rowReader) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(resource(file), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            int line = 1; // the header
            for (CSVRecord record : parser) {
                rowReader.accept(new Row(file, ++line, record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private InputStream resource(String file) throws IOException {
        return new ClassPathResource(folder + file).getInputStream();
    }

    /** One CSV row; a bad field is recorded as a problem and read as a harmless stand-in value. */
    private final class Row {
        private final String file;
        private final int line;
        private final CSVRecord record;

        Row(String file, int line, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.record = record;
        }

        void problem(String message) {
            problems.add(file + " line " + line + ": " + message);
        }

        String optionalText(String column) {
            String value = record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
            return value.isEmpty() ? null : value;
        }

        String text(String column) {
            String value = optionalText(column);
            if (value == null) {
                problem(column + " is empty or missing");
                return "";
            }
            return value;
        }

        String code(String column, Pattern format) {
            String value = text(column);
            if (!value.isEmpty() && !format.matcher(value).matches()) {
                problem(column + " '" + value + "' does not match " + format.pattern());
            }
            return value;
        }

        String municipality(String column, Set<String> known) {
            String code = code(column, MUNICIPALITY_CODE);
            if (!code.isEmpty() && !known.contains(code)) {
                problem(column + " '" + code + "' is not a municipality in " + MUNICIPALITIES);
            }
            return code;
        }

        long wholeNumber(String column) {
            String value = text(column);
            try {
                long number = Long.parseLong(value);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!value.isEmpty()) {
                problem(column + " '" + value + "' is not a whole number of 0 or more");
            }
            return 0;
        }

        double positiveDecimal(String column) {
            double number = decimal(column);
            if (Double.isNaN(number)) {
                return 1;
            }
            if (number <= 0) {
                problem(column + " must be more than 0");
                return 1;
            }
            return number;
        }

        /** A WGS84 position that lies in or near the Netherlands, as {lat, lon}. */
        double[] position(String latColumn, String lonColumn) {
            double lat = decimal(latColumn);
            double lon = decimal(lonColumn);
            if (Double.isNaN(lat) || Double.isNaN(lon)) {
                return new double[] {MIN_LAT, MIN_LON};
            }
            if (lat < MIN_LAT || lat > MAX_LAT || lon < MIN_LON || lon > MAX_LON) {
                problem("position " + lat + ", " + lon + " lies outside the Netherlands");
                return new double[] {MIN_LAT, MIN_LON};
            }
            return new double[] {lat, lon};
        }

        /** The number in the column, or NaN (reported) when there is none. */
        private double decimal(String column) {
            String value = text(column);
            try {
                double number = Double.parseDouble(value);
                if (Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!value.isEmpty()) {
                problem(column + " '" + value + "' is not a number");
            }
            return Double.NaN;
        }
    }
}
