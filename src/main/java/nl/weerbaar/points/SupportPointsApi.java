package nl.weerbaar.points;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/support-points")
@AnswersProblem(status = 503, when = "The demo support point network is still being loaded; Retry-After says when to ask again")
@Tag(name = "Support points", description = "Noodsteunpunten: registry, live status and the public finder")
class SupportPointsApi {

    private static final String GEO_JSON = "application/geo+json";

    private final SupportPoints points;
    private final FinderAnswers finderAnswers;

    SupportPointsApi(SupportPoints points, FinderAnswers finderAnswers) {
        this.points = points;
        this.finderAnswers = finderAnswers;
    }

    /**
     * A point as the API shows it: registry, status, and how fresh that status is. {@code demo}
     * is true for generated demonstration points, on every point, so no client can mistake them.
     */
    record PointBody(long id, String name, Tier tier, BuildingKind buildingKind, String address, double lat, double lon,
                     String municipality, String region, String ownerOrganisation, List<Capability> capabilities,
                     SupportPoint.Capacity capacity, SupportPoint.BackupPower backupPower,
                     List<Communication> communications, String contact, String opening,
                     @JsonProperty("public") boolean isPublic, boolean demo, PointStatus status, int occupancy,
                     String message, List<Capability> unavailable, Freshness freshness, Instant retiredAt, long version,
                     Long distanceMeters) {

        static PointBody of(SupportPoint p, Freshness freshness, Long distanceMeters) {
            return new PointBody(p.id(), p.name(), p.tier(), p.buildingKind(), p.address(), p.lat(), p.lon(),
                    p.municipality(), p.region(), p.ownerOrganisation(), p.capabilities(), p.capacity(), p.backupPower(),
                    p.communications(), p.contact(), p.opening(), p.isPublic(), p.demo(), p.status(), p.occupancy(),
                    p.message(), p.unavailable(), freshness, p.retiredAt(), p.version(), distanceMeters);
        }
    }

    record Origin(String postcode, double lat, double lon, String municipality) {}

    record NearestBody(Origin origin, List<PointBody> items) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(operationId = "createSupportPoint", summary = "Register a support point (coordinator of its municipality)")
    ResponseEntity<PointBody> create(@RequestBody SupportPoints.PointInput input) {
        SupportPoint created = points.create(input);
        return ResponseEntity.created(URI.create("/api/v1/support-points/" + created.id()))
                .eTag(Versioned.etag(created.version())).body(body(created));
    }

    @GetMapping
    @Operation(operationId = "listSupportPoints",
            summary = "Support points in use; anonymous callers get the public ones only")
    ResponseEntity<Items<PointBody>> list(@RequestParam(required = false) @Parameter(example = "GM0363") String municipality,
                                          @RequestParam(required = false) @Parameter(example = "VR13") String region,
                                          @RequestParam(required = false) @Parameter(example = "open") String status,
                                          HttpServletRequest request) {
        return callerDependent(request)
                .body(new Items<>(points.list(new SupportPoints.ListFilter(municipality, region, status)).stream().map(this::body).toList()));
    }

    /**
     * The answer comes ready-made (and gzipped) from {@link FinderAnswers}, with a strong ETag over
     * its bytes; {@link FinderAnswerSending} sends it, as {@link FinderFastPath} sends the answers
     * kept already. It holds public points only, whoever asks.
     */
    @GetMapping("/nearest")
    @Operation(operationId = "findNearestSupportPoints",
            summary = "Public support points nearest to a postcode or position, nearest first, with distance and freshness")
    @ApiResponse(responseCode = "200", description = "The nearest public points",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NearestBody.class)))
    void nearest(
            @RequestParam(required = false) @Parameter(example = "1012AB") String postcode,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
            @RequestParam(required = false) @Parameter(example = "10") Integer limit,
            @RequestParam(required = false) @Parameter(description = "one status or a comma-separated list, e.g. open,full")
            List<String> status,
            @RequestParam(required = false)
            @Parameter(description = "one capability or a comma-separated list, e.g. drinking-water") List<String> capability,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        FinderAnswerSending.send(request, response, finderAnswers.answer(
                points.check(new SupportPoints.NearestQuery(postcode, lat, lon, limit, status, capability))));
    }

    record Feature(String type, long id, Geometry geometry, FeatureProperties properties) {}

    record Geometry(String type, double[] coordinates) {}

    record FeatureProperties(String name, Tier tier, BuildingKind buildingKind, String municipality, PointStatus status,
                             int occupancy, Integer capacity, List<Capability> capabilities, String message,
                             boolean recentlyConfirmed, boolean demo, String url) {}

    record FeatureCollection(String type, List<Feature> features) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/import")
    @Operation(operationId = "importSupportPoints",
            summary = "Register the points of a CSV file (text/csv): all or none, with a report of every bad row and field")
    ResponseEntity<SupportPoints.ImportResult> importCsv(@RequestBody String csv) {
        return ResponseEntity.status(201).body(points.importCsv(new StringReader(csv)));
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(operationId = "exportSupportPointsCsv", summary = "Support points in use as CSV, in the columns import reads")
    ResponseEntity<String> exportCsv(@RequestParam(required = false) String municipality,
                                     @RequestParam(required = false) String region, HttpServletRequest request) {
        return callerDependent(request)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"steunpunten.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(points.exportCsv(new SupportPoints.ListFilter(municipality, region, null)));
    }

    @GetMapping(value = "/export.geojson", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(operationId = "exportSupportPointsGeoJson",
            summary = "Support points in use as a GeoJSON FeatureCollection (RFC 7946, WGS84)")
    ResponseEntity<FeatureCollection> exportGeoJson(@RequestParam(required = false) String municipality,
                                                    @RequestParam(required = false) String region,
                                                    @RequestParam(required = false) String status,
                                                    @RequestParam(required = false)
                                                    @Parameter(description = "only points within minLon,minLat,maxLon,maxLat (WGS84), "
                                                            + "as a map asks for its visible area", example = "4.85,52.35,4.95,52.40")
                                                    String bbox,
                                                    HttpServletRequest request) {
        java.util.function.Predicate<SupportPoint> within = withinBox(bbox);
        List<Feature> features = points.list(new SupportPoints.ListFilter(municipality, region, status)).stream()
                .filter(within)
                .map(p -> new Feature("Feature", p.id(), new Geometry("Point", new double[] {p.lon(), p.lat()}),
                        new FeatureProperties(p.name(), p.tier(), p.buildingKind(), p.municipality(), p.status(), p.occupancy(),
                                p.capacity().persons(), p.capabilities(), p.message(), points.freshness(p).recentlyConfirmed(),
                                p.demo(), "/steunpunten/" + p.id())))
                .toList();
        return callerDependent(request).contentType(MediaType.parseMediaType(GEO_JSON))
                .body(new FeatureCollection("FeatureCollection", features));
    }

    /** A bounding box as RFC 7946 writes one: west, south, east, north; null lets every point through. */
    static java.util.function.Predicate<SupportPoint> withinBox(String bbox) {
        if (bbox == null) {
            return p -> true;
        }
        String[] parts = bbox.split(",", -1);
        double[] box = new double[4];
        boolean valid = parts.length == 4;
        for (int i = 0; valid && i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].strip());
                valid = Double.isFinite(box[i]);
            } catch (NumberFormatException e) {
                valid = false;
            }
        }
        if (!valid || box[0] > box[2] || box[1] > box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
            throw new nl.weerbaar.system.InvalidInputException("bbox",
                    "must be minLon,minLat,maxLon,maxLat in WGS84 with min <= max, e.g. 4.85,52.35,4.95,52.40");
        }
        return p -> p.lon() >= box[0] && p.lon() <= box[2] && p.lat() >= box[1] && p.lat() <= box[3];
    }

    record CoverageBody(String level, String basis, List<Coverage> items) {}

    @GetMapping("/coverage")
    @Operation(operationId = "getSupportPointCoverage", summary = "Residents per point and the share of residents "
            + "farther than 1.5 km and 3 km from an open public point, per municipality or per safety region")
    ResponseEntity<CoverageBody> coverage(@RequestParam(defaultValue = "municipality") @Parameter(example = "region") String level,
                                          HttpServletRequest request) {
        if (!level.equals("municipality") && !level.equals("region")) {
            throw new nl.weerbaar.system.InvalidInputException("level", "must be municipality or region");
        }
        // Computed from public points only, so the same for everyone.
        return ResponseEntity.ok().cacheControl(CacheHeaders.forCaller(request)).body(new CoverageBody(level,
                "residents per 4-digit postcode (CBS, 1 January 2021) at the postcode's point; "
                        + "straight-line distance to the nearest open public support point",
                points.coverage(level.equals("region"))));
    }

    @PostMapping("/activation")
    @Operation(operationId = "activateSupportPoints",
            summary = "Set every point in use in an area (NL, VRnn, GMnnnn) to one status: activate or stand down")
    SupportPoints.ActivationResult activate(@RequestBody SupportPoints.ActivationInput input) {
        return points.activate(input);
    }

    @PostMapping("/relay")
    @Operation(operationId = "relaySupportPointStatuses", summary = "Relay the statuses of many points heard by radio, phone "
            + "or messenger (coordinator of the points): channel, and per report point, status, occupancy, message, "
            + "reportedAt (ISO-8601), reportedBy; all or none")
    SupportPoints.RelayResult relay(@RequestBody SupportPoints.RelayInput input) {
        return points.relay(input, null);
    }

    /**
     * Signed-in callers (the only ones who may change a point) get the version as ETag, for
     * If-Match. Anonymous callers get a public, cacheable answer whose ETag is a hash of its
     * content: the freshness in it changes by the minute while the version stays, and a cache
     * revalidating on the version alone would go on showing a status as recent long after it was.
     */
    @GetMapping("/{id}")
    @Operation(operationId = "getSupportPoint",
            summary = "One support point; signed in, with its version as ETag for If-Match")
    ResponseEntity<PointBody> get(@PathVariable long id, HttpServletRequest request) {
        SupportPoint point = points.get(id);
        ResponseEntity.BodyBuilder answer = callerDependent(request);
        if (request.getUserPrincipal() != null) {
            answer.eTag(Versioned.etag(point.version()));
        }
        return answer.body(body(point));
    }

    @PutMapping("/{id}")
    @AnswersProblem(status = 409, when = "The support point is retired")
    @Operation(operationId = "editSupportPoint", summary = "Edit a support point's registration; needs If-Match")
    ResponseEntity<PointBody> edit(@PathVariable long id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody SupportPoints.PointInput input) {
        return withEtag(points.edit(id, ifMatch, input));
    }

    @DeleteMapping("/{id}")
    @AnswersProblem(status = 409, when = "The support point is retired")
    @Operation(operationId = "retireSupportPoint", summary = "Retire a support point (kept with its history); needs If-Match")
    ResponseEntity<PointBody> retire(@PathVariable long id,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(points.retire(id, ifMatch));
    }

    @PutMapping("/{id}/status")
    @AnswersProblem(status = 409, when = "The support point is retired")
    @Operation(operationId = "setSupportPointStatus",
            summary = "Set status, occupancy, public message and unavailable capabilities (operator of the point); needs If-Match")
    ResponseEntity<PointBody> setStatus(@PathVariable long id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @RequestBody SupportPoints.StatusInput input) {
        return withEtag(points.setStatus(id, ifMatch, input));
    }

    @GetMapping("/{id}/status-history")
    @Operation(operationId = "getSupportPointStatusHistory", summary = "Who set which status when, newest first (signed in)")
    Items<StatusChange> history(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
        return new Items<>(points.history(id, limit));
    }

    /**
     * An answer that depends on who asks: public points for anyone, non-public ones too for signed-in
     * staff of their area. Caches keep a copy per Authorization; the strong ETag over the content is
     * added by {@link PublicReadEtags}.
     */
    private static ResponseEntity.BodyBuilder callerDependent(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheHeaders.forCaller(request)).varyBy(HttpHeaders.AUTHORIZATION);
    }

    private ResponseEntity<PointBody> withEtag(SupportPoint point) {
        return ResponseEntity.ok().eTag(Versioned.etag(point.version())).body(body(point));
    }

    private PointBody body(SupportPoint point) {
        return PointBody.of(point, points.freshness(point), null);
    }
}
