package nl.weerbaar.points;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Location;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.SpatialIndex;
import nl.weerbaar.system.Codes;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live picture of an area for the people who run it: a coordinator's operations view (counts,
 * occupancy, stale and full points first) and roll call (stalest first, whom to call on the radio
 * first), and a volunteer's own points first. Reads only; writes go through {@link SupportPoints}.
 */
@Service
class PointOperations {

    static final int PAGE_SIZE = 25;
    private static final Pattern POSTCODE = Pattern.compile("^[1-9][0-9]{3}\\s?([A-Za-z]{2})?$");
    /** A postcode search shows the points within this distance of the postcode's point. */
    private static final double POSTCODE_RADIUS_METERS = 2500;

    private final SupportPoints points;
    private final SupportPointRepository repository;
    private final AccessControl access;
    private final Areas areas;

    PointOperations(SupportPoints points, SupportPointRepository repository, AccessControl access, Areas areas) {
        this.points = points;
        this.repository = repository;
        this.access = access;
        this.areas = areas;
    }

    /** An area by its code (NL, VR13, GM0363) and name. */
    record Area(String code, String name) {}

    /**
     * A point as the operations pages show it, with what the current user may do with it.
     *
     * @param own          the user has reported this point's status before: a volunteer's own point
     * @param overCapacity more people present than the point has places
     */
    record Row(SupportPoint point, Freshness freshness, boolean own, boolean overCapacity, boolean maySetStatus,
               boolean mayEdit) {

        /** Stale where it matters: a point in an operation not heard from within the window; an inactive one has nothing to say. */
        public boolean silent() {
            return freshness.stale() && point.status() != PointStatus.INACTIVE;
        }
    }

    /** Which points to show: {@code show} is all, stale, full, over (capacity) or a status code. */
    record Query(String area, String show, String search, Integer page) {}

    record Overview(Area area, Map<PointStatus, Long> counts, long stale, long overCapacity, long occupancy,
                    long capacity, List<Row> rows, long matching, int page, int pages, boolean mayRegister) {}

    /**
     * The area a user asked for, by code or by name ("Amsterdam", "Amsterdam-Amstelland"); without
     * one, the user's own: their organisation's area, or NL.
     */
    Area area(String text) {
        Actor actor = access.currentActor();
        if (text == null || text.isBlank()) {
            String own = actor.organisation();
            return known(own).orElseGet(() -> access.areasInScope(actor).flatMap(s -> s.stream().sorted().findFirst())
                    .flatMap(this::known).orElseGet(() -> known("NL").orElseThrow()));
        }
        String wanted = text.strip();
        return known(wanted.toUpperCase(Locale.ROOT))
                .or(() -> areas.municipalities().stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst()
                        .map(m -> new Area(m.code(), m.name())))
                .or(() -> areas.regions().stream().filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst()
                        .map(r -> new Area(r.code(), r.name())))
                .or(() -> {
                    List<Municipality> partly = areas.municipalities().stream()
                            .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT))).toList();
                    return partly.size() == 1 ? Optional.of(new Area(partly.getFirst().code(), partly.getFirst().name()))
                            : Optional.empty();
                })
                .orElseThrow(() -> new InvalidInputException("area", "'" + wanted + "' is no municipality or safety region: "
                        + "give a name (Amsterdam) or a code (GM0363, VR13, NL)"));
    }

    private Optional<Area> known(String code) {
        return areas.name(code).map(name -> new Area(code, name));
    }

    /** The points of an area in use that the user may see, each with its freshness and what the user may do. */
    private List<Row> rows(Area area) {
        Actor actor = access.currentActor();
        SupportPoints.ListFilter filter = area.code().startsWith("GM") ? new SupportPoints.ListFilter(area.code(), null, null)
                : area.code().startsWith("VR") ? new SupportPoints.ListFilter(null, area.code(), null)
                : new SupportPoints.ListFilter(null, null, null);
        Set<Long> own = repository.pointsReportedBy(actor.username());
        Optional<Set<String>> scope = access.areasInScope(actor);
        boolean operator = actor.role().includes(Role.OPERATOR);
        boolean coordinator = actor.role().includes(Role.COORDINATOR);
        return points.list(filter).stream().map(p -> {
            boolean inScope = scope.map(s -> s.contains(p.municipality())).orElse(true);
            Integer places = p.capacity().persons();
            return new Row(p, points.freshness(p), own.contains(p.id()), places != null && p.occupancy() > places,
                    operator && inScope, coordinator && inScope);
        }).toList();
    }

    /** Never heard from first, then the longest silent: whom to call first. */
    static final Comparator<Row> STALEST_FIRST = Comparator
            .comparing((Row r) -> r.freshness().confirmedAt() != null)
            .thenComparing(r -> r.freshness().confirmedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.point().name());

    /**
     * Operations view: a volunteer's own points first; then stale points (longest silent first),
     * full points, points with more people than places, and the rest by name.
     */
    private static final Comparator<Row> NEEDS_ATTENTION_FIRST = Comparator
            .comparing((Row r) -> !r.own())
            .thenComparing(r -> !r.silent())
            .thenComparing(r -> r.point().status() != PointStatus.FULL && !r.overCapacity())
            .thenComparing((a, b) -> a.silent() && b.silent() ? STALEST_FIRST.compare(a, b) : 0)
            .thenComparing(r -> r.point().name(), String.CASE_INSENSITIVE_ORDER);

    /** The roll call of an area: every point in use with its last status and age, stalest first. */
    @Transactional(readOnly = true)
    List<Row> rollCall(Area area) {
        access.requireRole(Role.COORDINATOR);
        return rows(area).stream().filter(Row::mayEdit).sorted(STALEST_FIRST).toList();
    }

    @Transactional(readOnly = true)
    Overview overview(Query query) {
        Actor actor = access.requireRole(Role.VIEWER);
        Area area = area(query.area());
        String show = query.show() == null || query.show().isBlank() ? "all" : query.show().strip().toLowerCase(Locale.ROOT);
        List<Row> all = rows(area);
        Map<PointStatus, Long> counts = new EnumMap<>(PointStatus.class);
        for (PointStatus status : PointStatus.values()) {
            counts.put(status, all.stream().filter(r -> r.point().status() == status).count());
        }
        long stale = all.stream().filter(Row::silent).count();
        long over = all.stream().filter(Row::overCapacity).count();
        long occupancy = all.stream().filter(r -> r.point().status() == PointStatus.OPEN || r.point().status() == PointStatus.FULL)
                .mapToLong(r -> r.point().occupancy()).sum();
        long capacity = all.stream().filter(r -> r.point().status() == PointStatus.OPEN || r.point().status() == PointStatus.FULL)
                .mapToLong(r -> r.point().capacity().persons() == null ? 0 : r.point().capacity().persons()).sum();
        List<Row> matching = all.stream().filter(showing(show)).filter(searching(query.search())).sorted(NEEDS_ATTENTION_FIRST).toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.clamp(query.page() == null ? 1 : query.page(), 1, pages);
        List<Row> shown = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
        boolean mayRegister = actor.role().includes(Role.COORDINATOR) && access.mayRead(actor, area.code());
        return new Overview(area, counts, stale, over, occupancy, capacity, shown, matching.size(), page, pages, mayRegister);
    }

    private static Predicate<Row> showing(String show) {
        return switch (show) {
            case "all" -> r -> true;
            case "stale" -> Row::silent;
            case "over" -> Row::overCapacity;
            case "mine" -> Row::own;
            default -> {
                PointStatus status = Codes.parse(PointStatus.class, show).orElseThrow(() ->
                        new InvalidInputException("show", "'" + show + "' is not a choice: all, stale, over, mine or a status"));
                yield r -> r.point().status() == status;
            }
        };
    }

    private Predicate<Row> searching(String search) {
        if (search == null || search.isBlank()) {
            return r -> true;
        }
        String wanted = search.strip();
        if (POSTCODE.matcher(wanted).matches()) {
            Location origin;
            try {
                origin = areas.locatePostcode(wanted).orElseThrow(() ->
                        new InvalidInputException("q", "'" + wanted + "' is not a known Dutch postcode"));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("q", e.getMessage());
            }
            return r -> SpatialIndex.distanceMetres(origin.lat(), origin.lon(), r.point().lat(), r.point().lon())
                    <= POSTCODE_RADIUS_METERS;
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        return r -> r.point().name().toLowerCase(Locale.ROOT).contains(lower)
                || (r.point().address() != null && r.point().address().toLowerCase(Locale.ROOT).contains(lower));
    }
}
