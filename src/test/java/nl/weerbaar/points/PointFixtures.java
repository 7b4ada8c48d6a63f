package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Users and points for the points tests, each with a unique name and a position of its own. */
final class PointFixtures {

    static final String PASSWORD = "support-point-tests";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApiClient api;
    private final String admin;

    PointFixtures(ApiClient api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /** A token of a new user with a role in an organisation. */
    String token(String organisation, String role) {
        String username = "pt-" + role + "-" + organisation.toLowerCase() + "-" + System.nanoTime() % 1_000_000
                + "-" + SEQUENCE.incrementAndGet();
        var created = api.post("/api/v1/users", admin, ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "organisation", organisation, "role", role)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return api.token(username, PASSWORD);
    }

    /** A valid point in central Amsterdam (GM0363) at a random spot, so no two tests share a position. */
    static Map<String, Object> amsterdamPoint(String name) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("name", name + " " + SEQUENCE.incrementAndGet());
        point.put("tier", "local");
        point.put("buildingKind", "community-centre");
        point.put("address", "Testplein 1, Amsterdam");
        point.put("lat", 52.355 + random.nextDouble() * 0.03);
        point.put("lon", 4.87 + random.nextDouble() * 0.05);
        point.put("municipality", "GM0363");
        point.put("capabilities", List.of("information", "drinking-water", "phone-charging"));
        point.put("capacity", Map.of("persons", 120, "overnight", 0));
        point.put("backupPower", Map.of("generator", true, "fuelAutonomyHours", 48));
        point.put("communications", List.of("radio"));
        point.put("public", true);
        return point;
    }

    JsonNode create(Map<String, Object> point) {
        var created = api.post("/api/v1/support-points", admin, ApiClient.json(point));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }
}
