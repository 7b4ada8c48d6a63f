package nl.weerbaar.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/** Why a unit of demand was not supplied. Every unmet unit in a plan carries one. */
public enum UnmetReason {
    /** No depot within reach held usable stock of the item that day. */
    NO_STOCK,
    /** A depot within reach had the stock, but its vehicles were fully used that day. */
    NO_TRANSPORT_CAPACITY,
    /** The residents' support points were dark (no power, fuel run out, or not available). */
    POINT_DARK,
    /** Stock of the item within reach expired before the day it was needed. */
    STOCK_EXPIRED,
    /** The open support points within walking distance were full. */
    POINT_FULL,
    /** No support point within walking distance at all. */
    NO_POINT_IN_REACH;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
