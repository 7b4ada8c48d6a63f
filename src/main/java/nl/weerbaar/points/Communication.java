package nl.weerbaar.points;

import nl.weerbaar.system.Codes;
import com.fasterxml.jackson.annotation.JsonValue;

/** Ways a point stays in touch when phone and internet are down. */
enum Communication {
    SATELLITE, C2000, RADIO;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
