package nl.weerbaar.points;

import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of building a support point is in. */
enum BuildingKind {
    FIRE_STATION, TOWN_HALL, COMMUNITY_CENTRE, SPORTS_HALL, SCHOOL, LIBRARY, CHURCH, OTHER;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
