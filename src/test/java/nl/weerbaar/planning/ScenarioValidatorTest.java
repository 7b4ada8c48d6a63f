package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ScenarioValidatorTest {

    @Autowired
    ScenarioValidator validator;

    @Autowired
    JsonMapper json;

    @Test
    void aMinimalScenarioGetsTheDefaultsAndNlMeansEveryRegion() {
        Scenario scenario = validator.validate(new ScenarioInput("Landelijk", null, "drinking-water-outage", List.of("NL"),
                "2026-12-01T06:00", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));

        assertThat(scenario.areas()).hasSize(25).contains("VR01", "VR25");
        assertThat(scenario.start().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(scenario.days()).isEqualTo(3);
        assertThat(scenario.items()).containsExactly(new Scenario.ItemNeed("drinking-water", new BigDecimal("3")));
        assertThat(scenario.fairness()).isEqualTo(Fairness.WORST_SERVED_FIRST);
        assertThat(scenario.tiers()).containsExactly("hub", "local");
        assertThat(scenario.deliverTo()).isEqualTo(DeliverTo.MUNICIPALITY);
    }

    @Test
    void everyBadFieldIsNamed() {
        ScenarioInput bad = new ScenarioInput(" ", null, "meteor", List.of("VR99", "GM0363"), "tomorrow", 0, 1.5, -0.1,
                List.of(new ScenarioInput.ItemNeedInput("unobtainium", null), new ScenarioInput.ItemNeedInput("blanket", null)),
                List.of("castle"), null, null, 0.0, 0, 0.5, 0L, "first-come", List.of(new ScenarioInput.ExtraStockInput(-1L, "drinking-water", BigDecimal.ZERO)), null, "door-to-door");

        assertThatThrownBy(() -> validator.validate(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.invalidParams()).extracting(InvalidInputException.InvalidParam::name).containsExactlyInAnyOrder(
                        "name", "hazard", "areas", "start", "durationHours", "helpSeekingShare", "selfRelianceShare",
                        "items[0].item", "items[1].perPersonPerDay", "tiers", "walkingDistanceKm", "visitsPerPlacePerDay",
                        "detourFactor", "vehicleCapacityPerDepotPerDay", "fairness", "deliverTo", "extraStock[0].depot",
                        "extraStock[0].quantity"));
    }

    @Test
    void deliveriesToEachPointAreReadFromAFileAndKeptWhenStoredAndCopied() {
        String file = """
                {"name": "Per punt", "hazard": "power-outage", "areas": ["VR13"], "start": "2026-12-01T06:00", "deliverTo": "support-point"}
                """;

        Scenario scenario = validator.validate(ScenarioJson.read(json, file));
        Scenario stored = ScenarioJson.stored(json, json.writeValueAsString(scenario));

        assertThat(scenario.deliverTo()).isEqualTo(DeliverTo.SUPPORT_POINT);
        assertThat(json.writeValueAsString(scenario)).contains("\"deliverTo\":\"support-point\"");
        assertThat(stored.deliverTo()).isEqualTo(DeliverTo.SUPPORT_POINT);
        assertThat(Planning.renamed(stored, "Kopie").deliverTo()).isEqualTo(DeliverTo.SUPPORT_POINT);
        assertThat(ScenarioJson.stored(json, json.writeValueAsString(scenario).replace(",\"deliverTo\":\"support-point\"", "")).deliverTo())
                .as("a scenario stored before the setting existed").isEqualTo(DeliverTo.MUNICIPALITY);
    }
}
