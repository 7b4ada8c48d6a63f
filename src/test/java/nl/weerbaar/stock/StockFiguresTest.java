package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.Metrics;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Committed stock events are counted by type; a stock below the threshold of usable units counts as low. */
@IntegrationTest
@TimeDependent
class StockFiguresTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RECEIPTS = "weerbaar_stock_events_total{type=\"receipt\"}";
    private static final String ISSUES = "weerbaar_stock_events_total{type=\"issue\"}";
    private static final String LOW = "weerbaar_stock_balances_low{below=\"100\"}";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void eventsAreCountedOnceCommittedAndAStockBelowTheThresholdIsLow() {
        ApiClient api = new ApiClient(port);
        Metrics metrics = new Metrics(port);
        String admin = api.token("admin", adminPassword);
        var depot = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Metriekdepot " + SEQUENCE.incrementAndGet(),
                "level", "municipal", "municipality", "GM0363", "lat", 52.37, "lon", 4.89)));
        assertThat(depot.status()).as(depot.body()).isEqualTo(201);
        long depotId = depot.json().get("id").asLong();
        double receipts = metrics.valueOf(RECEIPTS), issues = metrics.valueOf(ISSUES), low = metrics.valueOf(LOW);
        LocalDate expiry = LocalDate.now(clock).plusYears(1);

        var received = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "receipt", "depot", depotId,
                "item", "drinking-water", "lot", "METRIEK-" + System.nanoTime(), "expiry", expiry.toString(), "quantity", 150)));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(metrics.valueOf(RECEIPTS)).isEqualTo(receipts + 1);
        assertThat(metrics.valueOf(LOW)).as("150 usable units are not low").isEqualTo(low);

        var tooMuch = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "issue", "depot", depotId,
                "item", "drinking-water", "quantity", 1000)));
        assertThat(tooMuch.status()).isBetween(400, 499);
        assertThat(metrics.valueOf(ISSUES)).as("a refused event is not counted").isEqualTo(issues);

        var issued = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "issue", "depot", depotId,
                "item", "drinking-water", "quantity", 60)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(metrics.valueOf(ISSUES)).isEqualTo(issues + 1);
        assertThat(metrics.valueOf(LOW)).as("90 usable units are below 100").isEqualTo(low + 1);
    }
}
