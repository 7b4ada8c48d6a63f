package nl.weerbaar.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a user may do inside the area of their organisation; each role includes the ones before it. */
public enum Role {
    /** Reads what is not public. */
    VIEWER,
    /** Runs a support point or depot: status, occupancy, receipts and issues. */
    OPERATOR,
    /** Plans and approves for the organisation's area. */
    COORDINATOR,
    /** Manages the organisation's users, partners and settings. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "role '" + code + "' does not exist: use viewer, operator, coordinator or admin"));
    }
}
