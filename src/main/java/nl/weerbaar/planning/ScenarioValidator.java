package nl.weerbaar.planning;

import org.springframework.stereotype.Component;

/** Checks a scenario as people write it, names every problem, and fills in the defaults. */
@Component
public class ScenarioValidator {

    /** @throws nl.weerbaar.system.InvalidInputException naming every bad field */
    public Scenario validate(ScenarioInput input) {
        throw new UnsupportedOperationException();
    }
}
