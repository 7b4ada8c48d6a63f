package nl.weerbaar.points;

import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two tiers of the national network: about 1,000 regional hubs and 3,600 local points. */
public enum Tier {
    /** A regional hub, often a fire station: more capacity, backup power and communications. */
    HUB,
    /** A local point in a community centre, sports hall, school, library or church. */
    LOCAL;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
