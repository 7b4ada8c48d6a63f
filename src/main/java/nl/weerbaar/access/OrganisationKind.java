package nl.weerbaar.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

enum OrganisationKind {
    NATIONAL, REGION, MUNICIPALITY, PARTNER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OrganisationKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
