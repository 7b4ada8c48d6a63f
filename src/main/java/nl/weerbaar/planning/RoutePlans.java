package nl.weerbaar.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vehicle routes for a depot and day of a finished run, kept as computed: coordinators of every
 * area the scenario covers make them (and may keep routes of an earlier plan for the same depot
 * and day while the rest is planned again); viewers in scope read them.
 */
@Service
class RoutePlans {

    static final String ENTITY = "planning-route-plan";
    static final double MAX_SECONDS = 30;

    /**
     * What to route. {@code day} counts from 0, as in the run's result. Unset fields take the
     * defaults of {@link RouteProblem.Fleet#defaults}; {@code seconds} is the search time (default 5).
     */
    public record Request(Long depot, Integer day, Integer vehicles, Double payloadKg, Double volumeLitres, String shiftStart,
                          Integer shiftHours, Integer serviceMinutes, Double speedKmh, Double detourFactor, Double seconds,
                          Keep keep) {}

    /** Routes of an earlier plan (same run, depot and day) to keep as they are, by vehicle number. */
    public record Keep(Long routes, List<Integer> vehicles) {}

    public record Saved(long id, long runId, long depot, int day, LocalDate date, String createdBy, Instant createdAt,
                        RoutePlan plan) {}

    public record Summary(long id, long depot, String depotName, int day, LocalDate date, double km, int vehicles, long visits,
                          int lateStops, int missed, double gap, double baselineKm, String createdBy, Instant createdAt) {}

    private final Planning planning;
    private final RoutePlanRepository repository;
    private final RouteInputs inputs;
    private final AccessControl access;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RoutePlanner planner = new RoutePlanner();

    RoutePlans(Planning planning, RoutePlanRepository repository, RouteInputs inputs, AccessControl access, AuditTrail audit,
               PlatformTransactionManager transactions) {
        this.planning = planning;
        this.repository = repository;
        this.inputs = inputs;
        this.access = access;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Saved create(long runId, Request request) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        InputCheck check = new InputCheck();
        check.require(request != null, "body", "must be a JSON object with at least depot and day");
        check.orThrow();
        check.require(request.depot(), d -> d > 0, "depot", "must be the id of a depot the run's plan sends from");
        check.require(request.day(), d -> d >= 0, "day", "must be a day of the run, counted from 0");
        check.require(request.vehicles() == null || request.vehicles() >= 1 && request.vehicles() <= 500, "vehicles",
                "must be a whole number from 1 to 500");
        check.require(request.payloadKg() == null || request.payloadKg() >= 100 && request.payloadKg() <= 60_000, "payloadKg",
                "must be from 100 to 60000 kg");
        check.require(request.volumeLitres() == null || request.volumeLitres() >= 100 && request.volumeLitres() <= 200_000,
                "volumeLitres", "must be from 100 to 200000 litres");
        LocalTime shiftStart = null;
        if (request.shiftStart() != null) {
            try {
                shiftStart = LocalTime.parse(request.shiftStart());
            } catch (DateTimeParseException e) {
                check.require(false, "shiftStart", "must be a time of day as HH:mm, e.g. 07:00");
            }
        }
        check.require(request.shiftHours() == null || request.shiftHours() >= 1 && request.shiftHours() <= 14, "shiftHours",
                "must be a whole number of hours from 1 to 14");
        check.require(request.serviceMinutes() == null || request.serviceMinutes() >= 0 && request.serviceMinutes() <= 240,
                "serviceMinutes", "must be from 0 to 240 minutes");
        check.require(request.speedKmh() == null || request.speedKmh() >= 5 && request.speedKmh() <= 130, "speedKmh",
                "must be from 5 to 130 km/h");
        check.require(request.detourFactor() == null || request.detourFactor() >= 1 && request.detourFactor() <= 3, "detourFactor",
                "must be from 1 to 3");
        check.require(request.seconds() == null || request.seconds() >= 0.1 && request.seconds() <= MAX_SECONDS, "seconds",
                "must be from 0.1 to " + (int) MAX_SECONDS + " seconds");
        Keep keep = request.keep();
        check.require(keep == null || keep.routes() != null && keep.vehicles() != null && !keep.vehicles().isEmpty()
                && keep.vehicles().stream().allMatch(v -> v != null && v >= 1), "keep",
                "must name an earlier route plan (routes) and the vehicle numbers of the routes to keep, e.g. {\"routes\":12,\"vehicles\":[1,3]}");
        check.orThrow();

        Scenario scenario = planning.runScenarioToWrite(runId);
        PlanResult result = planning.result(runId);
        int day = request.day();
        long depot = request.depot();
        List<RouteProblems.DepotDay> used = RouteProblems.depotDays(result);
        if (used.stream().noneMatch(d -> d.depot() == depot && d.day() == day)) {
            List<String> options = used.stream().map(d -> "depot " + d.depot() + " on day " + d.day()).limit(30).toList();
            throw new nl.weerbaar.system.InvalidInputException("depot", "the plan sends nothing from depot " + depot + " on day "
                    + day + (options.isEmpty() ? "; it sends nothing at all (a run from before routes existed: run it again)"
                    : "; it sends from " + String.join(", ", options)));
        }
        List<RoutePlan.Route> locked = locked(runId, depot, day, keep);
        RouteProblems.Settings settings = new RouteProblems.Settings(request.vehicles(), request.payloadKg(), request.volumeLitres(),
                shiftStart, request.shiftHours(), request.serviceMinutes(), request.speedKmh(), request.detourFactor(),
                request.seconds() == null ? null : Duration.ofMillis(Math.round(request.seconds() * 1000)));
        RouteProblem problem = RouteProblems.of(result, depot, day, inputs.details(), inputs.items(), scenario.detourFactor(),
                settings, null, locked);
        RoutePlan plan = planner.plan(problem);
        long id = transaction.execute(status -> {
            long created = repository.insert(runId, plan, actor.username());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("run", runId);
            after.put("depot", depot);
            after.put("day", day);
            after.put("km", plan.km());
            after.put("vehicles", plan.vehiclesUsed());
            after.put("missed", plan.missed().size());
            if (keep != null) {
                after.put("kept", Map.of("routes", keep.routes(), "vehicles", keep.vehicles()));
            }
            audit.record(new AuditTrail.Change("planning.routes-planned", ENTITY, String.valueOf(created),
                    planning.auditArea(scenario), null, after));
            return created;
        });
        return get(runId, id);
    }

    /** The routes of an earlier plan to keep, marked locked and renumbered from 1 in the order given. */
    private List<RoutePlan.Route> locked(long runId, long depot, int day, Keep keep) {
        if (keep == null) {
            return List.of();
        }
        RoutePlanRepository.Stored earlier = repository.find(runId, keep.routes())
                .filter(stored -> stored.depot() == depot && stored.day() == day)
                .orElseThrow(() -> new nl.weerbaar.system.InvalidInputException("keep.routes",
                        "must be a route plan of this run for depot " + depot + " on day " + day));
        List<RoutePlan.Route> kept = new ArrayList<>();
        for (int vehicle : Set.copyOf(keep.vehicles()).stream().sorted().toList()) {
            RoutePlan.Route route = earlier.plan().routes().stream().filter(r -> r.vehicle() == vehicle).findFirst()
                    .orElseThrow(() -> new nl.weerbaar.system.InvalidInputException("keep.vehicles",
                            "vehicle " + vehicle + " has no route in route plan " + keep.routes()));
            kept.add(new RoutePlan.Route(kept.size() + 1, true, route.leaves(), route.returns(), route.km(), route.kg(),
                    route.litres(), route.visits()));
        }
        return kept;
    }

    public Saved get(long runId, long id) {
        PlanResult result = planning.result(runId);
        RoutePlanRepository.Stored stored = repository.find(runId, id)
                .orElseThrow(() -> new NotFound("run " + runId + " has no route plan " + id, "planning.refusal.noRoutePlan"));
        return saved(stored, result);
    }

    /** The newest route plan for a depot and day; 404 when there is none yet. */
    public Saved latest(long runId, long depot, int day) {
        PlanResult result = planning.result(runId);
        RoutePlanRepository.Stored stored = repository.latest(runId, depot, day)
                .orElseThrow(() -> new NotFound("run " + runId + " has no routes for depot "
                        + depot + " on day " + day + " yet: make them with POST /api/v1/scenario-runs/" + runId + "/routes"));
        return saved(stored, result);
    }

    public List<Summary> list(long runId) {
        PlanResult result = planning.result(runId);
        return repository.ofRun(runId).stream().map(s -> new Summary(s.id(), s.depot(), s.plan().depot().name(), s.day(),
                date(result, s.day()), s.plan().km(), s.plan().vehiclesUsed(), s.plan().visits(), s.plan().lateStops(),
                s.plan().missed().size(), s.plan().gap(), s.plan().baseline().km(), s.createdBy(), s.createdAt())).toList();
    }

    /** The depots and days the run's plan sends deliveries on: what can be routed. */
    public List<RouteProblems.DepotDay> depotDays(long runId) {
        return RouteProblems.depotDays(planning.result(runId));
    }

    public boolean demo(long runId) {
        return inputs.demo(planning.result(runId));
    }

    private static Saved saved(RoutePlanRepository.Stored s, PlanResult result) {
        return new Saved(s.id(), s.runId(), s.depot(), s.day(), date(result, s.day()), s.createdBy(), s.createdAt(), s.plan());
    }

    private static LocalDate date(PlanResult result, int day) {
        return day >= 0 && day < result.dates().size() ? result.dates().get(day) : null;
    }
}
