package nl.weerbaar.areas;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.Items;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** Public, read-only API over the reference data: no login, cacheable. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Areas", description = "Safety regions, municipalities and postcodes of the Netherlands (CBS reference data)")
class AreasController {

    static final String GEO_JSON = "application/geo+json";

    /** Reference data changes a few times a year at most. */
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final Pattern REGION_CODE = Pattern.compile("(?i)\\s*VR[0-9]{2}\\s*");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("(?i)\\s*GM[0-9]{4}\\s*");

    record RegionBody(String code, String name, String province, long population, double landAreaKm2,
                      int municipalityCount) {
        static RegionBody of(Region r) {
            return new RegionBody(r.code(), r.name(), r.province(), r.population(), r.landAreaKm2(), r.municipalityCount());
        }
    }

    record RegionDetailBody(String code, String name, String province, long population, double landAreaKm2,
                            int municipalityCount, List<String> municipalities) {}

    /** {@code province} is the province name; {@code region} the safety-region code. */
    record MunicipalityBody(String code, String name, String province, String region, long population,
                            double landAreaKm2, double lat, double lon) {
        static MunicipalityBody of(Municipality m) {
            return new MunicipalityBody(m.code(), m.name(), m.provinceName(), m.regionCode(), m.population(),
                    m.landAreaKm2(), m.lat(), m.lon());
        }
    }

    record PostcodeBody(String postcode, String place, String municipality, String municipalityName, String region,
                        double lat, double lon, Integer population, Integer populationYear) {}

    record LocationBody(double lat, double lon, String municipality, String municipalityName, String region,
                        String regionName) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "MunicipalityFeatureProperties")
    record FeatureProperties(String code, String name, String region, long population) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "MunicipalityFeature")
    record Feature(String type, String id, FeatureProperties properties, JsonNode geometry) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "MunicipalityFeatureCollection")
    record FeatureCollection(String type, List<Feature> features) {}

    private final Areas areas;

    AreasController(Areas areas) {
        this.areas = areas;
    }

    @GetMapping("/regions")
    @Operation(operationId = "listRegions", summary = "The 25 safety regions (veiligheidsregio's)")
    ResponseEntity<Items<RegionBody>> regions() {
        return cached(new Items<>(areas.regions().stream().map(RegionBody::of).toList()));
    }

    @GetMapping("/regions/{code}")
    @Operation(operationId = "getRegion", summary = "One safety region with the codes of its municipalities")
    ResponseEntity<RegionDetailBody> region(@PathVariable @Parameter(example = "VR13") String code) {
        Region region = knownRegion(code, "code");
        List<String> members = areas.municipalitiesInRegion(region.code()).stream().map(Municipality::code).toList();
        return cached(new RegionDetailBody(region.code(), region.name(), region.province(), region.population(),
                region.landAreaKm2(), region.municipalityCount(), members));
    }

    @GetMapping("/municipalities")
    @Operation(operationId = "listMunicipalities", summary = "The 342 municipalities, or those of one safety region")
    ResponseEntity<Items<MunicipalityBody>> municipalities(
            @RequestParam(required = false) @Parameter(description = "safety-region code", example = "VR13") String region) {
        List<Municipality> found = region == null
                ? areas.municipalities()
                : areas.municipalitiesInRegion(knownRegion(region, "region").code());
        return cached(new Items<>(found.stream().map(MunicipalityBody::of).toList()));
    }

    @GetMapping("/municipalities/{code}")
    @Operation(operationId = "getMunicipality", summary = "One municipality")
    ResponseEntity<MunicipalityBody> municipality(@PathVariable @Parameter(example = "GM0363") String code) {
        return cached(MunicipalityBody.of(knownMunicipality(code)));
    }

    @GetMapping(value = "/municipalities/{code}/boundary", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "getMunicipalityBoundary", summary = "A municipality's boundary as a GeoJSON Feature (WGS84)")
    ResponseEntity<Feature> boundary(@PathVariable @Parameter(example = "GM0363") String code) {
        return cachedGeoJson(feature(knownMunicipality(code)));
    }

    @GetMapping(value = "/municipalities/boundaries", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "listMunicipalityBoundaries",
            summary = "All municipal boundaries as a GeoJSON FeatureCollection (WGS84, about 700 KB)")
    ResponseEntity<FeatureCollection> boundaries() {
        return cachedGeoJson(new FeatureCollection("FeatureCollection",
                areas.municipalities().stream().map(this::feature).toList()));
    }

    @GetMapping("/postcodes/{postcode}")
    @Operation(operationId = "getPostcode",
            summary = "Where a postcode lies: place, municipality, safety region, a point, and its 2021 population")
    ResponseEntity<PostcodeBody> postcode(@PathVariable @Parameter(example = "1012 AB") String postcode) {
        PostcodeArea area;
        try {
            area = areas.postcodeArea(postcode).orElseThrow(() -> new NotFound(
                    "postcode '" + postcode.strip() + "' is not in the postcode list"));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Municipality municipality = areas.municipality(area.municipalityCode()).orElseThrow();
        return cached(new PostcodeBody(area.postcode(), area.place(), municipality.code(), municipality.name(),
                municipality.regionCode(), area.lat(), area.lon(), area.population(), area.populationYear()));
    }

    @GetMapping("/locations")
    @AnswersProblem(status = 404, when = "The position lies in no Dutch municipality")
    @Operation(operationId = "locate", summary = "The municipality and safety region a WGS84 point lies in")
    ResponseEntity<LocationBody> locate(@RequestParam @Parameter(example = "52.3731") double lat,
                                        @RequestParam @Parameter(example = "4.8922") double lon) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lat " + lat + " is out of range: expected -90 to 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lon " + lon + " is out of range: expected -180 to 180");
        }
        Location location = areas.locate(lat, lon).orElseThrow(() -> new NotFound(
                "lat " + lat + ", lon " + lon + " lies in no Dutch municipality"));
        Municipality municipality = areas.municipality(location.municipalityCode()).orElseThrow();
        Region region = areas.region(location.regionCode()).orElseThrow();
        return cached(new LocationBody(lat, lon, municipality.code(), municipality.name(), region.code(), region.name()));
    }

    private Feature feature(Municipality m) {
        return new Feature("Feature", m.code(),
                new FeatureProperties(m.code(), m.name(), m.regionCode(), m.population()),
                areas.boundary(m.code()).orElseThrow());
    }

    private Region knownRegion(String code, String parameter) {
        if (!REGION_CODE.matcher(code).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    parameter + " '" + code + "' is not a safety-region code: expected VR01 to VR25");
        }
        return areas.region(code).orElseThrow(() -> new ResponseStatusException(
                parameter.equals("code") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                parameter + " '" + code + "' is not a safety region: expected VR01 to VR25"));
    }

    private Municipality knownMunicipality(String code) {
        if (!MUNICIPALITY_CODE.matcher(code).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "code '" + code + "' is not a municipality code: expected GM and 4 digits, as in GM0363");
        }
        return areas.municipality(code).orElseThrow(() -> new NotFound(
                "municipality " + code + " does not exist"));
    }

    private static <T> ResponseEntity<T> cached(T body) {
        return ResponseEntity.ok().cacheControl(CACHE).body(body);
    }

    private static <T> ResponseEntity<T> cachedGeoJson(T body) {
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.parseMediaType(GEO_JSON)).body(body);
    }
}
