package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.system.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Single events booked together in one transaction: each still checked, scoped, refused and audited as its own. */
@IntegrationTest
class StockBookingTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "stock-booking-password";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    StockBooking booking;

    ApiClient api;
    String admin;
    long amsterdamDepot;
    long utrechtDepot;
    String suffix;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
        amsterdamDepot = depot("GM0363", 52.37, 4.89);
        utrechtDepot = depot("GM0344", 52.09, 5.12);
        suffix = "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private long depot(String municipality, double lat, double lon) {
        var response = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Booking depot " + SEQUENCE.incrementAndGet(),
                "level", "municipal", "municipality", municipality, "lat", lat, "lon", lon)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private StockEventRequest receipt(long depot, String lot, LocalDate expiry, int quantity) {
        return new StockEventRequest("receipt", depot, "drinking-water", lot, expiry, java.math.BigDecimal.valueOf(quantity),
                null, null, null, null);
    }

    @Test
    void aRefusedEventIsAnsweredOnItsOwnAndTheOthersAreBookedWithTheirOwnActorAndRequest() {
        LocalDate today = LocalDate.now(clock);
        Actor amsterdam = new Actor(api.createUser(admin, "GM0363", "operator", PASSWORD), "GM0363", Role.OPERATOR);
        Actor national = new Actor("admin", "NL", Role.ADMIN);
        var booked = new StockBooking.Waiting(new StockLedger.Submission(amsterdam, "req-a" + suffix,
                receipt(amsterdamDepot, "OK" + suffix, today.plusDays(30), 5)));
        var outOfScope = new StockBooking.Waiting(new StockLedger.Submission(amsterdam, "req-b" + suffix,
                receipt(utrechtDepot, "FAR" + suffix, today.plusDays(30), 5)));
        var expired = new StockBooking.Waiting(new StockLedger.Submission(national, "req-c" + suffix,
                receipt(amsterdamDepot, "OLD" + suffix, today.minusDays(1), 5)));
        var alsoBooked = new StockBooking.Waiting(new StockLedger.Submission(national, "req-d" + suffix,
                receipt(utrechtDepot, "OK" + suffix, today.plusDays(30), 7)));

        booking.bookTogether(List.of(booked, outOfScope, expired, alsoBooked));

        assertThat(booked.booked().join()).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo(amsterdam.username());
            assertThat(event.depot()).isEqualTo(amsterdamDepot);
        });
        assertThat(alsoBooked.booked().join()).singleElement().satisfies(event -> assertThat(event.actor()).isEqualTo("admin"));
        assertThat(outOfScope.booked()).isCompletedExceptionally();
        assertThat(catchCause(outOfScope)).isInstanceOf(AccessDeniedException.class);
        assertThat(catchCause(expired)).isInstanceOf(DomainException.Unusable.class).hasMessageContaining("expired");
        assertThat(jdbc.sql("select count(*) from stock_lot where lot_number in (:lots)")
                .param("lots", List.of("FAR" + suffix, "OLD" + suffix)).query(Long.class).single())
                .as("a refused event writes nothing, not even its lot").isZero();
        for (var waiting : List.of(booked, alsoBooked)) {
            RecordedEvent event = waiting.booked().join().getFirst();
            var entry = jdbc.sql("select actor, organisation, request_id from audit_entry where entity_type = 'stock-event' and entity_id = :id")
                    .param("id", String.valueOf(event.id())).query().singleRow();
            assertThat(entry).containsEntry("actor", waiting.submission().actor().username())
                    .containsEntry("organisation", waiting.submission().actor().organisation())
                    .containsEntry("request_id", waiting.submission().requestId());
        }
    }

    private static Throwable catchCause(StockBooking.Waiting waiting) {
        try {
            waiting.booked().join();
            throw new AssertionError("expected a refusal");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void concurrentSingleEventsOfManyRequestsEachCommitOnceWithTheirOwnRequestIdInTheAudit() throws Exception {
        String token = api.token(api.createUser(admin, "GM0363", "operator", PASSWORD), PASSWORD);
        String lot = "C" + suffix;
        LocalDate expiry = LocalDate.now(clock).plusDays(60);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 48; i++) {
                int quantity = i + 1;
                answers.add(pool.submit(() -> api.post("/api/v1/stock-events", token, ApiClient.json(Map.of("type", "receipt",
                        "depot", amsterdamDepot, "item", "drinking-water", "lot", lot, "expiry", expiry.toString(),
                        "quantity", quantity)))));
            }
        }
        for (Future<ApiClient.Response> future : answers) {
            ApiClient.Response answer = future.get();
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            var event = answer.json().get("items").get(0);
            String requestId = jdbc.sql("select request_id from audit_entry where entity_type = 'stock-event' and entity_id = :id")
                    .param("id", event.get("id").asString()).query(String.class).single();
            assertThat(requestId).isEqualTo(answer.header("X-Request-ID"));
        }
        assertThat(jdbc.sql("""
                        select b.quantity from stock_balance b join stock_lot l on l.id = b.lot_id
                        where b.depot_id = :depot and l.lot_number = :lot""")
                .param("depot", amsterdamDepot).param("lot", lot).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(String.valueOf(48 * 49 / 2));
    }
}
