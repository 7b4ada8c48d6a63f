package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.system.DemoDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the {@link DemoStock demo depots and stock} into the database once, in one transaction,
 * right after the demo network of support points: the depots marked demo, the stock as receipts
 * through the ledger (reason {@value DemoStock#REASON}, document number {@code DEMO-…}), so the
 * stock cards, balances and audit trail read as they would for real stock.
 */
@Component
@Order(10)
class DemoStockLoader implements DemoDataSet {

    /** Serialises loaders: instances starting together on an empty database load the stock once. */
    private static final long LOAD_LOCK_KEY = 0x5765_6572_5374_6f6bL;

    private final Areas areas;
    private final StockRepository repository;
    private final StockLedger ledger;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    /** The day the demo lots' expiry dates count from: the ledger's today, so none arrives expired. */
    private final Clock clock;

    DemoStockLoader(Areas areas, StockRepository repository, StockLedger ledger, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.areas = areas;
        this.repository = repository;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Outcome load(boolean firstStart, Consumer<String> progress) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOAD_LOCK_KEY).query().singleValue();
        long existing = jdbc.sql("select count(*) from depot where demo").query(Long.class).single();
        if (existing > 0) {
            return new Outcome(false, String.format("The demo stock is loaded already (%,d demo depots); nothing changed.", existing));
        }
        if (firstStart && jdbc.sql("select exists (select 1 from depot)").query(Boolean.class).single()) {
            return new Outcome(false, "Depots exist already: no demo stock beside them.");
        }
        LocalDate today = LocalDate.now(clock);
        progress.accept("Generating the demo stock: depots and lots expiring from " + today + "…");
        DemoStock.Stock stock = DemoStock.generate(areas.regions(), areas.municipalities(), today);
        Map<String, Long> ids = new HashMap<>();
        for (DemoStock.DemoDepot depot : stock.depots()) {
            ids.put(depot.key(), repository.insertDepot(new Depot(0, depot.name(), depot.level(), depot.organisation(),
                    depot.area(), depot.municipality(), depot.lat(), depot.lon(), depot.capacity(), null, true, 0)));
        }
        Map<String, List<StockEventRequest>> byDepot = new LinkedHashMap<>();
        for (DemoStock.Receipt receipt : stock.receipts()) {
            byDepot.computeIfAbsent(receipt.depot(), key -> new ArrayList<>()).add(new StockEventRequest("receipt",
                    ids.get(receipt.depot()), receipt.item(), receipt.lot(), receipt.expiry(), BigDecimal.valueOf(receipt.quantity()),
                    null, DemoStock.REASON, receipt.documentNumber(), null));
        }
        int done = 0;
        for (List<StockEventRequest> receipts : byDepot.values()) {
            ledger.recordAsSystem(receipts);
            if (++done % 10 == 0 || done == byDepot.size()) {
                progress.accept(String.format("Demo stock: %,d of %,d depots", done, byDepot.size()));
            }
        }
        long lots = stock.receipts().stream().map(DemoStock.Receipt::lot).distinct().count();
        long items = stock.receipts().stream().map(DemoStock.Receipt::item).distinct().count();
        Map<String, Long> levels = new LinkedHashMap<>();
        stock.depots().forEach(depot -> levels.merge(depot.level(), 1L, Long::sum));
        audit.record(new AuditTrail.Change("stock.demo-loaded", "depot", "demo", "NL", null,
                Map.of("depots", stock.depots().size(), "levels", levels, "receipts", stock.receipts().size(), "lots", lots,
                        "items", items, "firstExpiry", today.toString())));
        return new Outcome(true, String.format("Loaded the demo stock: %,d depots (%,d national, %,d regional, %,d municipal), "
                        + "%,d receipts of %,d lots of %,d items, all marked demo.", stock.depots().size(),
                levels.getOrDefault("national", 0L), levels.getOrDefault("regional", 0L), levels.getOrDefault("municipal", 0L),
                stock.receipts().size(), lots, items));
    }
}
