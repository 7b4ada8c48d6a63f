package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a client asks the ledger to record. Each kind says what it needs: a receipt names its lot
 * and expiry, an issue or transfer may leave the lot to first-expiry-first-out, an adjustment
 * gives the counted quantity, a write-off its reason.
 */
sealed interface StockMovement {

    long depot();

    String item();

    /** Common facts of every movement: why, on which document, for which incident or plan. */
    record Details(String reason, String documentNumber, String reference) {}

    Details details();

    record Receipt(long depot, String item, String lot, LocalDate expiry, BigDecimal quantity, Details details)
            implements StockMovement {}

    /** {@code lot} null: take the earliest-expiring usable lots. */
    record Issue(long depot, String item, String lot, BigDecimal quantity, Details details) implements StockMovement {}

    record Transfer(long depot, long toDepot, String item, String lot, BigDecimal quantity, Details details)
            implements StockMovement {}

    /** After a count: {@code counted} is what is on the shelf; the ledger records the difference. */
    record Adjustment(long depot, String item, String lot, BigDecimal counted, Details details) implements StockMovement {}

    record WriteOff(long depot, String item, String lot, BigDecimal quantity, Details details) implements StockMovement {}
}
