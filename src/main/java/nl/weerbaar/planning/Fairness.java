package nl.weerbaar.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/**
 * How scarce stock is shared between areas (municipalities). Every rule first supplies as much as
 * the stock allows under its priorities, and only then saves transport distance.
 */
public enum Fairness {
    /**
     * Today's need before tomorrow's; within a day, the municipality with the smallest share of its
     * demand supplied is served first (max-min in steps of 5 %).
     */
    WORST_SERVED_FIRST,
    /**
     * The smallest share supplied over all municipalities and all days is raised first: rations
     * everywhere and every day rather than running out on a later day.
     */
    EQUAL_SHARE,
    /** The most units in total, wherever and whenever they are needed; no fairness between areas. */
    MOST_SUPPLIED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
