package nl.weerbaar.stock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Items, depots and lot blocks: the things the ledger counts in. */
@Service
public class StockCatalogue {

    static final List<String> CATEGORIES = List.of("water", "food", "medical", "energy", "hygiene", "shelter", "communication");
    static final List<String> LEVELS = List.of("national", "regional", "municipal", "support-point");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final StockRepository repository;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Areas areas;
    private final SupportPoints points;

    StockCatalogue(StockRepository repository, AccessControl access, AuditTrail audit, Areas areas, SupportPoints points) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
        this.areas = areas;
        this.points = points;
    }

    public List<Item> items() {
        return repository.items();
    }

    /** Weight and volume per unit of every item, for loading vehicles. */
    public List<ItemHandling> handling() {
        return repository.handling();
    }

    public Optional<Item> item(String code) {
        return repository.item(code);
    }

    public List<Depot> depots() {
        return repository.depots();
    }

    public Optional<Depot> depot(long id) {
        return repository.depot(id);
    }

    /** Adds an item to the national catalogue (national admins). */
    @Transactional
    public Item createItem(Item item) {
        access.requireRole(Role.ADMIN);
        checkItem(item);
        new InputCheck().require(repository.item(item.code()).isEmpty(), "code", "an item '" + item.code() + "' exists already")
                .orThrow();
        access.require(Role.ADMIN, "NL");
        repository.insertItem(item);
        Item created = repository.item(item.code()).orElseThrow();
        audit.record(new AuditTrail.Change("stock.item.created", "stock-item", created.code(), "NL", null, created));
        return created;
    }

    @Transactional
    public Item updateItem(String code, Item item, String ifMatch) {
        access.requireRole(Role.ADMIN);
        Item before = repository.item(code).orElseThrow(() -> notFound("no item with code '" + code + "'"));
        Item changed = new Item(code, item.name(), item.category(), item.unit(), item.shelfLifeDays(),
                item.dailyNormPerPerson(), item.normSource(), before.version());
        checkItem(changed);
        access.require(Role.ADMIN, "NL");
        Versioned.requireMatch(ifMatch, before.version());
        repository.updateItem(changed, before.version());
        Item after = repository.item(code).orElseThrow();
        audit.record(new AuditTrail.Change("stock.item.updated", "stock-item", code, "NL", before, after));
        return after;
    }

    /** Adds a depot in an area the coordinator acts in. */
    @Transactional
    public Depot createDepot(Depot depot) {
        access.requireRole(Role.COORDINATOR);
        Depot placed = checkDepot(depot);
        access.require(Role.COORDINATOR, placed.area());
        long id = repository.insertDepot(placed);
        Depot created = repository.depot(id).orElseThrow();
        audit.record(new AuditTrail.Change("stock.depot.created", "depot", String.valueOf(id), created.area(), null, created));
        return created;
    }

    @Transactional
    public Depot updateDepot(long id, Depot depot, String ifMatch) {
        access.requireRole(Role.COORDINATOR);
        Depot before = repository.depot(id).orElseThrow(() -> notFound("no depot with id " + id));
        Depot placed = checkDepot(depot);
        access.require(Role.COORDINATOR, before.area());
        access.require(Role.COORDINATOR, placed.area());
        Versioned.requireMatch(ifMatch, before.version());
        Depot changed = new Depot(id, placed.name(), placed.level(), placed.organisation(), placed.area(), placed.municipality(),
                placed.lat(), placed.lon(), placed.capacity(), placed.supportPoint(), before.demo(), before.version());
        repository.updateDepot(changed, before.version());
        Depot after = repository.depot(id).orElseThrow();
        audit.record(new AuditTrail.Change("stock.depot.updated", "depot", String.valueOf(id), after.area(), before, after));
        return after;
    }

    /** Blocks a lot everywhere (recall, quality): a national coordinator's decision. */
    @Transactional
    public void blockLot(String item, String lotNumber, String reason) {
        access.requireRole(Role.COORDINATOR);
        new InputCheck().require(reason, r -> !r.isBlank() && r.length() <= 500, "reason", "must say why the lot is blocked")
                .orThrow();
        access.require(Role.COORDINATOR, "NL");
        StockRepository.Lot lot = repository.lot(item, lotNumber)
                .orElseThrow(() -> notFound("no lot " + lotNumber + " of " + item));
        if (!repository.block(lot.id(), reason)) {
            throw new Conflict("lot " + lotNumber + " is blocked already");
        }
        audit.record(new AuditTrail.Change("stock.lot.blocked", "stock-lot", item + "/" + lotNumber, "NL", lot,
                Map.of("blocked", true, "reason", reason)));
    }

    private void checkItem(Item item) {
        new InputCheck()
                .require(item.code(), c -> CODE.matcher(c).matches() && c.length() <= 60, "code", "must be kebab-case, e.g. drinking-water")
                .require(item.name(), n -> !InputCheck.isBlank(n) && n.length() <= 200, "name", "must be 1 to 200 characters")
                .require(item.category(), CATEGORIES::contains, "category", "must be one of " + String.join(", ", CATEGORIES))
                .require(item.unit(), u -> !u.isBlank() && u.length() <= 20, "unit", "must be 1 to 20 characters, e.g. l, stuk")
                .require(item.shelfLifeDays() == null || item.shelfLifeDays() > 0, "shelfLifeDays", "must be more than zero")
                .require(item.dailyNormPerPerson() == null || item.dailyNormPerPerson().signum() > 0, "dailyNormPerPerson",
                        "must be more than zero")
                .orThrow();
    }

    /** Validates a depot and derives its area from its level and municipality. */
    private Depot checkDepot(Depot depot) {
        String municipality = depot.municipality() == null ? null : depot.municipality().trim().toUpperCase();
        String region = municipality == null ? null : areas.regionOf(municipality).orElse(null);
        new InputCheck()
                .require(depot.name(), n -> !InputCheck.isBlank(n) && n.length() <= 200, "name", "must be 1 to 200 characters")
                .require(depot.level(), LEVELS::contains, "level", "must be one of " + String.join(", ", LEVELS))
                .require(municipality != null && region != null, "municipality", "must be the municipality the depot lies in, e.g. GM0363")
                .require(AreaLimits.latitudeInNetherlands(depot.lat()), "lat", AreaLimits.latitudeForm())
                .require(AreaLimits.longitudeInNetherlands(depot.lon()), "lon", AreaLimits.longitudeForm())
                .require(depot.supportPoint() == null || municipality == null
                                || points.municipalityOf(depot.supportPoint()).filter(municipality::equals).isPresent(),
                        "supportPoint", "must be the id of a support point in the depot's municipality " + municipality
                                + ", or absent")
                .orThrow();
        String area = switch (depot.level()) {
            case "national" -> "NL";
            case "regional" -> region;
            default -> municipality;
        };
        Actor actor = access.currentActor();
        String organisation = depot.organisation() == null ? actor.organisation() : depot.organisation();
        return new Depot(depot.id(), depot.name().trim(), depot.level(), organisation, area, municipality, depot.lat(),
                depot.lon(), depot.capacity(), depot.supportPoint(), false, depot.version());
    }

    static NotFound notFound(String reason) {
        return new NotFound(reason);
    }
}
