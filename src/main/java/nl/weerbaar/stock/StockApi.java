package nl.weerbaar.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.JsonInputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.core.JacksonException;
import nl.weerbaar.system.Versioned;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "stock", description = "Strategic stock: catalogue, depots, the lot ledger, expiry and coverage")
class StockApi {

    private final StockCatalogue catalogue;
    private final StockLedger ledger;
    private final StockBooking booking;
    private final StockReports reports;
    private final JsonMapper json;

    StockApi(StockCatalogue catalogue, StockLedger ledger, StockBooking booking, StockReports reports, JsonMapper json) {
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.booking = booking;
        this.reports = reports;
        this.json = json;
    }

    record BlockRequest(String reason) {}

    /** An item as clients send it: the version travels in ETag and If-Match, not in the body. */
    record ItemRequest(String code, String name, String category, String unit, Integer shelfLifeDays,
                       java.math.BigDecimal dailyNormPerPerson, String normSource) {
        Item toItem(String pathCode) {
            return new Item(pathCode != null ? pathCode : code, name, category, unit, shelfLifeDays, dailyNormPerPerson,
                    normSource, 0);
        }
    }

    /** A depot as clients send it; its area follows from level and municipality. */
    record DepotRequest(String name, String level, String organisation, String municipality, Double lat, Double lon,
                        String capacity, Long supportPoint) {
        Depot toDepot() {
            return new Depot(0, name, level, organisation, null, municipality, lat == null ? Double.NaN : lat,
                    lon == null ? Double.NaN : lon, capacity, supportPoint, false, 0);
        }
    }

    @GetMapping("/items")
    @Operation(operationId = "listItems", summary = "The stock catalogue, with daily norms per person where they apply")
    Items<Item> listItems() {
        return new Items<>(catalogue.items());
    }

    @GetMapping("/items/{code}")
    @Operation(operationId = "getItem", summary = "One catalogue item")
    ResponseEntity<Item> getItem(@PathVariable String code) {
        Item item = catalogue.item(code).orElseThrow(() -> StockCatalogue.notFound("no item with code '" + code + "'"));
        return ResponseEntity.ok().eTag(Versioned.etag(item.version())).body(item);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/items")
    @Operation(operationId = "createItem", summary = "Add an item to the catalogue (national admins)")
    ResponseEntity<Item> createItem(@RequestBody ItemRequest item) {
        Item created = catalogue.createItem(item.toItem(null));
        return ResponseEntity.created(URI.create("/api/v1/items/" + created.code())).eTag(Versioned.etag(created.version()))
                .body(created);
    }

    @PutMapping("/items/{code}")
    @Operation(operationId = "updateItem", summary = "Change an item; needs If-Match")
    ResponseEntity<Item> updateItem(@PathVariable String code, @RequestBody ItemRequest item,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Item updated = catalogue.updateItem(code, item.toItem(code), ifMatch);
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(updated);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/items/{code}/lots/{lot}/blocking")
    @AnswersProblem(status = 409, when = "The lot is blocked already")
    @Operation(operationId = "blockLot", summary = "Block a lot everywhere (recall, quality); national coordinators")
    ResponseEntity<Void> blockLot(@PathVariable String code, @PathVariable String lot, @RequestBody BlockRequest request) {
        catalogue.blockLot(code, lot, request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/depots")
    @Operation(operationId = "listDepots", summary = "Depots: national, regional, municipal and support-point stores")
    Items<Depot> listDepots() {
        return new Items<>(catalogue.depots());
    }

    @GetMapping("/depots/{id}")
    @Operation(operationId = "getDepot", summary = "One depot")
    ResponseEntity<Depot> getDepot(@PathVariable long id) {
        Depot depot = catalogue.depot(id).orElseThrow(() -> StockCatalogue.notFound("no depot with id " + id));
        return ResponseEntity.ok().eTag(Versioned.etag(depot.version())).body(depot);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/depots")
    @Operation(operationId = "createDepot", summary = "Add a depot in the coordinator's area")
    ResponseEntity<Depot> createDepot(@RequestBody DepotRequest depot) {
        Depot created = catalogue.createDepot(depot.toDepot());
        return ResponseEntity.created(URI.create("/api/v1/depots/" + created.id())).eTag(Versioned.etag(created.version()))
                .body(created);
    }

    @PutMapping("/depots/{id}")
    @Operation(operationId = "updateDepot", summary = "Change a depot; needs If-Match")
    ResponseEntity<Depot> updateDepot(@PathVariable long id, @RequestBody DepotRequest depot,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Depot updated = catalogue.updateDepot(id, depot.toDepot(), ifMatch);
        return ResponseEntity.ok().eTag(Versioned.etag(updated.version())).body(updated);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/stock-events")
    @AnswersProblem(status = 422, when = "A lot that cannot take this event (unknown, blocked, expired or of another item), or an Idempotency-Key used before for a different request")
    @AnswersProblem(status = 409, when = "Not enough stock: the detail names what is available")
    @Operation(operationId = "recordStockEvents",
            summary = "Record one stock event, or a batch as {\"events\": […]}, all or nothing")
    ResponseEntity<Items<RecordedEvent>> record(@RequestBody JsonNode body) {
        boolean batch = body.has("events");
        List<StockEventRequest> requests = new ArrayList<>();
        if (batch) {
            if (!body.get("events").isArray()) {
                throw new InvalidInputException("events", "must be an array of stock events");
            }
            JsonNode events = body.get("events");
            for (int i = 0; i < events.size(); i++) {
                requests.add(parse(events.get(i), "events[" + i + "]"));
            }
        } else {
            requests.add(parse(body, "body"));
        }
        return ResponseEntity.status(201).body(new Items<>(batch ? ledger.record(requests, true) : booking.book(requests.getFirst())));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(value = "/stock-events/import", consumes = {"text/csv", "text/plain"})
    @AnswersProblem(status = 422, when = "A lot that cannot take this event (unknown, blocked, expired or of another item), or an Idempotency-Key used before for a different request")
    @AnswersProblem(status = 409, when = "Not enough stock: the detail names what is available")
    @Operation(operationId = "importStockEvents",
            summary = "Import an inventory as CSV stock events (columns: type, depot, item, lot, expiry, quantity, toDepot, "
                    + "reason, documentNumber, reference), all or nothing; every bad row is named")
    ResponseEntity<ImportReport> importEvents(@RequestBody String csv) {
        StockCsv.ParsedEvents parsed = StockCsv.parseEvents(csv);
        List<RecordedEvent> recorded = ledger.record(parsed.events(), StockCsv::row, parsed.problems());
        return ResponseEntity.status(201).body(new ImportReport(parsed.events().size(), recorded.size()));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "StockEventImportReport")
    record ImportReport(int rows, int events) {}

    @GetMapping(value = "/stock/export", produces = "text/csv")
    @Operation(operationId = "exportStock", summary = "What is held, per depot and lot, as CSV")
    ResponseEntity<String> export(@RequestParam(required = false) Long depot, @RequestParam(required = false) String item) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"voorraad.csv\"")
                .body(StockCsv.balances(reports.balances(depot, item)));
    }

    @GetMapping("/stock-events")
    @Operation(operationId = "listStockEvents", summary = "The stock card: events of a depot, item or lot, newest first")
    Items<RecordedEvent> listEvents(@RequestParam(required = false) Long depot, @RequestParam(required = false) String item,
                                    @RequestParam(required = false) String lot,
                                    @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new InvalidInputException("limit", "must be between 1 and 5000");
        }
        return new Items<>(reports.stockCard(depot, item, lot, limit));
    }

    @GetMapping("/stock")
    @Operation(operationId = "listStock", summary = "What is held, per depot and lot")
    Items<LotBalance> stock(@RequestParam(required = false) Long depot, @RequestParam(required = false) String item) {
        return new Items<>(reports.balances(depot, item));
    }

    @GetMapping("/stock/expiry")
    @Operation(operationId = "getExpiryReport", summary = "Lots expired or expiring within 30, 90 and 180 days in an area")
    StockReports.ExpiryReport expiry(@RequestParam(required = false) String area) {
        return reports.expiry(area);
    }

    @GetMapping("/stock/coverage")
    @AnswersProblem(status = 422, when = "The item has no daily norm per person, so days of supply cannot be computed")
    @Operation(operationId = "getCoverage", summary = "Days of supply of an item for an area's residents")
    StockReports.Coverage coverage(@RequestParam(required = false) String area, @RequestParam String item,
                                   @RequestParam(defaultValue = "1.0") double dependentShare) {
        return reports.coverage(area, item, dependentShare);
    }

    private StockEventRequest parse(JsonNode event, String name) {
        if (!event.isObject()) {
            throw new InvalidInputException(name, "must be a stock event: a JSON object with type, depot, item and quantity");
        }
        try {
            return json.treeToValue(event, StockEventRequest.class);
        } catch (JacksonException e) {
            InvalidInputException.InvalidParam problem = JsonInputProblems.describe(e, name);
            throw new InvalidInputException(name.equals("body") || problem.name().equals(name) ? problem.name()
                    : name + "." + problem.name(), problem.reason());
        }
    }
}
