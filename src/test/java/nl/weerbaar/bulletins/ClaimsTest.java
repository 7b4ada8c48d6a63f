package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Staff record circulating claims, assess them, link the rebuttal, and see the weekly trend. */
@IntegrationTest
@TimeDependent
class ClaimsTest {

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;
    @Autowired
    TemplateEngine templates;

    @Test
    void staffRecordAndAssessClaimsOfTheirOwnAreaOnly() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String operator = api.token(user(api, admin, "GM0599", "operator"), "claims-password-1");
        String elsewhere = api.token(user(api, admin, "GM0014", "operator"), "claims-password-1");
        String claim = claimJson("GM0599", "false", null);

        assertThat(api.post("/api/v1/claims", elsewhere, claim).status()).isEqualTo(403);
        Instant beforeRecording = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiClient.Response recorded = api.post("/api/v1/claims", operator, claim);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(Instant.parse(recorded.json().get("recordedAt").asString())).as("recorded by the application's clock")
                .isBetween(beforeRecording, clock.instant());
        String id = recorded.json().get("id").asString();

        ApiClient.Response bad = api.post("/api/v1/claims", operator, "{\"area\":\"GM0599\",\"assessment\":\"fake\",\"channel\":\"pigeon\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").findValuesAsString("name")).contains("text", "channel", "firstSeenAt", "assessment");

        assertThat(api.sendIfMatch("PUT", "/api/v1/claims/" + id, operator, claimJson("GM0599", "misleading", null), null).status()).isEqualTo(428);
        ApiClient.Response assessed = api.sendIfMatch("PUT", "/api/v1/claims/" + id, operator, claimJson("GM0599", "misleading", null), "\"0\"");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        assertThat(assessed.json().get("assessment").asString()).isEqualTo("misleading");
        assertThat(api.sendIfMatch("PUT", "/api/v1/claims/" + id, operator,
                claimJson("GM0599", "false", "00000000-0000-0000-0000-000000000000"), "\"1\"").status())
                .as("a rebuttal must be a published bulletin").isEqualTo(400);
        assertThat(api.get("/api/v1/claims/" + id, elsewhere).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/claims").status()).as("not public").isEqualTo(401);

        var trend = api.get("/api/v1/claims/trend?area=GM0599&weeks=4", operator).json().get("items");
        assertThat(trend.findValuesAsString("assessment")).contains("misleading");
    }

    @Test
    void theWeeklyTrendIsAnSvgChartWithALegend() {
        LocalDateFixture fixture = new LocalDateFixture();
        TrendChart chart = TrendChart.of(java.util.List.of(
                new Claims.WeekCount(fixture.monday.minusWeeks(1), "false", 3),
                new Claims.WeekCount(fixture.monday, "true", 1)), 4, fixture.monday.plusDays(2));
        Context context = new Context(Locale.forLanguageTag("nl"));
        context.setVariable("chart", chart);

        String svg = templates.process("bulletins/claims", Set.of("trend"), context);

        assertThat(svg).contains("<svg", "<title>" + fixture.monday.minusWeeks(1) + ": 3 × Onwaar</title>",
                "<title>" + fixture.monday + ": 1 × Waar</title>", ">Misleidend</text>", ">Niet geverifieerd</text>")
                .doesNotContain("th:", "${");
        assertThat(chart.bars()).extracting(TrendChart.Bar::height).as("3 of 3 claims fill the plot, 1 of 3 a third")
                .containsExactly(160.0, 53.3);
    }

    /** A fixed Monday, so the chart's weeks do not depend on the day the test runs. */
    private static final class LocalDateFixture {
        final java.time.LocalDate monday = java.time.LocalDate.of(2026, 11, 23);
    }

    /** A claim first seen two days before the application's now, so inside the trend's last weeks. */
    private String claimJson(String area, String assessment, String rebuttal) {
        Map<String, Object> claim = new java.util.LinkedHashMap<>(Map.of("area", area,
                "text", "Nep-NL-Alert: 'drinkwater vergiftigd, koop flessen bij winkel X'", "channel", "whatsapp",
                "firstSeenAt", clock.instant().minus(2, ChronoUnit.DAYS).toString(), "firstSeenWhere", "Buurtgroepen in Rotterdam-Zuid",
                "estimatedReach", 5000, "assessment", assessment));
        if (rebuttal != null) {
            claim.put("rebuttalBulletin", rebuttal);
        }
        return ApiClient.json(claim);
    }

    private static String user(ApiClient api, String admin, String organisation, String role) {
        return api.createUser(admin, organisation, role, "claims-password-1");
    }
}
