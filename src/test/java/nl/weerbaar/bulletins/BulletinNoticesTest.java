package nl.weerbaar.bulletins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A published bulletin shows on the finder and the support-point pages of its area, linked to its check. */
@IntegrationTest
@TimeDependent
class BulletinNoticesTest {

    private static final String PASSWORD = "notices-password-1";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    Clock clock;

    @Test
    void bulletinsInForceShowOnTheFinderAndPointPagesOfTheirAreaOnly() {
        ApiClient api = new ApiClient(port);
        String admin = api.token("admin", adminPassword);
        String author = api.token(coordinator(api, admin, "GM0344"), PASSWORD);
        String colleague = api.token(coordinator(api, admin, "GM0344"), PASSWORD);
        String id = api.post("/api/v1/bulletins", author, BulletinsApiTest.draftJson(clock, "GM0344", "alert", null))
                .json().get("id").asString();
        var draft = api.get("/api/v1/bulletins/" + id, author);
        assertThat(api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", colleague, null, draft.header("ETag"))
                .status()).isEqualTo(200);
        String finderBefore = api.get("/steunpunten?postcode=3511").body();
        assertThat(finderBefore).as("approved is not yet published").doesNotContain("/berichten/" + id);
        assertThat(api.post("/api/v1/bulletins/" + id + "/publication", author, null).status()).isEqualTo(200);

        String finder = api.get("/steunpunten?postcode=3511").body();
        assertThat(finder).contains("Officiële berichten voor dit gebied", "Kook drinkwater voor gebruik", "/berichten/" + id);
        assertThat(api.get("/steunpunten?postcode=1012").body()).as("Amsterdam is another area").doesNotContain("/berichten/" + id);

        var point = api.post("/api/v1/support-points", admin, """
                {"name":"Wijkcentrum Notices","tier":"local","buildingKind":"community-centre","lat":52.0907,"lon":5.1214,
                 "municipality":"GM0344","capabilities":["information"]}""");
        assertThat(point.status()).as(point.body()).isEqualTo(201);
        assertThat(api.get("/steunpunten/" + point.json().get("id").asString()).body()).contains("/berichten/" + id);
    }

    private static String coordinator(ApiClient api, String admin, String organisation) {
        return api.createUser(admin, organisation, "coordinator", PASSWORD);
    }
}
