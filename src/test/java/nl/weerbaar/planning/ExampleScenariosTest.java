package nl.weerbaar.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.weerbaar.system.Codes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The example scenarios read as {@link ScenarioInput}, with no unknown field and only known codes. */
class ExampleScenariosTest {

    private static final Path FOLDER = Path.of("examples/scenarios");
    /** The starting catalogue of V30__stock.sql. */
    private static final Set<String> ITEMS = Set.of("drinking-water", "water-all-uses", "emergency-ration", "infant-formula",
            "first-aid-kit", "medication-kit", "insulin-cool-box", "diesel", "generator-5kva", "power-bank", "hygiene-kit",
            "blanket", "camp-bed", "wind-up-radio", "satellite-phone");
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void everyExampleIsAScenarioInputWithKnownCodes() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(FOLDER)) {
            files = listed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .contains("blackout-72h-vr13.json", "drinking-water-2-weeks-national.json");
        for (Path file : files) {
            ScenarioInput input = JSON.readValue(file.toFile(), ScenarioInput.class);
            assertThat(input.name()).as(file + " name").isNotBlank();
            assertThat(Codes.parse(Hazard.class, input.hazard())).as(file + " hazard").isPresent();
            assertThat(input.areas()).as(file + " areas").isNotEmpty().allMatch(a -> a.matches("VR(0[1-9]|1[0-9]|2[0-5])|GM[0-9]{4}"));
            assertThat(OffsetDateTime.parse(input.start())).as(file + " start").isNotNull();
            assertThat(input.items()).as(file + " items").isNotEmpty()
                    .allMatch(item -> ITEMS.contains(item.item()) && item.perPersonPerDay().signum() > 0);
            assertThat(input.fairness() == null || Codes.parse(Fairness.class, input.fairness()).isPresent()).as(file + " fairness").isTrue();
        }

        ScenarioInput blackout = JSON.readValue(FOLDER.resolve("blackout-72h-vr13.json").toFile(), ScenarioInput.class);
        assertThat(blackout.hazard()).isEqualTo("power-outage");
        assertThat(blackout.areas()).containsExactly("VR13");
        assertThat(blackout.durationHours()).isEqualTo(72);
        assertThat(blackout.refuelling()).isFalse();
        ScenarioInput water = JSON.readValue(FOLDER.resolve("drinking-water-2-weeks-national.json").toFile(), ScenarioInput.class);
        assertThat(water.areas()).hasSize(25);
        assertThat(water.durationHours()).isEqualTo(336);
    }
}
