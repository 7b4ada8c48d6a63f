package nl.weerbaar.points;

import static nl.weerbaar.system.InputCheck.blankToNull;

import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.TreeMap;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Location;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.points.SupportPointRepository.LiveStatus;
import nl.weerbaar.points.SupportPointRepository.Registration;
import nl.weerbaar.points.SupportPointRepository.Selection;
import nl.weerbaar.points.SupportPointRepository.StatusReport;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.RequestId;
import nl.weerbaar.system.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support points: registry, live status and the public finder. The one door into the
 * points module.
 *
 * <p>Coordinators (and admins) register, edit and retire points in their organisation's area;
 * operators set the status of points there. A point that is not public (a shelter for vulnerable
 * people) is only ever returned to signed-in users whose organisation covers it.
 */
@Service
public class SupportPoints {

    /** Inside the Netherlands with a margin: a point or a search far outside is a mistake. */
    private static final double MIN_LAT = AreaLimits.SOUTH, MAX_LAT = AreaLimits.NORTH, MIN_LON = AreaLimits.WEST, MAX_LON = AreaLimits.EAST;
    private static final int MAX_NEAREST = 100;

    private final SupportPointRepository repository;
    private final PointFinder finder;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Areas areas;
    /** How far ahead of the server's clock a phone's clock may run: an observation later than that is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int MAX_RELAYED = 1000;

    private final Duration freshWithin;
    private final Duration observedWithin;
    private final Clock clock;
    private final PointFigures figures;

    SupportPoints(SupportPointRepository repository, PointFinder finder, AccessControl access, AuditTrail audit,
                  Areas areas, @Value("${weerbaar.points.fresh-within:6h}") Duration freshWithin,
                  @Value("${weerbaar.points.observed-within:24h}") Duration observedWithin, Clock clock,
                  PointFigures figures) {
        this.repository = repository;
        this.finder = finder;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.freshWithin = freshWithin;
        this.observedWithin = observedWithin;
        this.clock = clock;
        this.figures = figures;
    }

    /** What a coordinator registers; codes in kebab-case. Null lists are empty, null public is true. */
    public record PointInput(String name, String tier, String buildingKind, String address, Double lat, Double lon,
                             String municipality, String ownerOrganisation, List<String> capabilities,
                             SupportPoint.Capacity capacity, SupportPoint.BackupPower backupPower,
                             List<String> communications, String contact, String opening,
                             @JsonProperty("public") Boolean isPublic) {}

    /**
     * What an operator reports. {@code unavailable}: capabilities of the point that are out right now;
     * {@code observedAt}: when the status was seen at the point (ISO-8601, e.g. 2026-12-01T10:00:00Z),
     * for a status kept on a phone without a connection and sent later; null for now.
     */
    public record StatusInput(String status, Integer occupancy, String message, List<String> unavailable,
                              String observedAt) {}

    /**
     * Statuses a coordinator relays from a roll call by radio, phone or messenger; each report
     * names the point, what was reported and when ({@code reportedAt}, ISO-8601; null for now),
     * and who at the point reported it.
     */
    public record RelayInput(String channel, List<RelayReport> reports) {}

    public record RelayReport(Long point, String status, Integer occupancy, String message, String reportedAt,
                              String reportedBy) {}

    public record RelayResult(StatusChannel channel, int relayed, List<Long> points) {}

    /** Which points to list; null fields do not restrict. */
    public record ListFilter(String municipality, String region, String status) {}

    /** All points of an area (NL, VRnn or GMnnnn) set to one status at once. */
    public record ActivationInput(String area, String status, String message) {}

    public record ActivationResult(String area, PointStatus status, int points) {}

    /** Where to search from: a postcode, or a WGS84 position. Filters: null or empty lets all through. */
    public record NearestQuery(String postcode, Double lat, Double lon, Integer limit, List<String> status,
                               List<String> capability) {}

    public record NearestResult(Location origin, List<NearbyPoint> points) {}

    // ---- registry ---------------------------------------------------------------------------

    @Transactional
    public SupportPoint create(PointInput input) {
        access.requireRole(Role.COORDINATOR);
        Registration registration = validate(input);
        access.require(Role.COORDINATOR, registration.municipality());
        long id = repository.insert(registration, false, new LiveStatus(PointStatus.INACTIVE, 0, null, List.of()), null, null);
        SupportPoint created = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("support-point.created", "support-point", String.valueOf(id),
                created.municipality(), null, created));
        refreshAfterCommit(List.of(id));
        return created;
    }

    @Transactional
    public SupportPoint edit(long id, String ifMatch, PointInput input) {
        access.requireRole(Role.COORDINATOR);
        Registration registration = validate(input);
        SupportPoint before = inUseForUpdate(id);
        access.require(Role.COORDINATOR, before.municipality());
        access.require(Role.COORDINATOR, registration.municipality());
        Versioned.requireMatch(ifMatch, before.version());
        repository.update(id, registration);
        SupportPoint after = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("support-point.edited", "support-point", String.valueOf(id),
                after.municipality(), before, after));
        refreshAfterCommit(List.of(id));
        return after;
    }

    /** Takes a point out of use. It stays in the database with its history, and out of every public answer. */
    @Transactional
    public SupportPoint retire(long id, String ifMatch) {
        access.requireRole(Role.COORDINATOR);
        SupportPoint before = inUseForUpdate(id);
        access.require(Role.COORDINATOR, before.municipality());
        Versioned.requireMatch(ifMatch, before.version());
        repository.retire(id);
        SupportPoint after = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("support-point.retired", "support-point", String.valueOf(id),
                after.municipality(), before, after));
        refreshAfterCommit(List.of(id));
        return after;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SupportPointImportResult")
    public record ImportResult(int created, List<Long> ids) {}

    /**
     * Registers every point of a CSV file, or none: a file with any bad row is refused with a
     * report naming each bad row and field ("row 4: lat").
     */
    @Transactional
    public ImportResult importCsv(Reader csv) {
        access.requireRole(Role.COORDINATOR);
        List<PointsCsv.Row> rows = PointsCsv.read(csv);
        List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        for (PointsCsv.Row row : rows) {
            row.unreadable().forEach(p -> problems.add(new InvalidInputException.InvalidParam(
                    "row " + row.line() + ": " + p.name(), p.reason())));
            Set<String> unreadableFields = row.unreadable().stream().map(InvalidInputException.InvalidParam::name)
                    .collect(Collectors.toSet());
            try {
                registrations.add(validate(row.input()));
            } catch (InvalidInputException e) {
                e.invalidParams().stream().filter(p -> !unreadableFields.contains(p.name())).forEach(p -> problems.add(
                        new InvalidInputException.InvalidParam("row " + row.line() + ": " + p.name(), p.reason())));
            }
        }
        if (rows.isEmpty()) {
            problems.add(new InvalidInputException.InvalidParam("csv", "holds no points: a header line and one point a line"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        registrations.stream().map(Registration::municipality).distinct().forEach(m -> access.require(Role.COORDINATOR, m));
        List<Long> ids = new ArrayList<>();
        for (Registration registration : registrations) {
            long id = repository.insert(registration, false, new LiveStatus(PointStatus.INACTIVE, 0, null, List.of()), null, null);
            SupportPoint created = repository.find(id).orElseThrow();
            audit.record(new AuditTrail.Change("support-point.imported", "support-point", String.valueOf(id),
                    created.municipality(), null, created));
            ids.add(id);
        }
        refreshAfterCommit(ids);
        return new ImportResult(ids.size(), ids);
    }

    /** The points of {@link #list} as CSV, in the columns import reads plus the status. */
    @Transactional(readOnly = true)
    public String exportCsv(ListFilter filter) {
        return PointsCsv.write(list(filter));
    }

    /**
     * The municipality a point lies in, or empty when there is no such point: for modules that link
     * to a point (a depot at a support point) and must keep the link within one municipality.
     */
    @Transactional(readOnly = true)
    public Optional<String> municipalityOf(long id) {
        return repository.find(id).map(SupportPoint::municipality);
    }

    /** A point as the current caller may see it; 404 when it does not exist for them. */
    @Transactional(readOnly = true)
    public SupportPoint get(long id) {
        return repository.find(id).filter(this::visible).orElseThrow(() -> notFound(id));
    }

    /** Points in use, filtered; the public ones, plus the others the signed-in caller's organisation covers. */
    @Transactional(readOnly = true)
    public List<SupportPoint> list(ListFilter filter) {
        InputCheck check = new InputCheck();
        check.require(filter.municipality() == null || areas.municipality(filter.municipality()).isPresent(), "municipality",
                "'" + filter.municipality() + "' is not a municipality code: expected GM and 4 digits, as in GM0363");
        check.require(filter.region() == null || areas.region(filter.region()).isPresent(), "region",
                "'" + filter.region() + "' is not a safety-region code: expected VR01 to VR25");
        check.require(filter.status() == null || Codes.parse(PointStatus.class, filter.status()).isPresent(), "status",
                "'" + filter.status() + "' is not a status: expected " + Codes.list(PointStatus.class));
        check.orThrow();
        Set<String> municipalities = null;
        if (filter.municipality() != null) {
            municipalities = Set.of(areas.municipality(filter.municipality()).orElseThrow().code());
        }
        if (filter.region() != null) {
            Set<String> inRegion = areas.municipalitiesInRegion(filter.region()).stream().map(Municipality::code)
                    .collect(Collectors.toSet());
            municipalities = municipalities == null ? inRegion
                    : municipalities.stream().filter(inRegion::contains).collect(Collectors.toSet());
        }
        PointStatus status = filter.status() == null ? null : Codes.parse(PointStatus.class, filter.status()).orElseThrow();
        Optional<Actor> actor = signedInActor();
        Set<String> nonPublicAreas = actor.flatMap(access::areasInScope).orElse(null);
        return repository.select(new Selection(municipalities, status, actor.isPresent(), nonPublicAreas));
    }

    // ---- live operation -------------------------------------------------------------------------

    @Transactional
    public SupportPoint setStatus(long id, String ifMatch, StatusInput input) {
        return setStatus(id, ifMatch, input, null);
    }

    /**
     * Sets a point's status as its operator. A status with an idempotency key that was already set
     * on this point (a phone that sent it, lost the answer and sends it again) changes nothing and
     * gives the point as it is: the retry of a change that happened is not a conflict.
     */
    @Transactional
    public SupportPoint setStatus(long id, String ifMatch, StatusInput input, String idempotencyKey) {
        Actor actor = access.requireRole(Role.OPERATOR);
        Instant now = clock.instant();
        InputCheck check = new InputCheck();
        check.require(idempotencyKey == null || (!idempotencyKey.isBlank() && idempotencyKey.length() <= 200),
                "Idempotency-Key", "send 1 to 200 characters, e.g. a UUID, or none");
        Reported reported = validate(input, now, check);
        SupportPoint before = inUseForUpdate(id);
        access.require(Role.OPERATOR, before.municipality());
        if (idempotencyKey != null && repository.statusKeyUsed(id, idempotencyKey)) {
            return before;
        }
        List<Capability> notOffered = reported.live().unavailable().stream().filter(c -> !before.capabilities().contains(c)).toList();
        new InputCheck().require(notOffered.isEmpty(), "unavailable",
                "names capabilities this point does not have: " + codes(notOffered)).orThrow();
        Versioned.requireMatch(ifMatch, before.version());
        return write(actor, before, reported.live(),
                new StatusReport(reported.observedAt(), now, StatusChannel.DIRECT, null, idempotencyKey), "support-point.status-set");
    }

    /**
     * A status by text message from a registered operator's phone, acting as that operator: the
     * same role and scope as the page. A report older than the status the point already has goes
     * nowhere: the newer word stands.
     */
    @Transactional
    SupportPoint reportByText(long id, PointStatus status, Integer occupancy, String message, Instant sentAt) {
        Actor actor = access.requireRole(Role.OPERATOR);
        Instant now = clock.instant();
        SupportPoint before = inUseForUpdate(id);
        access.require(Role.OPERATOR, before.municipality());
        Instant observed = sentAt == null || sentAt.isAfter(now) || sentAt.isBefore(now.minus(observedWithin)) ? now : sentAt;
        new InputCheck().require(before.statusConfirmedAt() == null || !observed.isBefore(before.statusConfirmedAt()), "time",
                "a newer status of this point, observed at " + before.statusConfirmedAt() + ", is already known").orThrow();
        LiveStatus live = new LiveStatus(status, occupancy == null ? (status == PointStatus.FULL || status == PointStatus.OPEN
                ? before.occupancy() : 0) : occupancy, message, before.unavailable());
        return write(actor, before, live, new StatusReport(observed, now, StatusChannel.SMS, null, null),
                "support-point.status-set");
    }

    /**
     * Statuses relayed from a roll call: all of them, or none when any report is bad (each named,
     * as {@code reports[3].status}). The coordinator who enters them is the actor: the history and
     * the audit say "relayed by" them, by which channel, and who at the point reported it when.
     * A report older than the status the point already has is refused: the newer word stands.
     * {@code keyPrefix} (a form's own key, or null) makes a form sent twice relay once.
     */
    @Transactional
    public RelayResult relay(RelayInput input, String keyPrefix) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        if (input == null) {
            throw new InvalidInputException("body", "send the roll call as a JSON object with channel and reports");
        }
        Instant now = clock.instant();
        Optional<StatusChannel> channel = Codes.parse(StatusChannel.class, input.channel()).filter(StatusChannel::relayed);
        InputCheck check = new InputCheck();
        check.require(channel.isPresent(), "channel", "must be radio, phone or messenger");
        List<RelayReport> reports = input.reports() == null ? List.of() : input.reports();
        check.require(!reports.isEmpty() && reports.size() <= MAX_RELAYED, "reports", "must hold 1 to " + MAX_RELAYED + " reports");
        check.require(keyPrefix == null || (!keyPrefix.isBlank() && keyPrefix.length() <= 100), "key", "must be 1 to 100 characters");
        Map<Long, Reported> byPoint = new TreeMap<>();
        Map<Long, RelayReport> reportOf = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            RelayReport report = reports.get(i);
            String field = "reports[" + i + "]";
            if (report == null) {
                check.require(false, field, "must be a report: point, status, occupancy, message, reportedAt, reportedBy");
                continue;
            }
            check.require(report.point() != null, field + ".point", "must be the id of a support point");
            check.require(report.point() == null || !byPoint.containsKey(report.point()), field + ".point",
                    "names a point that an earlier report of this roll call names too");
            check.require(report.reportedBy() == null || report.reportedBy().length() <= 100, field + ".reportedBy",
                    "must be at most 100 characters");
            Reported reported = validate(new StatusInput(report.status(), report.occupancy(), report.message(), null,
                    report.reportedAt()), now, check, field + ".", "reportedAt");
            if (report.point() != null && reported != null) {
                byPoint.put(report.point(), reported);
                reportOf.put(report.point(), report);
            }
        }
        check.orThrow();
        List<Long> relayed = new ArrayList<>();
        List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
        for (Map.Entry<Long, Reported> entry : byPoint.entrySet()) {
            long id = entry.getKey();
            String field = "reports[" + reports.indexOf(reportOf.get(id)) + "]";
            Optional<SupportPoint> found = repository.findForUpdate(id).filter(p -> !p.retired());
            if (found.isEmpty()) {
                problems.add(new InvalidInputException.InvalidParam(field + ".point", "there is no support point " + id + " in use"));
                continue;
            }
            SupportPoint before = found.get();
            access.require(Role.COORDINATOR, before.municipality());
            String key = keyPrefix == null ? null : keyPrefix + ":" + id;
            if (key != null && repository.statusKeyUsed(id, key)) {
                continue;
            }
            Reported reported = entry.getValue();
            if (before.statusConfirmedAt() != null && reported.observedAt().isBefore(before.statusConfirmedAt())) {
                problems.add(new InvalidInputException.InvalidParam(field + ".reportedAt", "a newer status of this point, observed at "
                        + before.statusConfirmedAt() + ", is already known"));
                continue;
            }
            LiveStatus live = new LiveStatus(reported.live().status(), reported.live().occupancy(), reported.live().message(),
                    before.unavailable());
            write(actor, before, live, new StatusReport(reported.observedAt(), now, channel.orElseThrow(),
                    blankToNull(reportOf.get(id).reportedBy()), key), "support-point.status-relayed");
            relayed.add(id);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RelayResult(channel.orElseThrow(), relayed.size(), relayed);
    }

    /** Writes a status and its history entry, audits it with how it came in, and refreshes the finder after commit. */
    private SupportPoint write(Actor actor, SupportPoint before, LiveStatus live, StatusReport report, String action) {
        repository.setStatus(before.id(), live, actor.username(), actor.organisation(), RequestId.current(), report);
        SupportPoint after = repository.find(before.id()).orElseThrow();
        Map<String, Object> shown = new LinkedHashMap<>(statusOf(after));
        shown.put("observedAt", report.observedAt());
        shown.put("receivedAt", report.receivedAt());
        shown.put("channel", report.channel());
        if (report.channel().relayed()) {
            shown.put("relayedBy", actor.username());
            if (report.reportedBy() != null) {
                shown.put("reportedBy", report.reportedBy());
            }
        }
        audit.record(actor, new AuditTrail.Change(action, "support-point", String.valueOf(before.id()),
                after.municipality(), statusOf(before), shown));
        figures.countStatusUpdates(1);
        refreshAfterCommit(List.of(before.id()));
        return after;
    }

    /** The status history of a point, newest first; for signed-in users whose organisation covers it. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(long id, int limit) {
        Actor actor = access.currentActor();
        SupportPoint point = repository.find(id).orElseThrow(() -> notFound(id));
        if (!access.mayRead(actor, point.municipality())) {
            throw notFound(id);
        }
        return repository.history(id, Math.clamp(limit, 1, 1000));
    }

    /** Activates or stands down every point in use in an area: one status, each change audited. */
    @Transactional
    public ActivationResult activate(ActivationInput input) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        String area = input.area() == null ? null : input.area().strip().toUpperCase(Locale.ROOT);
        Optional<PointStatus> status = Codes.parse(PointStatus.class, input.status());
        new InputCheck()
                .require(area, a -> a.equals("NL") || areas.region(a).isPresent() || areas.municipality(a).isPresent(), "area",
                        "'" + input.area() + "' is not an area: expected NL, a safety region (VR13) or a municipality (GM0363)")
                .require(status.isPresent() && status.get() != PointStatus.FULL, "status",
                        "must be inactive, standby, open or closed (full is reported by each point)")
                .require(input.message() == null || input.message().length() <= 280, "message", "must be at most 280 characters")
                .orThrow();
        access.require(Role.COORDINATOR, area);
        Set<String> municipalities = municipalitiesOf(area);
        List<Long> ids = repository.lockInUse(municipalities);
        StatusReport report = StatusReport.direct(clock.instant());
        for (SupportPoint before : repository.findByIds(ids)) {
            int occupancy = status.get().receivesResidents() ? before.occupancy() : 0;
            repository.setStatus(before.id(), new LiveStatus(status.get(), occupancy, blankToNull(input.message()),
                    before.unavailable()), actor.username(), actor.organisation(), RequestId.current(), report);
            SupportPoint after = repository.find(before.id()).orElseThrow();
            audit.record(new AuditTrail.Change("support-point.status-set", "support-point", String.valueOf(before.id()),
                    before.municipality(), statusOf(before), Map.of("status", after.status(), "occupancy", after.occupancy(),
                    "area", area)));
        }
        figures.countStatusUpdates(ids.size());
        refreshAfterCommit(ids);
        return new ActivationResult(area, status.get(), ids.size());
    }

    // ---- public finder ------------------------------------------------------------------------

    /**
     * A finder search, checked and resolved: equal searches are equal records, so an answer can
     * be kept under it. Empty filter sets let everything through.
     */
    record FinderSearch(Location origin, int limit, Set<PointStatus> statuses, Set<Capability> capabilities) {}

    /**
     * Public points nearest to a postcode or position, nearest first. Without filters every
     * public point in use comes back whatever its status: in quiet times people learn where to go.
     */
    public NearestResult nearest(NearestQuery query) {
        return nearest(check(query));
    }

    /** Checks a finder query and resolves its origin; a bad one gets a 400 naming the field. */
    FinderSearch check(NearestQuery query) {
        InputCheck check = new InputCheck();
        Location origin = origin(query, check);
        int limit = query.limit() == null ? 10 : query.limit();
        check.require(limit >= 1 && limit <= MAX_NEAREST, "limit", "must be 1 to " + MAX_NEAREST);
        Set<PointStatus> statuses = parseAll(PointStatus.class, query.status(), "status", check);
        Set<Capability> capabilities = parseAll(Capability.class, query.capability(), "capability", check);
        check.orThrow();
        return new FinderSearch(origin, limit, statuses, capabilities);
    }

    NearestResult nearest(FinderSearch search) {
        Predicate<SupportPoint> filter = point -> (search.statuses().isEmpty() || search.statuses().contains(point.status()))
                && point.capabilities().containsAll(search.capabilities())
                && search.capabilities().stream().noneMatch(point.unavailable()::contains);
        return new NearestResult(search.origin(), finder.nearest(search.origin().lat(), search.origin().lon(), search.limit(), filter));
    }

    /**
     * Residents per point and the share of residents farther than 1.5 km and 3 km from an open
     * public point, per municipality or per safety region.
     */
    public List<Coverage> coverage(boolean perRegion) {
        return Coverage.compute(areas, finder.all(), perRegion);
    }

    /** Whether any public point in use is demonstration data: pages then say so up front. */
    public boolean anyDemo() {
        return finder.anyDemo();
    }

    /** How recently the point's status was confirmed, against the configured freshness window. */
    public Freshness freshness(SupportPoint point) {
        return freshness(point, clock.instant());
    }

    Freshness freshness(SupportPoint point, Instant now) {
        return Freshness.of(point.statusConfirmedAt(), point.statusReceivedAt(), now, freshWithin);
    }

    /** When {@link #freshness(SupportPoint, Instant)} of the point next gives another answer. */
    Instant freshnessChanges(SupportPoint point, Instant now) {
        return Freshness.nextChange(point.statusConfirmedAt(), now, freshWithin);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Location origin(NearestQuery query, InputCheck check) {
        boolean byPostcode = query.postcode() != null && !query.postcode().isBlank();
        boolean byPosition = query.lat() != null || query.lon() != null;
        if (byPostcode == byPosition) {
            check.require(false, "postcode", "give either a postcode (as in 1012 AB) or both lat and lon").orThrow();
        }
        if (byPostcode) {
            try {
                Optional<Location> found = areas.locatePostcode(query.postcode());
                check.require(found.isPresent(), "postcode", "'" + query.postcode().strip() + "' is not a known Dutch postcode");
                check.orThrow();
                return found.orElseThrow();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("postcode", e.getMessage());
            }
        }
        check.require(query.lat(), lat -> lat >= MIN_LAT && lat <= MAX_LAT, "lat",
                "must be a latitude in the Netherlands, " + MIN_LAT + " to " + MAX_LAT);
        check.require(query.lon(), lon -> lon >= MIN_LON && lon <= MAX_LON, "lon",
                "must be a longitude in the Netherlands, " + MIN_LON + " to " + MAX_LON);
        check.orThrow();
        return areas.locate(query.lat(), query.lon()).orElse(new Location(query.lat(), query.lon(), null, null, null));
    }

    private Registration validate(PointInput in) {
        if (in == null) {
            throw new InvalidInputException("body", "send the point as a JSON object");
        }
        InputCheck check = new InputCheck();
        check.require(in.name(), n -> !InputCheck.isBlank(n) && n.strip().length() <= 200, "name", "must be 1 to 200 characters");
        check.require(in.tier(), t -> Codes.parse(Tier.class, t).isPresent(), "tier", "must be one of " + Codes.list(Tier.class));
        check.require(in.buildingKind(), k -> Codes.parse(BuildingKind.class, k).isPresent(), "buildingKind",
                "must be one of " + Codes.list(BuildingKind.class));
        check.require(in.address() == null || in.address().length() <= 300, "address", "must be at most 300 characters");
        check.require(in.lat(), lat -> lat >= MIN_LAT && lat <= MAX_LAT, "lat", "must be a latitude in the Netherlands, "
                + MIN_LAT + " to " + MAX_LAT);
        check.require(in.lon(), lon -> lon >= MIN_LON && lon <= MAX_LON, "lon", "must be a longitude in the Netherlands, "
                + MIN_LON + " to " + MAX_LON);
        check.require(in.municipality(), m -> areas.municipality(m).isPresent(), "municipality",
                "must be a municipality code such as GM0363");
        check.require(in.ownerOrganisation() == null || in.ownerOrganisation().length() <= 200, "ownerOrganisation",
                "must be at most 200 characters");
        Set<Capability> capabilities = parseAll(Capability.class, in.capabilities(), "capabilities", check);
        Set<Communication> communications = parseAll(Communication.class, in.communications(), "communications", check);
        SupportPoint.Capacity capacity = in.capacity() == null ? new SupportPoint.Capacity(null, null) : in.capacity();
        check.require(capacity.persons() == null || (capacity.persons() >= 0 && capacity.persons() <= 100_000),
                "capacity.persons", "must be 0 to 100000");
        check.require(capacity.overnight() == null || (capacity.overnight() >= 0 && capacity.overnight() <= 100_000),
                "capacity.overnight", "must be 0 to 100000");
        SupportPoint.BackupPower power = in.backupPower() == null ? new SupportPoint.BackupPower(false, null) : in.backupPower();
        check.require(power.fuelAutonomyHours() == null || (power.fuelAutonomyHours() >= 0 && power.fuelAutonomyHours() <= 10_000),
                "backupPower.fuelAutonomyHours", "must be 0 to 10000");
        check.require(in.contact() == null || in.contact().length() <= 300, "contact", "must be at most 300 characters");
        check.require(in.opening() == null || in.opening().length() <= 1000, "opening", "must be at most 1000 characters");
        if (in.lat() != null && in.lon() != null && in.municipality() != null && areas.municipality(in.municipality()).isPresent()
                && in.lat() >= MIN_LAT && in.lat() <= MAX_LAT && in.lon() >= MIN_LON && in.lon() <= MAX_LON) {
            String code = areas.municipality(in.municipality()).orElseThrow().code();
            Optional<String> lies = areas.locate(in.lat(), in.lon()).map(Location::municipalityCode);
            check.require(lies.filter(code::equals).isPresent(), "lat",
                    "the position lies " + lies.map(c -> "in " + c).orElse("in no municipality") + ", not in " + code);
        }
        check.orThrow();
        return new Registration(in.name().strip(), Codes.parse(Tier.class, in.tier()).orElseThrow(),
                Codes.parse(BuildingKind.class, in.buildingKind()).orElseThrow(), blankToNull(in.address()), in.lat(), in.lon(),
                areas.municipality(in.municipality()).orElseThrow().code(), blankToNull(in.ownerOrganisation()),
                List.copyOf(capabilities), capacity, power, List.copyOf(communications), blankToNull(in.contact()),
                blankToNull(in.opening()), in.isPublic() == null || in.isPublic());
    }

    /** A status as checked: what it says, and when it was observed. */
    private record Reported(LiveStatus live, Instant observedAt) {}

    private Reported validate(StatusInput in, Instant now, InputCheck check) {
        if (in == null) {
            throw new InvalidInputException("body", "send the status as a JSON object");
        }
        Reported reported = validate(in, now, check, "", "observedAt");
        check.orThrow();
        return reported;
    }

    /** Checks a status into {@code check}, each field named with a prefix; null when it is bad. */
    private Reported validate(StatusInput in, Instant now, InputCheck check, String prefix, String timeField) {
        InputCheck own = new InputCheck();
        own.require(in.status(), s -> Codes.parse(PointStatus.class, s).isPresent(), prefix + "status",
                "must be one of " + Codes.list(PointStatus.class));
        own.require(in.occupancy() == null || (in.occupancy() >= 0 && in.occupancy() <= 100_000), prefix + "occupancy",
                "must be 0 to 100000 persons");
        own.require(in.message() == null || in.message().length() <= 280, prefix + "message", "must be at most 280 characters");
        Set<Capability> unavailable = parseAll(Capability.class, in.unavailable(), prefix + "unavailable", own);
        Instant observedAt = observedAt(in.observedAt(), now, own, prefix + timeField);
        try {
            own.orThrow();
        } catch (InvalidInputException problems) {
            check.include(problems.invalidParams());
            return null;
        }
        return new Reported(new LiveStatus(Codes.parse(PointStatus.class, in.status()).orElseThrow(),
                in.occupancy() == null ? 0 : in.occupancy(), blankToNull(in.message()), List.copyOf(unavailable)), observedAt);
    }

    /**
     * When a status was observed: now when not given; else not later than the server's clock (with
     * a little skew for a phone's clock) and not older than the configured limit, past which a
     * report is history rather than a status.
     */
    private Instant observedAt(String text, Instant now, InputCheck check, String field) {
        if (text == null || text.isBlank()) {
            return now;
        }
        Instant observed;
        try {
            observed = OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            check.require(false, field, "'" + text + "' is not a moment: expected ISO-8601 with an offset, as in 2026-12-01T10:00:00Z");
            return now;
        }
        check.require(!observed.isAfter(now.plus(CLOCK_SKEW)), field, "lies in the future (the server's time is " + now
                + "): check the clock of the phone");
        check.require(!observed.isBefore(now.minus(observedWithin)), field, "is more than " + observedWithin.toHours()
                + " hours ago: too old to be the point's status");
        return observed.isAfter(now) ? now : observed;
    }

    /** Parses codes, each may itself be a comma-separated list; names the field with the unknown ones. */
    private static <E extends Enum<E>> Set<E> parseAll(Class<E> type, List<String> codes, String field, InputCheck check) {
        Set<E> parsed = EnumSet.noneOf(type);
        List<String> unknown = new ArrayList<>();
        for (String item : codes == null ? List.<String>of() : codes) {
            for (String code : (item == null ? "" : item).split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                Codes.parse(type, code).ifPresentOrElse(parsed::add, () -> unknown.add(code.strip()));
            }
        }
        if (!unknown.isEmpty()) {
            check.require(false, field, "unknown code(s) " + unknown + ": expected " + Codes.list(type));
        }
        return parsed;
    }

    private SupportPoint inUseForUpdate(long id) {
        SupportPoint point = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (point.retired()) {
            throw new Conflict("support point " + id + " was retired on " + point.retiredAt());
        }
        return point;
    }

    private boolean visible(SupportPoint point) {
        if (point.isPublic() && !point.retired()) {
            return true;
        }
        return signedInActor().filter(actor -> access.mayRead(actor, point.municipality())).isPresent();
    }

    private Optional<Actor> signedInActor() {
        try {
            return Optional.of(access.currentActor());
        } catch (AuthenticationException anonymous) {
            return Optional.empty();
        }
    }

    private Set<String> municipalitiesOf(String area) {
        return areas.municipalities().stream().map(Municipality::code).filter(code -> areas.contains(area, code))
                .collect(Collectors.toSet());
    }

    /** The finder of this instance sees the change at once; other instances hear of it by NOTIFY. */
    private void refreshAfterCommit(List<Long> ids) {
        finder.refreshAfterCommit(ids);
    }

    private static Map<String, Object> statusOf(SupportPoint point) {
        return Map.of("status", point.status(), "occupancy", point.occupancy(),
                "message", point.message() == null ? "" : point.message(), "unavailable", point.unavailable());
    }

    private static String codes(List<? extends Enum<?>> values) {
        return values.stream().map(Codes::of).collect(Collectors.joining(", "));
    }

    private static NotFound notFound(long id) {
        return new NotFound("no support point " + id);
    }
}
