package nl.weerbaar.planning;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.weerbaar.system.Codes;

/**
 * Why a unit of demand was not supplied. Every unmet unit in a plan carries one: either the supply
 * fell short (stock, vehicles, expiry) or residents could not get to a point that had it.
 */
enum UnmetReason {
    /** No depot within reach held usable stock of the item that day. */
    NO_STOCK(true),
    /** A depot within reach had the stock, but its vehicles were fully used that day. */
    NO_TRANSPORT_CAPACITY(true),
    /** The residents' support points were dark (no power, fuel run out, or not available). */
    POINT_DARK(false),
    /** Stock of the item within reach expired before the day it was needed. */
    STOCK_EXPIRED(true),
    /** The open support points within walking distance were full. */
    POINT_FULL(false),
    /** No support point within walking distance at all. */
    NO_POINT_IN_REACH(false);

    private final boolean supply;

    UnmetReason(boolean supply) {
        this.supply = supply;
    }

    /** Whether the stock or its transport fell short, rather than residents' access to a point. */
    public boolean supply() {
        return supply;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }
}
