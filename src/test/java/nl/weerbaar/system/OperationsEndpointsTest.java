package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a platform probes and scrapes: the health groups, the metrics, and the release number. */
@IntegrationTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    Release release;

    @Test
    void livenessAsksOnlyTheProcessAndReadinessAlsoTheDatabaseMigrationsAndReferenceData() {
        ApiClient api = new ApiClient(port);

        ApiClient.Response liveness = api.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");

        ApiClient.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "db", "migrations", "referenceData");
        components.forEach(c -> assertThat(c.get("status").asString()).isEqualTo("UP"));
        assertThat(readiness.body()).as("details stay private").doesNotContain("municipalities", "pending");
    }

    @Test
    void prometheusScrapeCarriesTheFiguresPeopleWatch() {
        String scrape = new Metrics(port).scrape();

        List<String> expected = List.of(
                "weerbaar_points{region=\"VR13\",status=\"open\"} ",
                "weerbaar_points_freshness{freshness=\"never-confirmed\",region=\"VR01\"} ",
                "weerbaar_points_stale{region=\"VR25\"} ",
                "weerbaar_points_status_updates_total ",
                "weerbaar_stock_events_total{type=\"receipt\"} ",
                "weerbaar_stock_balances_low{below=\"100\"} ",
                "weerbaar_planning_runs{status=\"running\"} ",
                "weerbaar_planning_runs{status=\"failed\"} ",
                "weerbaar_bulletins_in_force ",
                "weerbaar_audit_unsequenced_entries ",
                "weerbaar_audit_unsequenced_oldest_age_seconds ",
                "weerbaar_feeds_subscribed ",
                "weerbaar_feeds_failing ");
        for (String series : expected) {
            assertThat(scrape.lines().anyMatch(line -> line.startsWith(series))).as(series).isTrue();
        }
        assertThat(scrape).as("time since the last backup (+Inf before the first)").contains("weerbaar_backup_last_age_seconds ");
    }

    @Test
    void everyWeerbaarMetricTheGrafanaDashboardQueriesIsScraped() throws java.io.IOException {
        String scrape = new Metrics(port).scrape();
        JsonNode dashboard = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(java.nio.file.Path.of("deploy/grafana/weerbaar-dashboard.json").toFile());
        java.util.Set<String> queried = new java.util.TreeSet<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> {
            java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\b(weerbaar_[a-z_]+|http_server_requests_seconds_count|jvm_memory_used_bytes)\\b")
                    .matcher(target.get("expr").asString());
            while (metric.find()) {
                queried.add(metric.group(1));
            }
        }));
        assertThat(queried).hasSizeGreaterThan(10);
        for (String metric : queried) {
            if (!metric.startsWith("weerbaar_feeds_")) { // registered only once feeds report through FeedHealth
                assertThat(scrape.lines().anyMatch(line -> line.startsWith(metric + "{") || line.startsWith(metric + " ")))
                        .as(metric).isTrue();
            }
        }
    }

    @Test
    void theReleaseIsTheApiVersionTheOpenApiDocumentAndWhatAboutShows() {
        ApiClient api = new ApiClient(port);
        String version = release.version();

        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        ApiClient.Response document = api.get("/api/v1/openapi.json");
        assertThat(document.header("API-Version")).isEqualTo(version);
        assertThat(document.json().get("info").get("version").asString()).isEqualTo(version);
        assertThat(document.json().get("servers").get(0).get("url").asString())
                .as("the major version is the one in the API's path").endsWith("/api/v" + version.substring(0, version.indexOf('.')));
        assertThat(api.get("/over").body()).contains("Versie " + version);
    }
}
