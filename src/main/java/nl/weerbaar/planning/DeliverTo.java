package nl.weerbaar.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/** Where the plan's transport ends: what its fairness rule shares between and what routes visit. */
public enum DeliverTo {
    /**
     * Each municipality's distribution centre (the middle of its support points); its points share
     * what arrives in proportion to their demand. Fast: one destination per municipality.
     */
    MUNICIPALITY,
    /**
     * Each support point itself: transport distance to every point, the fairness rule between
     * points, and deliveries per point as the plan chose them (routes take them as they are).
     */
    SUPPORT_POINT;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
