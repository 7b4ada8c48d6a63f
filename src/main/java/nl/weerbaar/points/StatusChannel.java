package nl.weerbaar.points;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/** How a status reached Weerbaar: from the point itself, relayed by someone who heard it, or by text message. */
enum StatusChannel {
    /** Set at the point: the operator's page (online or sent later from the phone) or the API. */
    DIRECT,
    /** Relayed by a coordinator from an emergency radio call. */
    RADIO,
    /** Relayed by a coordinator from a (landline) phone call. */
    PHONE,
    /** Relayed by a coordinator from a messenger on foot or by bike. */
    MESSENGER,
    /** A text message from a registered operator's phone. */
    SMS;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    /** Whether someone other than the point's operator entered it. */
    public boolean relayed() {
        return this == RADIO || this == PHONE || this == MESSENGER;
    }
}
