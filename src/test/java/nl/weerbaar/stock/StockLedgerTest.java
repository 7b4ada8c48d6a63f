package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TimeDependent
class StockLedgerTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "stock-ledger-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    String admin;
    String amsterdamOperator;
    long depot;
    String lotSuffix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        amsterdamOperator = api.token(user("GM0363", "operator"), PASSWORD);
        depot = createDepot(admin, "municipal", "GM0363");
        lotSuffix = "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    /** The application's today: lot expiry counts from it, not from the machine's date. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String user(String organisation, String role) {
        return api.createUser(admin, organisation, role, PASSWORD);
    }

    private long createDepot(String token, String level, String municipality) {
        var response = api.post("/api/v1/depots", token, ApiClient.json(Map.of(
                "name", "Depot " + SEQUENCE.incrementAndGet(), "level", level, "municipality", municipality,
                "lat", 52.37, "lon", 4.89)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private ApiClient.Response event(String token, Map<String, Object> event) {
        return api.post("/api/v1/stock-events", token, ApiClient.json(event));
    }

    private void receive(long depotId, String lot, LocalDate expiry, int quantity) {
        var response = event(amsterdamOperator, Map.of("type", "receipt", "depot", depotId, "item", "drinking-water",
                "lot", lot, "expiry", expiry.toString(), "quantity", quantity, "documentNumber", "PAKBON-1"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private BigDecimal balance(long depotId, String lot) {
        return jdbc.sql("""
                        select coalesce((select b.quantity from stock_balance b join stock_lot l on l.id = b.lot_id
                                         where b.depot_id = :depot and l.lot_number = :lot), 0)""")
                .param("depot", depotId).param("lot", lot).query(BigDecimal.class).single();
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from stock_event").query(Long.class).single();
    }

    @Test
    void issueWithoutLotTakesTheEarliestExpiringLotsFirst() {
        String later = "L" + lotSuffix;
        String sooner = "S" + lotSuffix;
        receive(depot, later, today().plusDays(100), 50);
        receive(depot, sooner, today().plusDays(20), 30);

        var issued = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", 40,
                "reason", "uitgifte steunpunt"));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        List<String> lots = issued.json().get("items").valueStream().map(e -> e.get("lot").asString()).toList();
        assertThat(lots).containsExactly(sooner, later);
        assertThat(balance(depot, sooner)).isEqualByComparingTo("0");
        assertThat(balance(depot, later)).isEqualByComparingTo("40");
    }

    @Test
    void issuingMoreThanIsHeldIsRefusedAndWritesNothing() {
        receive(depot, "A" + lotSuffix, today().plusDays(60), 5);
        long before = eventCount();

        var refused = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", 6));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("only 5");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void expiredAndBlockedLotsAreNotIssued() {
        String expired = "E" + lotSuffix;
        String blocked = "B" + lotSuffix;
        String good = "G" + lotSuffix;
        receive(depot, expired, today().plusDays(10), 10);
        receive(depot, blocked, today().plusDays(11), 10);
        receive(depot, good, today().plusDays(300), 10);
        // time passes: the first lot is now past its date
        jdbc.sql("update stock_lot set expiry = :yesterday where lot_number = :lot")
                .param("yesterday", today().minusDays(1)).param("lot", expired).update();
        assertThat(api.post("/api/v1/items/drinking-water/lots/" + blocked + "/blocking", admin,
                "{\"reason\": \"terugroepactie fabrikant\"}").status()).isEqualTo(204);

        var namedExpired = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water",
                "lot", expired, "quantity", 1));
        assertThat(namedExpired.status()).isEqualTo(422);
        assertThat(namedExpired.json().get("detail").asString()).contains("expired");
        var namedBlocked = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water",
                "lot", blocked, "quantity", 1));
        assertThat(namedBlocked.status()).isEqualTo(422);

        var firstExpiry = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", 10));
        assertThat(firstExpiry.status()).isEqualTo(201);
        assertThat(firstExpiry.json().get("items").get(0).get("lot").asString()).isEqualTo(good);
        var tooMuch = event(amsterdamOperator, Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", 1));
        assertThat(tooMuch.status()).as("expired and blocked stock does not count").isEqualTo(409);
        JsonNode stock = api.get("/api/v1/stock?depot=" + depot, admin).json().get("items");
        assertThat(stock.valueStream().filter(b -> b.get("expired").asBoolean()).map(b -> b.get("lot").asString()))
                .containsExactly(expired);
    }

    @Test
    void expiredStockIsNotReceived() {
        String lot = "OLD" + lotSuffix;
        LocalDate yesterday = today().minusDays(1);
        long before = eventCount();

        var refused = event(amsterdamOperator, Map.of("type", "receipt", "depot", depot, "item", "drinking-water",
                "lot", lot, "expiry", yesterday.toString(), "quantity", 10));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("expired on " + yesterday);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void transferMovesStockAtomicallyAsAPairOfEvents() {
        long national = createDepot(admin, "national", "GM0363");
        String lot = "T" + lotSuffix;
        receive(depot, lot, today().plusDays(90), 12);

        Instant before = clock.instant();
        var moved = event(amsterdamOperator, Map.of("type", "transfer", "depot", depot, "toDepot", national,
                "item", "drinking-water", "lot", lot, "quantity", 7));
        Instant after = clock.instant();

        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        JsonNode events = moved.json().get("items");
        assertThat(events.valueStream().map(e -> Instant.parse(e.get("recordedAt").asString())))
                .as("recorded at the application's time").allSatisfy(at -> assertThat(at).isBetween(before.minusMillis(1), after.plusMillis(1)));
        assertThat(events.valueStream().map(e -> e.get("type").asString())).containsExactly("transfer-out", "transfer-in");
        assertThat(events.get(0).get("transferId").asString()).isEqualTo(events.get(1).get("transferId").asString());
        assertThat(balance(depot, lot)).isEqualByComparingTo("5");
        assertThat(balance(national, lot)).isEqualByComparingTo("7");
    }

    @Test
    void countAdjustsToWhatIsOnTheShelfAndWriteOffNeedsAReason() {
        String lot = "C" + lotSuffix;
        receive(depot, lot, today().plusDays(90), 40);

        var counted = event(amsterdamOperator, Map.of("type", "adjustment", "depot", depot, "item", "drinking-water",
                "lot", lot, "quantity", 35, "reason", "telling 28-11"));
        assertThat(counted.status()).isEqualTo(201);
        assertThat(counted.json().get("items").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-5");

        var noReason = event(amsterdamOperator, Map.of("type", "write-off", "depot", depot, "item", "drinking-water",
                "lot", lot, "quantity", 3));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("reason");
        var writtenOff = event(amsterdamOperator, Map.of("type", "write-off", "depot", depot, "item", "drinking-water",
                "lot", lot, "quantity", 3, "reason", "damaged"));
        assertThat(writtenOff.status()).isEqualTo(201);
        assertThat(balance(depot, lot)).isEqualByComparingTo("32");
    }

    @Test
    void aBatchIsAllOrNothingAndNamesTheBadEvent() {
        long before = eventCount();
        String lot = "X" + lotSuffix;
        var invalid = api.post("/api/v1/stock-events", amsterdamOperator, ApiClient.json(Map.of("events", List.of(
                Map.of("type", "receipt", "depot", depot, "item", "drinking-water", "lot", lot,
                        "expiry", today().plusDays(50).toString(), "quantity", 10),
                Map.of("type", "issue", "depot", depot, "item", "drinking-water", "quantity", -2)))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("events[1].quantity");

        var refused = api.post("/api/v1/stock-events", amsterdamOperator, ApiClient.json(Map.of("events", List.of(
                Map.of("type", "receipt", "depot", depot, "item", "drinking-water", "lot", lot,
                        "expiry", today().plusDays(50).toString(), "quantity", 10),
                Map.of("type", "issue", "depot", depot, "item", "drinking-water", "lot", lot, "quantity", 11)))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).startsWith("events[1]:");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(balance(depot, lot)).isEqualByComparingTo("0");
    }

    @Test
    void operatorsOfAnotherMunicipalityCannotTouchTheDepot() {
        String groningen = api.token(user("GM0014", "operator"), PASSWORD);
        long before = eventCount();
        var refused = event(groningen, Map.of("type", "receipt", "depot", depot, "item", "drinking-water", "lot", "Z" + lotSuffix,
                "expiry", today().plusDays(50).toString(), "quantity", 10));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void racingIssuesNeverTakeMoreThanThereIsAndBalancesEqualTheirEvents() throws Exception {
        String lot = "R" + lotSuffix;
        receive(depot, lot, today().plusDays(80), 10);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 25; i++) {
                answers.add(pool.submit(() -> event(amsterdamOperator, Map.of("type", "issue", "depot", depot,
                        "item", "drinking-water", "lot", lot, "quantity", 1)).status()));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        assertThat(balance(depot, lot)).isEqualByComparingTo("0");
        assertBalancesEqualTheirEvents();
    }

    @Test
    void concurrentFirstReceiptsIntoOneNewLotAllArrive() throws Exception {
        String lot = "F" + lotSuffix;
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 32; i++) {
                answers.add(pool.submit(() -> event(amsterdamOperator, Map.of("type", "receipt", "depot", depot,
                        "item", "drinking-water", "lot", lot, "expiry", today().plusDays(90).toString(), "quantity", 1))));
            }
        }
        for (Future<ApiClient.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        }
        assertThat(balance(depot, lot)).isEqualByComparingTo("32");
        assertBalancesEqualTheirEvents();
    }

    /** Without one order of locks, the second batch of each pair waits for the first in a circle: a deadlock. */
    @Test
    void batchesTouchingTheSameLotsInOppositeOrdersAllArrive() throws Exception {
        String first = "A" + lotSuffix;
        String second = "B" + lotSuffix;
        receive(depot, first, today().plusDays(60), 100);
        receive(depot, second, today().plusDays(70), 100);
        String third = "C" + lotSuffix;
        String fourth = "D" + lotSuffix;
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 40; i++) {
                List<Object> events = List.of(issue(first), issue(second), newReceipt(third), newReceipt(fourth));
                List<Object> ordered = i % 2 == 0 ? events : events.reversed();
                answers.add(pool.submit(() -> api.post("/api/v1/stock-events", amsterdamOperator,
                        ApiClient.json(Map.of("events", ordered)))));
            }
        }
        for (Future<ApiClient.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
        }
        assertThat(balance(depot, first)).isEqualByComparingTo("60");
        assertThat(balance(depot, second)).isEqualByComparingTo("60");
        assertThat(balance(depot, third)).isEqualByComparingTo("40");
        assertThat(balance(depot, fourth)).isEqualByComparingTo("40");
        assertBalancesEqualTheirEvents();
    }

    private Map<String, Object> issue(String lot) {
        return Map.of("type", "issue", "depot", depot, "item", "drinking-water", "lot", lot, "quantity", 1);
    }

    private Map<String, Object> newReceipt(String lot) {
        return Map.of("type", "receipt", "depot", depot, "item", "drinking-water", "lot", lot,
                "expiry", today().plusDays(120).toString(), "quantity", 1);
    }

    private void assertBalancesEqualTheirEvents() {
        long mismatches = jdbc.sql("""
                        select count(*) from stock_balance b
                        where b.quantity <> (select coalesce(sum(e.quantity), 0) from stock_event e
                                             where e.depot_id = b.depot_id and e.lot_id = b.lot_id)""")
                .query(Long.class).single();
        assertThat(mismatches).isZero();
    }

    @Test
    void theLedgerIsAppendOnly() {
        receive(depot, "P" + lotSuffix, today().plusDays(50), 1);
        assertThatThrownBy(() -> jdbc.sql("update stock_event set quantity = 1000").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from stock_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void coverageCountsDaysOfSupplyInsideAndFromFartherAway() {
        String place = "GM0200"; // Apeldoorn: the demo stock (when a test loaded it) may hold water there too
        String coverageUrl = "/api/v1/stock/coverage?area=" + place + "&item=drinking-water&dependentShare=0.1";
        BigDecimal insideBefore = api.get(coverageUrl, admin).json().get("stockInside").decimalValue();
        long local = createDepot(admin, "municipal", place);
        long regional = createDepot(admin, "regional", place);
        String operator = api.token(user("NL", "operator"), PASSWORD);
        for (long target : List.of(local, regional)) {
            var received = event(operator, Map.of("type", "receipt", "depot", target, "item", "drinking-water",
                    "lot", "COV-" + target + lotSuffix, "expiry", today().plusDays(200).toString(), "quantity", 60000));
            assertThat(received.status()).isEqualTo(201);
        }

        JsonNode coverage = api.get(coverageUrl, admin).json();

        long population = coverage.get("population").asLong();
        assertThat(population).isGreaterThan(160_000);
        double dailyNeed = population * 0.1 * 3;
        BigDecimal inside = coverage.get("stockInside").decimalValue();
        assertThat(inside.subtract(insideBefore)).isEqualByComparingTo("60000");
        assertThat(coverage.get("daysInside").asDouble()).isCloseTo(inside.doubleValue() / dailyNeed, org.assertj.core.data.Offset.offset(0.001));
        assertThat(coverage.get("stockFarther").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("60000"));
        assertThat(coverage.get("explanation").asString()).contains("3 l per person per day");
    }

    @Test
    void expiryReportBucketsLotsByDaysLeft() {
        String soon = "SOON" + lotSuffix;
        LocalDate received = today();
        receive(depot, soon, received.plusDays(25), 4);
        JsonNode report = api.get("/api/v1/stock/expiry?area=GM0363", admin).json();
        JsonNode lot = report.get("lots").valueStream().filter(l -> l.get("lot").get("lot").asString().equals(soon)).findFirst()
                .orElseThrow();
        // the report counts from its own date: the day of the receipt, or the next when midnight passed in between
        LocalDate reportDate = LocalDate.parse(report.get("date").asString());
        assertThat(reportDate).isBetween(received, received.plusDays(1));
        assertThat(lot.get("bucket").asString()).isEqualTo("WITHIN_30_DAYS");
        assertThat(lot.get("daysLeft").asLong()).isEqualTo(ChronoUnit.DAYS.between(reportDate, received.plusDays(25)));
    }

    @Test
    void csvInventoryImportsAllOrNothingNamingEveryBadRow() {
        String lot = "CSV" + lotSuffix;
        String expiry = today().plusDays(120).toString();
        long before = eventCount();
        var bad = api.send("POST", "/api/v1/stock-events/import", amsterdamOperator, """
                type,depot,item,lot,expiry,quantity
                receipt,%d,drinking-water,%s,%s,100
                receipt,%d,drinking-water,%s,%s,veel
                receipt,%d,unknown-item,%s,%s,5
                """.formatted(depot, lot, expiry, depot, lot, expiry, depot, lot, expiry), "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList())
                .contains("row 3: quantity", "row 4: item");
        assertThat(eventCount()).isEqualTo(before);

        var good = api.send("POST", "/api/v1/stock-events/import", amsterdamOperator, """
                type,depot,item,lot,expiry,quantity,documentNumber
                receipt,%d,drinking-water,%s,%s,100,INV-1
                issue,%d,drinking-water,%s,,30,INV-2
                """.formatted(depot, lot, expiry, depot, lot), "text/csv");
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(good.json().get("events").asInt()).isEqualTo(2);
        assertThat(balance(depot, lot)).isEqualByComparingTo("70");

        var export = api.get("/api/v1/stock/export?depot=" + depot, admin);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.body()).startsWith("depot,depotName,item,lot,expiry,quantity").contains(lot + "," + expiry + ",70.000");
    }
}
