package nl.weerbaar.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.weerbaar.areas.ReferenceDataFiles.InvalidReferenceDataException;
import nl.weerbaar.areas.ReferenceDataFiles.ReferenceData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReferenceDataFilesTest {

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void theShippedDataIsComplete() {
        ReferenceData data = ReferenceDataFiles.read(ReferenceDataFiles.FOLDER, json);

        assertThat(data.regions()).hasSize(25);
        assertThat(data.municipalities()).hasSize(342);
        assertThat(data.postcodes()).hasSize(4_106);
    }

    @Test
    void reportsEveryBadRowAtOnce() {
        assertThatThrownBy(() -> ReferenceDataFiles.read("reference/broken/", json))
                .isInstanceOf(InvalidReferenceDataException.class)
                .hasMessage("""
                        Reference data in classpath:reference/broken/ has 14 problem(s); nothing was loaded:
                          veiligheidsregios.csv line 3: safety region VR13 appears twice
                          gemeenten.geojson feature 2 (GM0362): the boundary is not a valid polygon
                          gemeenten.geojson feature 3 (GM9999): expected a Polygon or MultiPolygon geometry, not 'Point'
                          gemeenten.csv line 3: centroid_lat 'north' is not a number
                          gemeenten.csv line 3: population_2024_01_01 '-5' is not a whole number of 0 or more
                          gemeenten.csv line 4: vr_code 'VR30' does not match VR(0[1-9]|1[0-9]|2[0-5])
                          gemeenten.csv line 4: safety region VR30 is not in veiligheidsregios.csv
                          gemeenten.csv line 4: no boundary for GM0384 in gemeenten.geojson
                          gemeenten.csv line 4: position 48.85, 2.35 lies outside the Netherlands
                          gemeenten.geojson: boundary for 'GM9999', which is not in gemeenten.csv
                          veiligheidsregios.csv VR13: says 2 municipalities with 1000 residents, but gemeenten.csv has 2 with 931298
                          pc4.csv line 3: pc4 '012' does not match [1-9][0-9]{3}
                          pc4.csv line 4: gm_code_2024 'GM0001' is not a municipality in gemeenten.csv
                          pc4_population.csv line 2: population 'many' is not a whole number of 0 or more""");
    }
}
