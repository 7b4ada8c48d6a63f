package nl.weerbaar.points;

import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a support point can offer. The national baseline only comes in 2027, so this is a
 * checklist that grows (with the CHECK in the V10 migration), not a fixed definition.
 */
enum Capability {
    INFORMATION, PHONE_CHARGING, DRINKING_WATER, FOOD, FIRST_AID, MEDICATION, MISSING_PERSONS_INTAKE,
    MEDICAL_DEVICE_POWER, WARMTH, OVERNIGHT_STAY, SANITATION, STEP_FREE_ACCESS, PETS;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
