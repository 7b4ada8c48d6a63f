package nl.weerbaar.points;

import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a support point stands in an operation. */
enum PointStatus {
    /** Not in use; no operation going on. */
    INACTIVE,
    /** Staff are ready to open when asked. */
    STANDBY,
    /** Open to residents. */
    OPEN,
    /** Open, but no room for more people: residents should go elsewhere. */
    FULL,
    /** Closed during an operation (damage, no staff). */
    CLOSED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    /** Whether residents can be received: open points, not full or closed ones. */
    public boolean receivesResidents() {
        return this == OPEN;
    }
}
