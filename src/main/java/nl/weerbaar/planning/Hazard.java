package nl.weerbaar.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/**
 * What goes wrong. A hazard that cuts mains power darkens every support point without a generator
 * at once, and the others when their fuel runs out (unless the scenario has them refuelled).
 */
public enum Hazard {
    POWER_OUTAGE(true),
    DRINKING_WATER_OUTAGE(false),
    TELECOM_OUTAGE(false),
    FLOOD(true),
    MILITARY_CONFLICT(true),
    CYBER_ATTACK(true);

    private final boolean cutsPower;

    Hazard(boolean cutsPower) {
        this.cutsPower = cutsPower;
    }

    public boolean cutsPower() {
        return cutsPower;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
