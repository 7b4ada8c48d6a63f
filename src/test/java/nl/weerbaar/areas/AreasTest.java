package nl.weerbaar.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

@ApplicationModuleTest
@ActiveProfiles("test")
class AreasTest {

    @Autowired
    Areas areas;

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void holdsAll342MunicipalitiesWithTheCbsPopulationOf2024() {
        List<Municipality> municipalities = areas.municipalities();

        assertThat(municipalities).hasSize(342);
        assertThat(municipalities.stream().mapToLong(Municipality::population).sum()).isEqualTo(17_942_942L);
        assertThat(municipalities.stream().mapToDouble(Municipality::landAreaKm2).sum()).isCloseTo(33_647.23, within(0.01));
        assertThat(areas.municipality("GM0363")).hasValueSatisfying(amsterdam -> {
            assertThat(amsterdam.name()).isEqualTo("Amsterdam");
            assertThat(amsterdam.provinceName()).isEqualTo("Noord-Holland");
            assertThat(amsterdam.regionCode()).isEqualTo("VR13");
        });
    }

    @Test
    void holds25SafetyRegionsThatAddUpToTheirMunicipalities() {
        List<Region> regions = areas.regions();

        assertThat(regions).extracting(Region::code).hasSize(25).startsWith("VR01").endsWith("VR25");
        assertThat(regions.stream().mapToLong(Region::population).sum()).isEqualTo(17_942_942L);
        assertThat(regions.stream().mapToInt(Region::municipalityCount).sum()).isEqualTo(342);
        for (Region region : regions) {
            List<Municipality> members = areas.municipalitiesInRegion(region.code());
            assertThat(members).as(region.code()).hasSize(region.municipalityCount());
            assertThat(members.stream().mapToLong(Municipality::population).sum()).as(region.code())
                    .isEqualTo(region.population());
        }
        assertThat(areas.region("VR24")).map(Region::name).hasValue("Limburg-Zuid");
    }

    @Test
    void amsterdamAmstellandHasItsSixMunicipalities() {
        assertThat(areas.municipalitiesInRegion("vr13")).extracting(Municipality::code)
                .containsExactly("GM0358", "GM0362", "GM0363", "GM0384", "GM0437", "GM0451");
        assertThat(areas.municipalitiesInRegion("VR99")).isEmpty();
    }

    @Test
    void codesAreCaseInsensitive() {
        assertThat(areas.municipality(" gm0363 ")).map(Municipality::code).hasValue("GM0363");
        assertThat(areas.region("vr13")).map(Region::name).hasValue("Amsterdam-Amstelland");
        assertThat(areas.regionOf("gm0014")).hasValue("VR01");
        assertThat(areas.regionOf("GM9999")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1012", "1012AB", "1012 ab", " 1012ab "})
    void locatesPostcode1012InAmsterdamInEverySpelling(String spelling) {
        Location location = areas.locatePostcode(spelling).orElseThrow();

        assertThat(location.postcode()).isEqualTo("1012");
        assertThat(location.municipalityCode()).isEqualTo("GM0363");
        assertThat(location.regionCode()).isEqualTo("VR13");
        assertThat(location.lat()).isEqualTo(52.37339);
        assertThat(location.lon()).isEqualTo(4.89406);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "ABCD", "1012 A", "1012 ABC", "0123", "10123", ""})
    void rejectsWhatIsNotAPostcode(String text) {
        assertThatThrownBy(() -> areas.locatePostcode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Dutch postcode");
    }

    @Test
    void postcodesCombineBothSources() {
        List<PostcodeArea> postcodes = areas.postcodeAreas();

        assertThat(postcodes).hasSize(4_106);
        List<PostcodeArea> counted = postcodes.stream().filter(p -> p.population() != null).toList();
        assertThat(counted).hasSize(4_059).allSatisfy(p -> assertThat(p.populationYear()).isEqualTo(2021));
        assertThat(counted.stream().mapToLong(PostcodeArea::population).sum()).isEqualTo(17_472_870L);
        // 1044 (Amsterdam harbour) has a point and a place but no CBS figure.
        assertThat(areas.postcodeArea("1044")).hasValue(
                new PostcodeArea("1044", "Amsterdam", "GM0363", 52.40479, 4.81158, null, null));
        assertThat(areas.postcodeArea("1000")).isEmpty();
    }

    @Test
    void locatesPointsInTheirMunicipality() {
        assertThat(areas.locate(52.3731, 4.8922)).hasValue(new Location(52.3731, 4.8922, "GM0363", "VR13", null));
        // Every municipality's inside point lies in that municipality and no other.
        Map<String, String> found = areas.municipalities().stream().collect(Collectors.toMap(Municipality::code,
                m -> areas.locate(m.lat(), m.lon()).map(Location::municipalityCode).orElse("none")));
        assertThat(found).allSatisfy((code, locatedIn) -> assertThat(locatedIn).as(code).isEqualTo(code));
    }

    @Test
    void findsNothingOutsideTheNetherlands() {
        assertThat(areas.locate(52.6, 4.0)).as("North Sea").isEmpty();
        assertThat(areas.locate(50.8503, 4.3517)).as("Brussels").isEmpty();
        assertThat(areas.locate(-33.86, 151.21)).as("Sydney").isEmpty();
        assertThatThrownBy(() -> areas.locate(91, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadsTheReferenceDataOnlyOnce() {
        Map<String, Integer> before = tableCounts();

        boolean loadedAgain = loader.loadIfEmpty();

        assertThat(loadedAgain).isFalse();
        assertThat(tableCounts()).isEqualTo(before).containsEntry("region", 25).containsEntry("municipality", 342)
                .containsEntry("postcode_area", 4_106).containsEntry("reference_data_load", 3);
    }

    private Map<String, Integer> tableCounts() {
        return List.of("region", "municipality", "postcode_area", "reference_data_load").stream()
                .collect(Collectors.toMap(table -> table, table -> Objects.requireNonNull(
                        jdbc.sql("select count(*) from " + table).query(Integer.class).single())));
    }
}
