package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.stock.StockReports;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** What a run reads from the other modules, for a municipality of its own. */
@IntegrationTest
class PlanInputsTest {

    private static final String ZWOLLE = "GM0193";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    PlanInputs inputs;
    @Autowired
    ScenarioValidator validator;
    @Autowired
    UserAccounts users;
    @Autowired
    StockReports stock;
    @Autowired
    Areas areas;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void residentsLiveInPostcodeAreasAddingUpToTheMunicipalityAndGoOnlyToPublicPointsOfTheChosenTiers() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long open = point(api, admin, "Sporthal Zwolle-Zuid", "hub", true);
        long shelter = point(api, admin, "Opvang kwetsbaren Zwolle", "hub", false);
        long local = point(api, admin, "Buurthuis Zwolle", "local", true);

        Scenario scenario = validator.validate(new ScenarioInput("Zwolle", null, "power-outage", List.of(ZWOLLE),
                "2026-12-01T06:00:00+01:00", 48, null, null, null, List.of("hub"), null, null, null, null, null, null, null, null, null, null));
        PlanInput input = asAdmin(() -> inputs.collect(scenario));

        assertThat(input.points()).extracting(PlanInput.PointSite::id).contains(open).doesNotContain(shelter, local);
        assertThat(input.zones()).allSatisfy(zone -> assertThat(zone.municipality()).isEqualTo(ZWOLLE));
        double residents = input.zones().stream().mapToDouble(PlanInput.Zone::population).sum();
        assertThat(residents).isCloseTo(130_000, org.assertj.core.data.Offset.offset(10_000.0));
        assertThat(input.items()).extracting(PlanInput.ItemNeed::item).containsExactly("drinking-water", "emergency-ration");
    }

    /**
     * The stock a regional run reads is filtered by the database: the same lots, in the same order,
     * as when every balance in the country was read and filtered here.
     */
    @Test
    void aRegionalScenarioReadsTheSameStockAsFromEveryBalanceInTheCountry() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        LocalDate today = LocalDate.now(clock);
        String suffix = "-PI" + System.nanoTime();
        long national = depot(api, admin, "national", "GM0363");
        long zwolle = depot(api, admin, "municipal", ZWOLLE);
        receive(api, admin, zwolle, "drinking-water", "whole" + suffix, today.plusDays(200), "120");
        receive(api, admin, zwolle, "drinking-water", "fraction" + suffix, today.plusDays(200), "0.5");
        receive(api, admin, national, "drinking-water", "rounded" + suffix, today.plusDays(200), "2.7");
        receive(api, admin, national, "emergency-ration", "expired" + suffix, today.plusDays(3), "40");
        receive(api, admin, national, "emergency-ration", "blocked" + suffix, today.plusDays(300), "50");
        receive(api, admin, zwolle, "power-bank", "other-item" + suffix, today.plusDays(300), "60");
        jdbc.sql("update stock_lot set expiry = :past where lot_number = :lot")
                .param("past", today.minusDays(2)).param("lot", "expired" + suffix).update();
        assertThat(api.post("/api/v1/items/emergency-ration/lots/blocked" + suffix + "/blocking", admin,
                "{\"reason\": \"terugroepactie\"}").status()).isEqualTo(204);

        Scenario scenario = validator.validate(new ScenarioInput("IJsselland", null, "power-outage", List.of("VR04"),
                "2026-12-01T06:00:00+01:00", 48, null, null, null, List.of("hub"), null, null, null, null, null, null, null, null, null, null));
        PlanInput input = asAdmin(() -> inputs.collect(scenario));

        Set<String> items = Set.of("drinking-water", "emergency-ration");
        List<PlanInput.StockLot> fromEveryBalance = asAdmin(() -> stock.balances(null, null)).stream()
                .filter(b -> !b.blocked() && b.quantity().compareTo(BigDecimal.ONE) >= 0 && items.contains(b.item()))
                .map(b -> new PlanInput.StockLot(b.depot(), b.item(), b.lot(), b.expiry(),
                        b.quantity().setScale(0, RoundingMode.FLOOR).longValueExact()))
                .toList();
        assertThat(input.lots()).containsExactlyElementsOf(fromEveryBalance);
        assertThat(input.lots()).extracting(PlanInput.StockLot::lot).contains("whole" + suffix, "rounded" + suffix, "expired" + suffix)
                .doesNotContain("fraction" + suffix, "blocked" + suffix, "other-item" + suffix);
        assertThat(input.lots()).filteredOn(lot -> lot.lot().equals("rounded" + suffix))
                .extracting(PlanInput.StockLot::quantity).containsExactly(2L);
        assertThat(input.zones().stream().map(PlanInput.Zone::municipality).collect(Collectors.toSet()))
                .isEqualTo(areas.municipalitiesInRegion("VR04").stream().map(m -> m.code()).collect(Collectors.toSet()));
    }

    private static long depot(ApiClient api, String admin, String level, String municipality) {
        var created = api.post("/api/v1/depots", admin, ApiClient.json(Map.of(
                "name", "Plan depot " + System.nanoTime(), "level", level, "municipality", municipality,
                "lat", 52.5, "lon", 6.1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void receive(ApiClient api, String admin, long depot, String item, String lot, LocalDate expiry,
                                String quantity) {
        var received = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "receipt", "depot", depot,
                "item", item, "lot", lot, "expiry", expiry.toString(), "quantity", new BigDecimal(quantity),
                "documentNumber", "PAKBON-PI")));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    /** Inputs are gathered with the caller's rights, as on a request thread. */
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

    private static long point(ApiClient api, String admin, String name, String tier, boolean isPublic) {
        var created = api.post("/api/v1/support-points", admin, ApiClient.json(Map.of(
                "name", name + " " + System.nanoTime(), "tier", tier, "buildingKind", "sports-hall",
                "address", "Testlaan 1, Zwolle", "lat", 52.505, "lon", 6.09, "municipality", ZWOLLE,
                "capabilities", List.of("information"), "capacity", Map.of("persons", 200, "overnight", 0),
                "public", isPublic)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
