package nl.weerbaar.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.Region;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Days of supply of every region at once and the expiry report, filtered and added up by the
 * database, against the same figures worked out here from every balance in the country.
 */
@IntegrationTest
@TimeDependent
class StockCoverageTest {

    private static final String ZWOLLE = "GM0193";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    StockReports reports;
    @Autowired
    StockCatalogue catalogue;
    @Autowired
    Areas areas;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void everyRegionsCoverageFromOneQueryEqualsTheCoverageWorkedOutFromEveryBalance() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        LocalDate today = LocalDate.now(clock);
        String suffix = "-COV" + System.nanoTime();
        long municipal = depot(api, admin, "municipal", ZWOLLE);
        long regional = depot(api, admin, "regional", ZWOLLE);
        long national = depot(api, admin, "national", "GM0363");
        receive(api, admin, municipal, "in-municipality" + suffix, today.plusDays(100), "1000.5");
        receive(api, admin, regional, "in-region" + suffix, today.plusDays(100), "2000");
        receive(api, admin, national, "national" + suffix, today.plusDays(100), "30000");
        receive(api, admin, municipal, "expired" + suffix, today.plusDays(5), "7000");
        receive(api, admin, regional, "blocked" + suffix, today.plusDays(100), "9000");
        jdbc.sql("update stock_lot set expiry = :past where lot_number = :lot")
                .param("past", today.minusDays(1)).param("lot", "expired" + suffix).update();
        assertThat(api.post("/api/v1/items/drinking-water/lots/blocked" + suffix + "/blocking", admin,
                "{\"reason\": \"terugroepactie\"}").status()).isEqualTo(204);

        List<String> codes = new ArrayList<>(areas.regions().stream().map(Region::code).toList());
        codes.add("NL");
        codes.add(ZWOLLE);
        List<StockReports.Coverage> together = asAdmin(() -> reports.coverages(codes, "drinking-water", 0.25));

        List<LotBalance> usable = asAdmin(() -> reports.balances(null, "drinking-water")).stream()
                .filter(b -> !b.blocked() && !b.expired()).toList();
        Map<Long, String> depotArea = asAdmin(catalogue::depots).stream().collect(Collectors.toMap(Depot::id, Depot::area));
        assertThat(together).extracting(StockReports.Coverage::area).containsExactlyElementsOf(codes);
        for (StockReports.Coverage coverage : together) {
            String area = coverage.area();
            assertThat(coverage.stockInside()).as(area + " inside")
                    .isEqualByComparingTo(sum(usable, depotArea, inside(area)));
            assertThat(coverage.stockFarther()).as(area + " farther")
                    .isEqualByComparingTo(sum(usable, depotArea, farther(area)));
            StockReports.Coverage alone = asAdmin(() -> reports.coverage(area, "drinking-water", 0.25));
            assertThat(coverage.daysInside()).as(area).isEqualTo(alone.daysInside());
            assertThat(coverage.daysWithFarther()).as(area).isEqualTo(alone.daysWithFarther());
        }
        StockReports.Coverage ijsselland = together.get(codes.indexOf("VR04"));
        assertThat(ijsselland.stockInside()).as("the municipal and regional depot count, expired and blocked lots do not")
                .isGreaterThanOrEqualTo(new BigDecimal("3000.5"));
        assertThat(together.get(codes.indexOf(ZWOLLE)).stockFarther()).isGreaterThanOrEqualTo(new BigDecimal("32000"));
    }

    @Test
    void theExpiryReportReadsFromTheDatabaseTheLotsItWouldHaveFoundAmongEveryBalance() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        LocalDate today = LocalDate.now(clock);
        String suffix = "-EXP" + System.nanoTime();
        long municipal = depot(api, admin, "municipal", ZWOLLE);
        receive(api, admin, municipal, "last-day" + suffix, today.plusDays(180), "10");
        receive(api, admin, municipal, "one-day-later" + suffix, today.plusDays(181), "10");
        receive(api, admin, municipal, "past" + suffix, today.plusDays(3), "10");
        jdbc.sql("update stock_lot set expiry = :past where lot_number = :lot")
                .param("past", today.minusDays(4)).param("lot", "past" + suffix).update();

        Map<Long, String> depotArea = asAdmin(catalogue::depots).stream().collect(Collectors.toMap(Depot::id, Depot::area));
        List<LotBalance> every = asAdmin(() -> reports.balances(null, null));
        for (String area : List.of("NL", "VR04", ZWOLLE)) {
            StockReports.ExpiryReport report = asAdmin(() -> reports.expiry(area));
            List<LotBalance> expected = every.stream()
                    .filter(b -> b.expiry() != null && !b.expiry().isAfter(report.date().plusDays(180))
                            && depotArea.containsKey(b.depot()) && inside(area).test(depotArea.get(b.depot())))
                    .sorted(Comparator.comparing(LotBalance::expiry)).toList();
            assertThat(report.lots()).extracting(StockReports.ExpiringLot::lot).as(area).containsExactlyElementsOf(expected);
            assertThat(report.lots()).extracting(l -> l.lot().lot()).as(area)
                    .contains("last-day" + suffix, "past" + suffix).doesNotContain("one-day-later" + suffix);
        }
    }

    /** The rule as the stock module wrote it before areas held it: NL all, a region itself and its municipalities. */
    private Predicate<String> inside(String area) {
        List<String> own = areas.municipalitiesInRegion(area).stream().map(Municipality::code).toList();
        return depotArea -> area.equals("NL") || depotArea.equals(area) || own.contains(depotArea);
    }

    private Predicate<String> farther(String area) {
        String region = area.startsWith("GM") ? areas.regionOf(area).orElseThrow() : null;
        return depotArea -> !area.equals("NL") && (depotArea.equals("NL") || depotArea.equals(region));
    }

    private static BigDecimal sum(List<LotBalance> balances, Map<Long, String> depotArea, Predicate<String> which) {
        return balances.stream().filter(b -> depotArea.containsKey(b.depot()) && which.test(depotArea.get(b.depot())))
                .map(LotBalance::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private <T> T asAdmin(Supplier<T> work) {
        UserDetails admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static long depot(ApiClient api, String admin, String level, String municipality) {
        var created = api.post("/api/v1/depots", admin, ApiClient.json(Map.of(
                "name", "Coverage depot " + System.nanoTime(), "level", level, "municipality", municipality,
                "lat", 52.5, "lon", 6.1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void receive(ApiClient api, String admin, long depot, String lot, LocalDate expiry, String quantity) {
        var received = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "receipt", "depot", depot,
                "item", "drinking-water", "lot", lot, "expiry", expiry.toString(), "quantity", new BigDecimal(quantity),
                "documentNumber", "PAKBON-COV")));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }
}
