package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tries every mutating endpoint the application has, found at run time, as an anonymous caller,
 * as a user whose role is too low, and as an admin of another area; each must be refused and
 * nothing may be written. An endpoint added later is picked up by itself; the wrong-scope try
 * needs a request aimed at Amsterdam, so a new API write without one in {@link #SCOPE_PROBES}
 * fails this test until its probe is added.
 */
@IntegrationTest
class WriteProtectionTest {

    private static final String PASSWORD = "write-protection-probe";

    /** Writes any logged-in user may do for themselves. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /api/v1/tokens");

    private static final String AMSTERDAM_POINT = """
            {"name":"Probe steunpunt","tier":"local","buildingKind":"community-centre","lat":52.3731,"lon":4.8922,
             "municipality":"GM0363","capabilities":["information"]}""";

    /**
     * Resources in Amsterdam that probes of {@code {id}} paths act on: created by the national
     * admin before the probes run, each placeholder replaced by the id the creation answered.
     */
    private static final Map<String, Probe> AMSTERDAM_FIXTURES = Map.of(
            "{amsterdam-support-point}", new Probe("/api/v1/support-points", AMSTERDAM_POINT));

    /** Per write: a path and body that act in Amsterdam (GM0363, region VR13). */
    private static final Map<String, Probe> SCOPE_PROBES = Map.of(
            "POST /api/v1/users", new Probe("/api/v1/users",
                    "{\"username\":\"probe-user\",\"password\":\"probe-password-123\",\"organisation\":\"GM0363\",\"role\":\"viewer\"}"),
            "POST /api/v1/organisations", new Probe("/api/v1/organisations",
                    "{\"code\":\"PROBE-PARTNER\",\"name\":\"Probe\",\"areas\":[\"GM0363\"]}"),
            "POST /api/v1/support-points", new Probe("/api/v1/support-points", AMSTERDAM_POINT),
            "PUT /api/v1/support-points/{id}", new Probe("/api/v1/support-points/{amsterdam-support-point}", AMSTERDAM_POINT),
            "DELETE /api/v1/support-points/{id}", new Probe("/api/v1/support-points/{amsterdam-support-point}", "{}"),
            "PUT /api/v1/support-points/{id}/status", new Probe("/api/v1/support-points/{amsterdam-support-point}/status",
                    "{\"status\":\"open\",\"occupancy\":1}"),
            "POST /api/v1/support-points/import", new Probe("/api/v1/support-points/import",
                    "name,tier,buildingKind,lat,lon,municipality\nProbe,local,school,52.3731,4.8922,GM0363\n"),
            "POST /api/v1/support-points/activation", new Probe("/api/v1/support-points/activation",
                    "{\"area\":\"GM0363\",\"status\":\"open\"}"));

    record Probe(String path, String body) {}

    record Endpoint(String method, String pattern) {
        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        /** The pattern with each path variable filled in, e.g. /api/v1/things/{id} → /api/v1/things/1. */
        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", "1");
        }
    }

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWriteIsRefusedToAnonymousWrongRoleAndWrongScopeAndWritesNothing() {
        ApiClient api = new ApiClient(port);
        List<Endpoint> endpoints = mutatingEndpoints();
        assertThat(endpoints).extracting(Endpoint::key).contains("POST /api/v1/users", "POST /api/v1/organisations");

        String admin = api.token("admin", adminPassword);
        String viewer = api.token(createUser(api, admin, "probe-viewer-nl", "NL", "viewer"), PASSWORD);
        String otherAreaAdmin = api.token(createUser(api, admin, "probe-admin-gm0014", "GM0014", "admin"), PASSWORD);
        Map<String, String> fixtureIds = createAmsterdamFixtures(api, admin);
        Map<String, Long> rowsBefore = rowCounts();

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            Probe probe = withFixtureIds(SCOPE_PROBES.getOrDefault(endpoint.key(), new Probe(endpoint.samplePath(), "{}")), fixtureIds);
            int anonymous = api.send(endpoint.method(), probe.path(), null, probe.body()).status();
            if (endpoint.api()) {
                softly.assertThat(anonymous).as("anonymous %s", endpoint.key()).isEqualTo(401);
            } else {
                softly.assertThat(anonymous).as("anonymous %s", endpoint.key()).isIn(302, 401, 403);
            }
            if (!endpoint.api() || SELF_SERVICE.contains(endpoint.key())) {
                continue;
            }
            softly.assertThat(api.send(endpoint.method(), probe.path(), viewer, probe.body()).status())
                    .as("viewer of NL on %s", endpoint.key()).isEqualTo(403);
            softly.assertThat(SCOPE_PROBES).as("a scope probe for %s", endpoint.key()).containsKey(endpoint.key());
            if (SCOPE_PROBES.containsKey(endpoint.key())) {
                softly.assertThat(api.send(endpoint.method(), probe.path(), otherAreaAdmin, probe.body()).status())
                        .as("admin of GM0014 on %s (Amsterdam)", endpoint.key()).isEqualTo(403);
            }
        }
        softly.assertThat(rowCounts()).as("rows per table after all refused writes").isEqualTo(rowsBefore);
        softly.assertAll();
    }

    private static Map<String, String> createAmsterdamFixtures(ApiClient api, String adminToken) {
        Map<String, String> ids = new LinkedHashMap<>();
        AMSTERDAM_FIXTURES.forEach((placeholder, creation) -> {
            var created = api.post(creation.path(), adminToken, creation.body());
            assertThat(created.status()).as("fixture %s: %s", placeholder, created.body()).isEqualTo(201);
            ids.put(placeholder, created.json().get("id").asString());
        });
        return ids;
    }

    private static Probe withFixtureIds(Probe probe, Map<String, String> ids) {
        String path = probe.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return new Probe(path, probe.body());
    }

    private List<Endpoint> mutatingEndpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // A mapping without a method restriction accepts writes too.
            List<String> writes = methods.isEmpty() ? List.of("POST")
                    : methods.stream().map(Enum::name).filter(m -> !m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (String method : writes) {
                    if (seen.add(method + " " + pattern)) {
                        endpoints.add(new Endpoint(method, pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list()
                .forEach(table -> counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
        return counts;
    }

    private static String createUser(ApiClient api, String adminToken, String prefix, String organisation, String role) {
        String username = prefix + "-" + System.nanoTime() % 1_000_000;
        var response = api.post("/api/v1/users", adminToken, ApiClient.json(Map.of(
                "username", username, "password", PASSWORD, "organisation", organisation, "role", role)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return username;
    }
}
