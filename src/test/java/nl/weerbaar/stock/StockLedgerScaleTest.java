package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger at the size of an import, beside other writers; the limits of the book still hold under races. */
@IntegrationTest
@TimeDependent
class StockLedgerScaleTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "stock-scale-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    StockLedger ledger;
    @Autowired
    TransactionTemplate transactions;

    ApiClient api;
    String operator;
    long depot;
    String suffix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        operator = api.token(api.createUser(admin, "GM0363", "operator", PASSWORD), PASSWORD);
        var created = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Schaal " + SEQUENCE.incrementAndGet(),
                "level", "municipal", "municipality", "GM0363", "lat", 52.37, "lon", 4.89)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        depot = created.json().get("id").asLong();
        suffix = "-" + SEQUENCE.get() + "-" + System.nanoTime() % 100000;
    }

    private String expiry() {
        return LocalDate.now(clock).plusDays(200).toString();
    }

    @Test
    void anImportOfTenThousandReceiptsIsRecordedExactly() {
        StringBuilder csv = new StringBuilder("type,depot,item,lot,expiry,quantity\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("receipt,").append(depot).append(",drinking-water,I").append(i % 73).append(suffix).append(',')
                    .append(expiry()).append(',').append(1 + i % 5).append('\n');
        }

        var imported = api.send("POST", "/api/v1/stock-events/import", operator, csv.toString(), "text/csv");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("events").asInt()).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from stock_event where depot_id = :depot").param("depot", depot)
                .query(Long.class).single()).isEqualTo(10_000);
        assertThat(jdbc.sql("select sum(quantity) from stock_balance where depot_id = :depot").param("depot", depot)
                .query(BigDecimal.class).single()).isEqualByComparingTo("30000");
        assertThat(jdbc.sql("select count(*) from stock_balance where depot_id = :depot and quantity > 0").param("depot", depot)
                .query(Long.class).single()).isEqualTo(73);
        assertBalancesEqualTheirEvents();
        long audited = jdbc.sql("""
                        select count(*) from audit_entry a
                        join stock_event e on a.entity_type = 'stock-event' and a.entity_id = cast(e.id as text)
                        where e.depot_id = :depot and a.action = 'stock.receipt' and a.area_code = 'GM0363'
                          and cast(a.after ->> 'id' as bigint) = e.id and cast(a.after ->> 'quantity' as numeric) = e.quantity""")
                .param("depot", depot).query(Long.class).single();
        assertThat(audited).as("one audit entry per event, describing it").isEqualTo(10_000);
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry a join stock_event e on a.entity_id = cast(e.id as text)
                        where a.entity_type = 'stock-event' and e.depot_id = :depot
                          and a.leaf_hash <> audit_entry_leaf_hash(a.seq, a.at, a.actor, a.organisation, a.area_code, a.action,
                                                                    a.entity_type, a.entity_id, a.before, a.after, a.request_id)""")
                .param("depot", depot).query(Long.class).single()).as("leaf hashes as one entry alone gets").isZero();
    }

    /**
     * A batch locks only the balances it names. While a 10,000-event batch's transaction is still
     * open, a receipt into another lot of the same depot and item, one that already holds stock,
     * commits. (Locking every lot of the item in the depot, as batches did, held it up.)
     */
    @Test
    void aWriterIntoAnotherLotIsNotHeldUpByAnOpenBigBatch() throws Exception {
        String other = "O" + suffix;
        var first = receipt(other, 5);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        List<StockEventRequest> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            batch.add(new StockEventRequest("receipt", depot, "drinking-water", "B" + (i % 50) + suffix,
                    LocalDate.parse(expiry()), BigDecimal.ONE, null, null, null, null));
        }
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Integer statusWhileOpen = transactions.execute(tx -> {
                ledger.recordAsSystem(batch);
                Future<Integer> meanwhile = pool.submit(() -> receipt(other, 7).status());
                try {
                    // A guard against hanging only: were it held up, it would wait until this transaction ends.
                    return meanwhile.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    tx.setRollbackOnly();
                    return -1;
                }
            });
            assertThat(statusWhileOpen).as("the receipt committed while the batch was still open").isEqualTo(201);
        }
        assertThat(balanceOf(other)).isEqualByComparingTo("12");
        assertThat(jdbc.sql("select count(*) from stock_event where depot_id = :depot").param("depot", depot)
                .query(Long.class).single()).isEqualTo(10_002);
        assertBalancesEqualTheirEvents();
    }

    /** Batches that issue first-expiry-first-out and by lot race for the last units: never more than there is. */
    @Test
    void racingBatchesNeverTakeMoreThanThereIs() throws Exception {
        String soon = "S" + suffix;
        String late = "L" + suffix;
        assertThat(receipt(soon, 10).status()).isEqualTo(201);
        assertThat(receiptExpiring(late, LocalDate.now(clock).plusDays(300).toString(), 10).status()).isEqualTo(201);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 24; i++) {
                Map<String, Object> byExpiry = Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", 1);
                Map<String, Object> byLot = Map.of("type", "issue", "depot", depot, "item", "drinking-water",
                        "lot", i % 2 == 0 ? late : soon, "quantity", 1);
                List<Object> events = i % 3 == 0 ? List.of(byLot, byExpiry) : List.of(byExpiry, byLot);
                answers.add(pool.submit(() -> api.post("/api/v1/stock-events", operator,
                        ApiClient.json(Map.of("events", events))).status()));
            }
        }
        int recorded = 0;
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isIn(201, 409);
            recorded += answer.get() == 201 ? 1 : 0;
        }
        assertThat(recorded).as("each batch takes 2 of the 20 units").isBetween(1, 10);
        assertThat(balanceOf(soon).add(balanceOf(late))).isEqualByComparingTo(BigDecimal.valueOf(20 - 2L * recorded));
        assertThat(jdbc.sql("select count(*) from stock_balance where quantity < 0").query(Long.class).single()).isZero();
        assertBalancesEqualTheirEvents();
    }

    /** A retry with the same Idempotency-Key, even one sent while the first is still running, has one effect. */
    @Test
    void retriesOfOneReceiptHaveOneEffect() throws Exception {
        String lot = "K" + suffix;
        String body = ApiClient.json(Map.of("type", "receipt", "depot", depot, "item", "drinking-water", "lot", lot,
                "expiry", expiry(), "quantity", 3));
        List<CompletableFuture<ApiClient.Response>> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> api.send("POST", "/api/v1/stock-events", operator, body,
                    Map.of("Idempotency-Key", "scale" + suffix))));
        }
        for (CompletableFuture<ApiClient.Response> sent : tries) {
            assertThat(sent.get().status()).as(sent.get().body()).isEqualTo(201);
        }
        assertThat(balanceOf(lot)).isEqualByComparingTo("3");
    }

    private ApiClient.Response receipt(String lot, int quantity) {
        return receiptExpiring(lot, expiry(), quantity);
    }

    private ApiClient.Response receiptExpiring(String lot, String expiry, int quantity) {
        return api.post("/api/v1/stock-events", operator, ApiClient.json(Map.of("type", "receipt", "depot", depot,
                "item", "drinking-water", "lot", lot, "expiry", expiry, "quantity", quantity)));
    }

    private BigDecimal balanceOf(String lot) {
        return jdbc.sql("""
                        select coalesce((select b.quantity from stock_balance b join stock_lot l on l.id = b.lot_id
                                         where b.depot_id = :depot and l.lot_number = :lot), 0)""")
                .param("depot", depot).param("lot", lot).query(BigDecimal.class).single();
    }

    private void assertBalancesEqualTheirEvents() {
        assertThat(jdbc.sql("""
                        select count(*) from stock_balance b
                        where b.quantity <> (select coalesce(sum(e.quantity), 0) from stock_event e
                                             where e.depot_id = b.depot_id and e.lot_id = b.lot_id)""")
                .query(Long.class).single()).isZero();
    }
}
