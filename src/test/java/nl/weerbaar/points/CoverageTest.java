package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class CoverageTest {

    @LocalServerPort
    int port;
    @Autowired
    Areas areas;

    private static SupportPoint pointAt(PostcodeArea postcode, PointStatus status) {
        return new SupportPoint(1, "Test", Tier.LOCAL, BuildingKind.SCHOOL, null, postcode.lat(), postcode.lon(),
                postcode.municipalityCode(), null, null, List.of(Capability.INFORMATION), new SupportPoint.Capacity(100, 0),
                new SupportPoint.BackupPower(false, null), List.of(), null, null, true, false, status, 0, null, List.of(),
                null, null, null, 1);
    }

    private static Coverage of(List<Coverage> coverage, String area) {
        return coverage.stream().filter(c -> c.area().equals(area)).findFirst().orElseThrow();
    }

    @Test
    void withoutOpenPointsEveryoneIsFarAndOneOpenPointCoversItsOwnPostcode() {
        PostcodeArea vlieland = areas.postcodeArea("8899").orElseThrow();
        long residents = areas.postcodeAreas().stream().filter(p -> p.municipalityCode().equals(vlieland.municipalityCode()))
                .mapToLong(p -> p.population() == null ? 0 : p.population()).sum();

        Coverage standby = of(Coverage.compute(areas, List.of(pointAt(vlieland, PointStatus.STANDBY)), false), vlieland.municipalityCode());
        assertThat(standby.residents()).isEqualTo(residents);
        assertThat(standby.pointsInUse()).isEqualTo(1);
        assertThat(standby.openPoints()).isZero();
        assertThat(standby.residentsPerOpenPoint()).isNull();
        assertThat(standby.shareBeyond1500m()).isEqualTo(1.0);
        assertThat(standby.shareBeyond3000m()).isEqualTo(1.0);

        Coverage open = of(Coverage.compute(areas, List.of(pointAt(vlieland, PointStatus.OPEN)), false), vlieland.municipalityCode());
        assertThat(open.openPoints()).isEqualTo(1);
        assertThat(open.residentsPerOpenPoint()).isEqualTo(residents);
        assertThat(open.shareBeyond1500m()).isLessThan(1.0);
    }

    @Test
    void perRegionGivesTheTwentyFiveRegionsAndTheApiNamesABadLevel() {
        List<Coverage> regions = Coverage.compute(areas, List.of(), true);
        assertThat(regions).hasSize(25);
        assertThat(regions.stream().mapToLong(Coverage::residents).sum())
                .isEqualTo(areas.postcodeAreas().stream().mapToLong(p -> p.population() == null ? 0 : p.population()).sum());

        ApiClient api = new ApiClient(port);
        var byRegion = api.get("/api/v1/support-points/coverage?level=region");
        assertThat(byRegion.status()).isEqualTo(200);
        assertThat(byRegion.json().get("items").size()).isEqualTo(25);
        assertThat(byRegion.json().get("items").get(0).has("shareBeyond3000m")).isTrue();
        var bad = api.get("/api/v1/support-points/coverage?level=street");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("invalidParams").get(0).get("name").asString()).isEqualTo("level");
    }
}
