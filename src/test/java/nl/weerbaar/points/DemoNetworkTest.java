package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.support.WithDemoNetwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@WithDemoNetwork
@TimeDependent
class DemoNetworkTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoNetwork network;
    @Autowired
    DemoNetworkLoader loader;
    @Autowired
    Areas areas;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aboutAThousandHubsSpreadOverEveryMunicipalityOnFixedBuildingsAndNoMobileStations() {
        List<DemoNetwork.DemoPoint> points = network.generate();

        assertThat(points).hasSizeBetween(9_500, 9_562);
        long hubs = points.stream().filter(p -> p.registration().tier() == Tier.HUB).count();
        assertThat(hubs).isBetween(950L, 1_100L);
        Set<String> withHub = points.stream().filter(p -> p.registration().tier() == Tier.HUB)
                .map(p -> p.registration().municipality()).collect(Collectors.toSet());
        assertThat(withHub).hasSize(areas.municipalities().size());
        assertThat(points).noneMatch(p -> p.registration().name().toLowerCase().contains("mobiel"));
        assertThat(points).allMatch(p -> p.registration().capabilities().contains(Capability.INFORMATION));
        long standby = points.stream().filter(p -> p.live().status() == PointStatus.STANDBY).count();
        assertThat(standby).isGreaterThan(points.size() / 2);
        assertThat(network.generate()).as("the same network every time").isEqualTo(points);
    }

    @Test
    void hubsGoToFireStationsAndTownHallsFirst() {
        List<DemoNetwork.DemoPoint> hubs = network.generate().stream()
                .filter(p -> p.registration().tier() == Tier.HUB).toList();
        long suited = hubs.stream().filter(p -> Set.of(BuildingKind.FIRE_STATION, BuildingKind.TOWN_HALL, BuildingKind.SPORTS_HALL)
                .contains(p.registration().buildingKind())).count();
        assertThat(suited).isGreaterThan(hubs.size() / 3);
        assertThat(DemoNetwork.kindOf("Brandweerkazerne Zuid")).isEqualTo(BuildingKind.FIRE_STATION);
        assertThat(DemoNetwork.kindOf("Dorpshuis de Leeuw")).isEqualTo(BuildingKind.COMMUNITY_CENTRE);
        assertThat(DemoNetwork.kindOf("Sporthal De Kamp")).isEqualTo(BuildingKind.SPORTS_HALL);
    }

    @Test
    void loadedOnceAndEveryApiAnswerMarksItsPointsAsDemo() {
        List<String> progress = new ArrayList<>();
        loader.load(progress::add);
        long demo = jdbc.sql("select count(*) from support_point where demo").query(Long.class).single();
        assertThat(demo).isEqualTo(network.generate().size());
        assertThat(loader.load(progress::add).loaded()).as("a second load changes nothing").isFalse();

        ApiClient api = new ApiClient(port);
        JsonNode groningen = api.get("/api/v1/support-points/nearest?postcode=9711&limit=20").json().get("items");
        assertThat(groningen.size()).isEqualTo(20);
        groningen.forEach(point -> assertThat(point.get("demo").asBoolean()).isTrue());
        assertThat(groningen.get(0).get("municipality").asString()).isEqualTo("GM0014");
        // Demo statuses were confirmed up to 12 hours before the load, by the clock that judges their freshness
        // (an hour's margin for a load earlier in the suite).
        groningen.forEach(point -> assertThat(point.get("freshness").get("ageMinutes").asLong()).isBetween(0L, 13 * 60L));
        assertThat(groningen.valueStream().anyMatch(point -> point.get("freshness").get("recentlyConfirmed").asBoolean())).isTrue();
        JsonNode listed = api.get("/api/v1/support-points?municipality=GM0014").json().get("items");
        assertThat(listed.size()).isGreaterThan(20);
        listed.forEach(point -> assertThat(point.get("demo").asBoolean()).isTrue());
    }
}
