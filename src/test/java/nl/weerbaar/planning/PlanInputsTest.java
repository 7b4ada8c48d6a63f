package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.weerbaar.access.UserAccounts;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    @Test
    void residentsLiveInPostcodeAreasAddingUpToTheMunicipalityAndGoOnlyToPublicPointsOfTheChosenTiers() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        long open = point(api, admin, "Sporthal Zwolle-Zuid", "hub", true);
        long shelter = point(api, admin, "Opvang kwetsbaren Zwolle", "hub", false);
        long local = point(api, admin, "Buurthuis Zwolle", "local", true);

        Scenario scenario = validator.validate(new ScenarioInput("Zwolle", null, "power-outage", List.of(ZWOLLE),
                "2026-12-01T06:00:00+01:00", 48, null, null, null, List.of("hub"), null, null, null, null, null, null, null, null, null));
        PlanInput input = asAdmin(() -> inputs.collect(scenario));

        assertThat(input.points()).extracting(PlanInput.PointSite::id).contains(open).doesNotContain(shelter, local);
        assertThat(input.zones()).allSatisfy(zone -> assertThat(zone.municipality()).isEqualTo(ZWOLLE));
        double residents = input.zones().stream().mapToDouble(PlanInput.Zone::population).sum();
        assertThat(residents).isCloseTo(130_000, org.assertj.core.data.Offset.offset(10_000.0));
        assertThat(input.items()).extracting(PlanInput.ItemNeed::item).containsExactly("drinking-water", "emergency-ration");
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
