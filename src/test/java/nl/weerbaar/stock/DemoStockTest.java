package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.system.DemoDataSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TimeDependent
class DemoStockTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    DemoStockLoader loader;
    @Autowired
    StockCatalogue catalogue;
    @Autowired
    Areas areas;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theSameStockEveryTimeForTheSameDayAtEveryLevelScaledByPopulation() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        DemoStock.Stock stock = DemoStock.generate(areas.regions(), areas.municipalities(), day);

        assertThat(DemoStock.generate(areas.regions(), areas.municipalities(), day)).isEqualTo(stock);
        Map<String, Long> levels = stock.depots().stream().collect(Collectors.groupingBy(DemoStock.DemoDepot::level, Collectors.counting()));
        assertThat(levels).containsExactlyInAnyOrderEntriesOf(Map.of("national", 3L, "regional", 25L, "municipal", 40L));
        assertThat(stock.depots()).allMatch(depot -> depot.name().endsWith("(demo)"));
        assertThat(stock.receipts().stream().map(DemoStock.Receipt::item).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(stock.receipts()).allMatch(r -> r.quantity() > 0 && r.documentNumber().startsWith("DEMO-")
                && (r.expiry() == null || r.expiry().isAfter(day)));
        // One lot number is one expiry everywhere, as the ledger demands.
        assertThat(stock.receipts().stream().collect(Collectors.groupingBy(r -> r.item() + "/" + r.lot(),
                Collectors.mapping(DemoStock.Receipt::expiry, Collectors.toSet()))).values()).allMatch(expiries -> expiries.size() == 1);

        Map<String, Long> water = stock.receipts().stream().filter(r -> r.item().equals("drinking-water"))
                .collect(Collectors.groupingBy(DemoStock.Receipt::depot, Collectors.summingLong(DemoStock.Receipt::quantity)));
        for (Region region : areas.regions()) {
            assertThat(water.get(region.code())).as(region.code()).isBetween(40_000L, 350_000L);
        }
        Region largest = areas.regions().stream().max((a, b) -> Long.compare(a.population(), b.population())).orElseThrow();
        Region smallest = areas.regions().stream().min((a, b) -> Long.compare(a.population(), b.population())).orElseThrow();
        assertThat(water.get(largest.code())).isGreaterThan(water.get(smallest.code()));
        assertThat(water.get("NL-MIDDEN")).isGreaterThan(water.values().stream()
                .filter(q -> q < 400_000).max(Long::compare).orElseThrow());
        long expiringWithinTwoWeeks = stock.receipts().stream()
                .filter(r -> r.expiry() != null && r.expiry().isBefore(day.plusDays(14))).count();
        assertThat(expiringWithinTwoWeeks).as("lots that expire within two weeks").isGreaterThan(20);
        assertThat(expiringWithinTwoWeeks).as("most stock keeps").isLessThan(stock.receipts().size() / 5);
    }

    @Test
    void loadedOnceThroughTheLedgerMarkedDemoWithLotsExpiringSoonAndAudited() {
        List<String> progress = new ArrayList<>();
        loader.load(false, progress::add);
        List<Depot> demo = catalogue.depots().stream().filter(Depot::demo).toList();
        assertThat(demo).hasSize(68);
        assertThat(demo.stream().map(Depot::level).distinct()).containsExactlyInAnyOrder("national", "regional", "municipal");
        assertThat(demo).allMatch(depot -> depot.name().contains("(demo)"));
        long items = jdbc.sql("""
                        select count(distinct l.item_code) from stock_balance b join stock_lot l on l.id = b.lot_id
                        join depot d on d.id = b.depot_id where d.demo and b.quantity > 0""")
                .query(Long.class).single();
        assertThat(items).isGreaterThanOrEqualTo(8);
        long expiringSoon = jdbc.sql("""
                        select count(*) from stock_balance b join stock_lot l on l.id = b.lot_id join depot d on d.id = b.depot_id
                        where d.demo and b.quantity > 0 and l.expiry between :today and :inTwoWeeks""")
                .param("today", LocalDate.now(clock)).param("inTwoWeeks", LocalDate.now(clock).plusDays(14))
                .query(Long.class).single();
        assertThat(expiringSoon).as("demo balances in lots that expire within two weeks").isGreaterThan(0);
        long regionalWater = jdbc.sql("""
                        select coalesce(sum(b.quantity), 0) from stock_balance b join stock_lot l on l.id = b.lot_id
                        join depot d on d.id = b.depot_id
                        where d.demo and d.level = 'regional' and d.area_code = 'VR13' and l.item_code = 'drinking-water'""")
                .query(BigDecimal.class).single().longValue();
        assertThat(regionalWater).isBetween(50_000L, 300_000L);
        long events = demoEvents();
        assertThat(events).isGreaterThan(68L * 8);
        assertThat(jdbc.sql("select count(*) from stock_event e join depot d on d.id = e.depot_id where d.demo and "
                + "(e.type <> 'receipt' or e.reason <> 'demo' or e.document_number not like 'DEMO-%')").query(Long.class).single())
                .as("demo stock arrives as receipts with reason demo and a DEMO- document").isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'stock.demo-loaded'").query(Long.class).single())
                .isEqualTo(1);

        DemoDataSet.Outcome again = loader.load(false, progress::add);
        assertThat(again.loaded()).as("a second load changes nothing").isFalse();
        assertThat(again.message()).contains("loaded already (68 demo depots)");
        assertThat(loader.load(true, progress::add).loaded()).isFalse();
        assertThat(catalogue.depots().stream().filter(Depot::demo)).hasSize(68);
        assertThat(demoEvents()).isEqualTo(events);

        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        JsonNode depots = api.get("/api/v1/depots", admin).json().get("items");
        List<JsonNode> listed = new ArrayList<>();
        depots.forEach(depot -> {
            if (depot.get("name").asString().endsWith("(demo)")) {
                listed.add(depot);
            }
        });
        assertThat(listed).hasSize(68).allMatch(depot -> depot.get("demo").asBoolean());
    }

    private long demoEvents() {
        return jdbc.sql("select count(*) from stock_event e join depot d on d.id = e.depot_id where d.demo")
                .query(Long.class).single();
    }
}
