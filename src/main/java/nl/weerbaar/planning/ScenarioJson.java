package nl.weerbaar.planning;

import java.util.List;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.JsonInputProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a scenario as people write it (the API's body, a file for the command line) into a
 * {@link ScenarioInput}, naming the field when the JSON does not fit. The bookkeeping fields of a
 * saved scenario ({@code id}, {@code version}, …) are left out, so a scenario as read can be sent
 * back; any other unknown field is an error, so a misspelt field is not silently ignored.
 */
final class ScenarioJson {

    /** Fields of a saved scenario as the API shows it that are not part of the scenario itself. */
    static final List<String> BOOKKEEPING = List.of("id", "organisation", "version", "days", "createdBy", "createdAt", "updatedAt");

    private ScenarioJson() {}

    /**
     * A validated scenario as stored (in a saved scenario or a run's snapshot), with its start in the
     * offset it was given: days are counted from the local date of the start, so 00:30+01:00 must not
     * come back as 23:30 UTC the day before.
     */
    static Scenario stored(JsonMapper json, String text) {
        return json.readerFor(Scenario.class).without(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(text);
    }

    static ScenarioInput read(JsonMapper json, String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("scenario", "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        return read(json, tree);
    }

    static ScenarioInput read(JsonMapper json, JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("scenario", "must be a JSON object with name, hazard, areas and start");
        }
        ObjectNode fields = ((ObjectNode) tree).deepCopy();
        BOOKKEEPING.forEach(fields::remove);
        try {
            return json.readerFor(ScenarioInput.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(fields);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(path(e), "is not a field of a scenario; the fields are "
                    + String.join(", ", fieldNames()));
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(JsonInputProblems.describe(e, "scenario")));
        }
    }

    /** The field a problem is in, as {@code items[0].perPersonPerDay}; "scenario" for the whole. */
    static String path(JacksonException e) {
        String path = JsonInputProblems.path(e);
        return path.isEmpty() ? "scenario" : path;
    }

    private static List<String> fieldNames() {
        return java.util.Arrays.stream(ScenarioInput.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }
}
