package nl.weerbaar.funding;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The resilience categories of the NATO pledge of June 2025 (up to 1.5 % of GDP a year beside
 * core defence): what a euro of resilience money was spent on.
 */
enum NatoCategory {
    CRITICAL_INFRASTRUCTURE,
    /** Defending networks: cyber. */
    NETWORKS,
    CIVIL_PREPAREDNESS,
    INNOVATION,
    DEFENCE_INDUSTRIAL_BASE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NatoCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    static String allCodes() {
        return String.join(", ", Arrays.stream(values()).map(NatoCategory::code).toList());
    }
}
