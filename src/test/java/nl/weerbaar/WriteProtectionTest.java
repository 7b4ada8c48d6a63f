package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
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
@TimeDependent
class WriteProtectionTest {

    private static final String PASSWORD = "write-protection-probe";

    /** Writes any logged-in user may do for themselves. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /api/v1/tokens", "DELETE /api/v1/tokens/current");

    /**
     * POSTs open to everyone because they write nothing: checking a bulletin is for every resident.
     * The row count at the end still proves they wrote nothing.
     */
    private static final Set<String> PUBLIC_CHECKS = Set.of("POST /api/v1/verification");

    /**
     * Writes that authenticate their caller by a secret of their own, not by a user: the SMS gateway
     * signs with the shared secret. A user's token, however high its role, is no such secret: every
     * probe (none carries the secret) must get 401, and writes nothing.
     */
    private static final Set<String> OWN_SECRET = Set.of("POST /api/v1/sms/inbound");

    private static final String AMSTERDAM_EXPENDITURE = "{\"municipality\":\"GM0363\",\"year\":2030,\"kind\":\"spending\","
            + "\"amountCents\":100,\"natoCategory\":\"civil-preparedness\",\"description\":\"probe\",\"bookedOn\":\"2030-01-01\"}";
    private static final String AMSTERDAM_POINT = """
            {"name":"Probe steunpunt","tier":"local","buildingKind":"community-centre","lat":52.3731,"lon":4.8922,
             "municipality":"GM0363","capabilities":["information"]}""";
    private static final String AMSTERDAM_DEPOT =
            "{\"name\":\"Probe\",\"level\":\"municipal\",\"municipality\":\"GM0363\",\"lat\":52.37,\"lon\":4.89}";
    private static final String AMSTERDAM_SCENARIO = "{\"name\":\"Probe scenario\",\"hazard\":\"power-outage\","
            + "\"areas\":[\"GM0363\"],\"start\":\"2026-02-02T06:00:00+01:00\",\"durationHours\":24}";
    private static final String AMSTERDAM_FEED =
            "{\"name\":\"Probe feed\",\"url\":\"http://127.0.0.1:9/probe.atom\",\"area\":\"GM0363\"}";
    private static final String NATIONAL_BUDGET_LINE = "{\"year\":2030,\"source\":\"probe\",\"purpose\":\"campaign\",\"amountCents\":100}";

    /**
     * Per write: a path and body that act in Amsterdam (GM0363, region VR13); for national money
     * (budget lines, allocations, GDP), a valid request that only NL may make. {@code {point}},
     * {@code {depot}}, {@code {bulletin}}, {@code {claim}}, {@code {scenario}}, {@code {run}} (of that
     * scenario) and {@code {user}} (a viewer of GM0363) stand for rows in Amsterdam that the test creates first; {@code {expires}} and
     * {@code {firstSeen}} for a moment after and before the application's now, because a bulletin's
     * expiry and a claim's first sighting are checked against its clock before their area is.
     */
    private static final Map<String, Probe> SCOPE_PROBES = Map.ofEntries(
            Map.entry("POST /api/v1/users", new Probe("/api/v1/users",
                    "{\"username\":\"probe-user\",\"password\":\"probe-password-123\",\"organisation\":\"GM0363\",\"role\":\"viewer\"}")),
            Map.entry("POST /api/v1/organisations", new Probe("/api/v1/organisations",
                    "{\"code\":\"PROBE-PARTNER\",\"name\":\"Probe\",\"areas\":[\"GM0363\"]}")),
            Map.entry("POST /api/v1/funding/budget-lines", new Probe("/api/v1/funding/budget-lines", NATIONAL_BUDGET_LINE)),
            Map.entry("PUT /api/v1/funding/budget-lines/{id}", new Probe("/api/v1/funding/budget-lines/1", NATIONAL_BUDGET_LINE)),
            Map.entry("DELETE /api/v1/funding/budget-lines/{id}", new Probe("/api/v1/funding/budget-lines/1", null)),
            Map.entry("POST /api/v1/funding/allocations", new Probe("/api/v1/funding/allocations",
                    "{\"name\":\"probe\",\"year\":2030,\"budgetLineIds\":[1],\"baseCents\":0,\"areaSharePercent\":0}")),
            Map.entry("POST /api/v1/funding/allocations/{id}/adoption", new Probe("/api/v1/funding/allocations/1/adoption", null)),
            Map.entry("POST /api/v1/funding/expenditures", new Probe("/api/v1/funding/expenditures", AMSTERDAM_EXPENDITURE)),
            Map.entry("PUT /api/v1/funding/expenditures/{id}", new Probe("/api/v1/funding/expenditures/1", AMSTERDAM_EXPENDITURE)),
            Map.entry("POST /api/v1/funding/expenditures/import", new Probe("/api/v1/funding/expenditures/import",
                    "region,municipality,year,kind,amountEur,natoCategory,referenceType,referenceId,description,bookedOn\n"
                            + "VR13,GM0363,2030,spending,1.00,civil-preparedness,,,probe,2030-01-01\n", "text/csv")),
            Map.entry("PUT /api/v1/funding/gdp/{year}", new Probe("/api/v1/funding/gdp/2040",
                    "{\"amountCents\":100,\"source\":\"probe\"}")),
            Map.entry("POST /api/v1/funding/national-spending", new Probe("/api/v1/funding/national-spending",
                    "{\"year\":2030,\"natoCategory\":\"networks\",\"amountCents\":100,\"source\":\"probe\"}")),
            Map.entry("POST /api/v1/items", new Probe("/api/v1/items",
                    "{\"code\":\"probe-item\",\"name\":\"Probe\",\"category\":\"water\",\"unit\":\"l\"}")),
            Map.entry("PUT /api/v1/items/{code}", new Probe("/api/v1/items/drinking-water",
                    "{\"name\":\"Probe\",\"category\":\"water\",\"unit\":\"l\"}")),
            Map.entry("POST /api/v1/items/{code}/lots/{lot}/blocking", new Probe("/api/v1/items/drinking-water/lots/PROBE/blocking",
                    "{\"reason\":\"probe\"}")),
            Map.entry("POST /api/v1/depots", new Probe("/api/v1/depots", AMSTERDAM_DEPOT)),
            Map.entry("PUT /api/v1/depots/{id}", new Probe("/api/v1/depots/{depot}", AMSTERDAM_DEPOT)),
            Map.entry("POST /api/v1/stock-events", new Probe("/api/v1/stock-events",
                    "{\"type\":\"receipt\",\"depot\":{depot},\"item\":\"drinking-water\",\"lot\":\"PROBE\",\"quantity\":5}")),
            Map.entry("POST /api/v1/stock-events/import", new Probe("/api/v1/stock-events/import",
                    "type,depot,item,lot,quantity\nreceipt,{depot},drinking-water,PROBE,5\n", "text/csv")),
            Map.entry("POST /api/v1/support-points", new Probe("/api/v1/support-points", AMSTERDAM_POINT)),
            Map.entry("PUT /api/v1/support-points/{id}", new Probe("/api/v1/support-points/{point}", AMSTERDAM_POINT)),
            Map.entry("DELETE /api/v1/support-points/{id}", new Probe("/api/v1/support-points/{point}", "{}")),
            Map.entry("PUT /api/v1/support-points/{id}/status", new Probe("/api/v1/support-points/{point}/status",
                    "{\"status\":\"open\",\"occupancy\":1}")),
            Map.entry("POST /api/v1/support-points/import", new Probe("/api/v1/support-points/import",
                    "name,tier,buildingKind,lat,lon,municipality\nProbe,local,school,52.3731,4.8922,GM0363\n", "text/csv")),
            Map.entry("POST /api/v1/support-points/activation", new Probe("/api/v1/support-points/activation",
                    "{\"area\":\"GM0363\",\"status\":\"open\"}")),
            Map.entry("POST /api/v1/support-points/relay", new Probe("/api/v1/support-points/relay",
                    "{\"channel\":\"radio\",\"reports\":[{\"point\":{point},\"status\":\"open\"}]}")),
            Map.entry("POST /api/v1/sms/senders", new Probe("/api/v1/sms/senders",
                    "{\"phoneNumber\":\"+31622220000\",\"username\":\"{operator}\"}")),
            Map.entry("DELETE /api/v1/sms/senders/{phoneNumber}", new Probe("/api/v1/sms/senders/{smsNumber}", null)),
            Map.entry("POST /api/v1/bulletins", new Probe("/api/v1/bulletins", bulletinDraft())),
            Map.entry("PUT /api/v1/bulletins/{id}", new Probe("/api/v1/bulletins/{bulletin}", bulletinDraft())),
            Map.entry("POST /api/v1/bulletins/{id}/approval", new Probe("/api/v1/bulletins/{bulletin}/approval", "{}")),
            Map.entry("POST /api/v1/bulletins/{id}/publication", new Probe("/api/v1/bulletins/{bulletin}/publication", "{}")),
            Map.entry("POST /api/v1/cap-imports", new Probe("/api/v1/cap-imports?area=GM0363", capExample())),
            Map.entry("POST /api/v1/claims", new Probe("/api/v1/claims", claim())),
            Map.entry("PUT /api/v1/claims/{id}", new Probe("/api/v1/claims/{claim}", claim())),
            Map.entry("POST /api/v1/scenarios", new Probe("/api/v1/scenarios", AMSTERDAM_SCENARIO)),
            Map.entry("PUT /api/v1/scenarios/{id}", new Probe("/api/v1/scenarios/{scenario}", AMSTERDAM_SCENARIO)),
            Map.entry("DELETE /api/v1/scenarios/{id}", new Probe("/api/v1/scenarios/{scenario}", "{}")),
            Map.entry("POST /api/v1/users/{username}/disabling", new Probe("/api/v1/users/{user}/disabling", null)),
            Map.entry("POST /api/v1/users/{username}/enabling", new Probe("/api/v1/users/{user}/enabling", null)),
            Map.entry("POST /api/v1/users/{username}/token-revocation", new Probe("/api/v1/users/{user}/token-revocation", null)),
            Map.entry("POST /api/v1/scenarios/{id}/copy", new Probe("/api/v1/scenarios/{scenario}/copy", "{\"name\":\"probe\"}")),
            Map.entry("POST /api/v1/scenarios/{id}/runs", new Probe("/api/v1/scenarios/{scenario}/runs", null)),
            Map.entry("POST /api/v1/scenario-runs/{runId}/cancel", new Probe("/api/v1/scenario-runs/{run}/cancel", null)),
            Map.entry("POST /api/v1/scenario-runs/{runId}/routes", new Probe("/api/v1/scenario-runs/{run}/routes",
                    "{\"depot\":1,\"day\":0}")),
            Map.entry("POST /api/v1/organisations/{code}/keys/rotation",
                    new Probe("/api/v1/organisations/GM0363/keys/rotation", "{}")),
            Map.entry("POST /api/v1/organisations/{code}/keys/{kid}/revocation",
                    new Probe("/api/v1/organisations/GM0363/keys/0123456789abcdef/revocation", "{\"reason\":\"probe\"}")),
            Map.entry("POST /api/v1/trust-anchors", new Probe("/api/v1/trust-anchors", "{\"name\":\"Probe\",\"areas\":[\"GM0363\"],"
                    + "\"publicKey\":\"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhcT5AcZ7b0fDsfAYMVJcOjEdRXEq9e2pMxlxQ7RWBx06VzlJUdz1ez8oT8rPhQnHgs9yQFx0Ss1vKEf7PsfCGQ==\"}")),
            Map.entry("POST /api/v1/feed-subscriptions", new Probe("/api/v1/feed-subscriptions", AMSTERDAM_FEED)),
            Map.entry("DELETE /api/v1/feed-subscriptions/{id}", new Probe("/api/v1/feed-subscriptions/{feed}", null)),
            Map.entry("POST /api/v1/trust-anchors/{id}/revocation",
                    new Probe("/api/v1/trust-anchors/00000000-0000-0000-0000-000000000000/revocation", "{\"reason\":\"probe\"}")));

    record Probe(String path, String body, String contentType) {
        Probe(String path, String body) {
            this(path, body, "application/json");
        }

        /** Fills in the ids of the rows the test made in Amsterdam. */
        Probe aimedAt(Map<String, String> fixtures) {
            String filledPath = path;
            String filledBody = body;
            for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
                filledPath = filledPath.replace("{" + fixture.getKey() + "}", fixture.getValue());
                filledBody = filledBody == null ? null : filledBody.replace("{" + fixture.getKey() + "}", fixture.getValue());
            }
            return new Probe(filledPath, filledBody, contentType);
        }
    }

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
    @Autowired
    Clock clock;

    @Test
    void everyWriteIsRefusedToAnonymousWrongRoleAndWrongScopeAndWritesNothing() {
        ApiClient api = new ApiClient(port);
        List<Endpoint> endpoints = mutatingEndpoints();
        assertThat(endpoints).extracting(Endpoint::key).contains("POST /api/v1/users", "POST /api/v1/organisations");

        String admin = api.token("admin", adminPassword);
        String viewer = api.token(api.createUser(admin, "NL", "viewer", PASSWORD), PASSWORD);
        String otherAreaAdmin = api.token(api.createUser(admin, "GM0014", "admin", PASSWORD), PASSWORD);
        Instant now = clock.instant();
        Map<String, String> moments = Map.of("expires", now.plus(Duration.ofDays(1)).toString(),
                "firstSeen", now.minus(Duration.ofDays(1)).toString());
        Probe bulletin = SCOPE_PROBES.get("POST /api/v1/bulletins").aimedAt(moments);
        Probe claim = SCOPE_PROBES.get("POST /api/v1/claims").aimedAt(moments);
        String scenario = created(api, admin, "/api/v1/scenarios", AMSTERDAM_SCENARIO);
        Map<String, String> fixtures = new HashMap<>(moments);
        fixtures.putAll(Map.of("point", created(api, admin, "/api/v1/support-points", AMSTERDAM_POINT),
                "depot", created(api, admin, "/api/v1/depots", AMSTERDAM_DEPOT),
                "bulletin", created(api, admin, bulletin.path(), bulletin.body()),
                "claim", created(api, admin, claim.path(), claim.body()),
                "scenario", scenario,
                "run", accepted(api, admin, "/api/v1/scenarios/" + scenario + "/runs")));
        fixtures.put("user", api.createUser(admin, "GM0363", "viewer", PASSWORD));
        fixtures.put("feed", created(api, admin, "/api/v1/feed-subscriptions", AMSTERDAM_FEED));
        fixtures.put("operator", api.createUser(admin, "GM0363", "operator", PASSWORD));
        fixtures.put("smsNumber", "+3161" + (1_000_000 + System.nanoTime() % 8_000_000));
        var registered = api.post("/api/v1/sms/senders", admin, ApiClient.json(Map.of("phoneNumber", fixtures.get("smsNumber"),
                "username", fixtures.get("operator"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Map<String, Long> rowsBefore = rowCounts();

        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            if (PUBLIC_CHECKS.contains(endpoint.key())) {
                continue;
            }
            Probe probe = SCOPE_PROBES.getOrDefault(endpoint.key(), new Probe(endpoint.samplePath(), "{}")).aimedAt(fixtures);
            int anonymous = api.send(endpoint.method(), probe.path(), null, probe.body(), probe.contentType()).status();
            if (OWN_SECRET.contains(endpoint.key())) {
                for (String token : new String[] {null, viewer, otherAreaAdmin, admin}) {
                    softly.assertThat(api.send(endpoint.method(), probe.path(), token, probe.body(), probe.contentType()).status())
                            .as("%s without the gateway's secret", endpoint.key()).isEqualTo(401);
                }
                continue;
            }
            if (endpoint.api()) {
                softly.assertThat(anonymous).as("anonymous %s", endpoint.key()).isEqualTo(401);
            } else {
                softly.assertThat(anonymous).as("anonymous %s", endpoint.key()).isIn(302, 401, 403);
            }
            if (!endpoint.api() || SELF_SERVICE.contains(endpoint.key())) {
                continue;
            }
            softly.assertThat(api.send(endpoint.method(), probe.path(), viewer, probe.body(), probe.contentType()).status())
                    .as("viewer of NL on %s", endpoint.key()).isEqualTo(403);
            softly.assertThat(SCOPE_PROBES).as("a scope probe for %s", endpoint.key()).containsKey(endpoint.key());
            if (SCOPE_PROBES.containsKey(endpoint.key())) {
                softly.assertThat(api.send(endpoint.method(), probe.path(), otherAreaAdmin, probe.body(), probe.contentType()).status())
                        .as("admin of GM0014 on %s (Amsterdam)", endpoint.key()).isEqualTo(403);
            }
        }
        softly.assertThat(rowCounts()).as("rows per table after all refused writes").isEqualTo(rowsBefore);
        softly.assertAll();
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

    /**
     * Rows per table, but for the audit log's sequencer tables: the sequencer moves entries written
     * before the probes into the tree meanwhile; {@code audit_entry} itself counts what was written.
     */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                          and table_name not in ('audit_pending', 'audit_leaf', 'audit_tree_node', 'audit_tree_head')
                        order by table_name""")
                .query(String.class).list()
                .forEach(table -> counts.put(table, jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single()));
        return counts;
    }

    /** Creates a row as the national admin and returns its id. */
    private static String created(ApiClient api, String adminToken, String path, String body) {
        var response = api.post(path, adminToken, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** Starts background work as the national admin (202 Accepted) and returns its id. */
    private static String accepted(ApiClient api, String adminToken, String path) {
        var response = api.post(path, adminToken, null);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    private static String capExample() {
        try (var in = WriteProtectionTest.class.getResourceAsStream("/cap-examples/oasis-cap12-appendixA4-amber-alert.xml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String claim() {
        return ApiClient.json(Map.of("area", "GM0363", "text", "Probe claim", "channel", "other",
                "firstSeenAt", "{firstSeen}", "assessment", "unverified"));
    }

    private static String bulletinDraft() {
        return ApiClient.json(Map.of("area", "GM0363", "kind", "alert", "event", "Probe", "category", "Other",
                "urgency", "Unknown", "severity", "Unknown", "certainty", "Unknown", "headline", "Probe",
                "description", "Probe", "expires", "{expires}"));
    }

}
