package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PointsImportExportTest {

    private static final String HEADER = "name,tier,buildingKind,address,lat,lon,municipality,capabilities,capacityPersons,generator,public\n";

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = api.token("admin", adminPassword);
    }

    private long pointsNamed(String prefix) {
        return jdbc.sql("select count(*) from support_point where name like :p").param("p", prefix + "%").query(Long.class).single();
    }

    @Test
    void aGoodFileRegistersEveryPointAndTheExportReadsBackTheSame() {
        String prefix = "Import " + System.nanoTime();
        String csv = HEADER
                + prefix + " A,hub,fire-station,Amsterdam,52.3702,4.8952,GM0363,information;drinking-water;first-aid,300,true,true\n"
                + prefix + " B,local,library,Amsterdam,52.3600,4.9000,GM0363,information,80,false,false\n";
        var imported = api.post("/api/v1/support-points/import", admin, csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        assertThat(pointsNamed(prefix)).isEqualTo(2);

        var export = api.get("/api/v1/support-points/export.csv?municipality=GM0363", admin);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.body()).startsWith("id,name,tier,buildingKind").contains(
                prefix + " A,hub,fire-station,Amsterdam,52.3702,4.8952,GM0363,,information;drinking-water;first-aid,300,,true");
        assertThat(api.get("/api/v1/support-points/export.csv?municipality=GM0363").body())
                .as("anonymous export holds public points only").contains(prefix + " A").doesNotContain(prefix + " B");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeNamingEveryBadRowAndField() {
        String prefix = "Bad import " + System.nanoTime();
        String csv = HEADER
                + prefix + " good,hub,fire-station,Amsterdam,52.3702,4.8952,GM0363,information,300,true,true\n"
                + prefix + " bad,castle,fire-station,Amsterdam,north,4.8952,GM0363,information;teleport,many,true,true\n"
                + ",local,library,Amsterdam,52.36,4.90,GM9999,information,80,false,false\n";
        var refused = api.post("/api/v1/support-points/import", admin, csv);

        assertThat(refused.status()).isEqualTo(400);
        List<String> named = refused.json().get("invalidParams").valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(named).containsExactlyInAnyOrder("row 3: lat", "row 3: capacityPersons", "row 3: tier",
                "row 3: capabilities", "row 4: name", "row 4: municipality");
        assertThat(pointsNamed(prefix)).as("all or nothing: the good row is not written either").isZero();
    }

    @Test
    void geoJsonExportIsAFeatureCollectionWithLonLatPoints() {
        var created = new PointFixtures(api, admin).create(PointFixtures.amsterdamPoint("GeoJSON-punt"));
        var geojson = api.get("/api/v1/support-points/export.geojson?municipality=GM0363");
        assertThat(geojson.status()).isEqualTo(200);
        assertThat(geojson.header("Content-Type")).startsWith("application/geo+json");
        JsonNode collection = geojson.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        JsonNode feature = collection.get("features").valueStream()
                .filter(f -> f.get("id").asLong() == created.get("id").asLong()).findFirst().orElseThrow();
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(created.get("lon").asDouble());
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(created.get("lat").asDouble());
        assertThat(feature.get("properties").get("demo").asBoolean()).isFalse();
        assertThat(feature.get("properties").get("status").asString()).isEqualTo("inactive");
    }
}
