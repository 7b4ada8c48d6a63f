package nl.weerbaar.stock;

import static nl.weerbaar.system.InputCheck.blankToNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.weerbaar.system.InputCheck;

/** A stock event as the API receives it; {@link #toMovement} checks it and names every bad field. */
record StockEventRequest(String type, Long depot, String item, String lot, LocalDate expiry, BigDecimal quantity,
                                Long toDepot, String reason, String documentNumber, String reference) {

    static final List<String> TYPES = List.of("receipt", "issue", "transfer", "adjustment", "write-off");
    /** The largest quantity and balance the ledger holds (its columns are {@code numeric(14, 3)}). */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999.999");
    static final List<String> WRITE_OFF_REASONS = List.of("expired", "damaged", "lost", "recalled", "other");

    /** Checks the fields, prefixing each field name (e.g. {@code events[2].}) for batch reports. */
    StockMovement toMovement(String prefix, InputCheck check) {
        check.require(type, TYPES::contains, prefix + "type", "must be one of " + String.join(", ", TYPES));
        check.require(depot, d -> d > 0, prefix + "depot", "must be a depot id");
        check.require(item, i -> !i.isBlank(), prefix + "item", "must be an item code, e.g. drinking-water");
        boolean counted = "adjustment".equals(type);
        check.require(quantity, q -> counted ? q.signum() >= 0 : q.signum() > 0, prefix + "quantity",
                counted ? "is the counted quantity: zero or more" : "must be more than zero");
        check.require(quantity == null || quantity.scale() <= 3, prefix + "quantity", "has at most 3 decimals");
        check.require(quantity == null || quantity.compareTo(MAX_QUANTITY) <= 0, prefix + "quantity",
                "is at most " + MAX_QUANTITY.toPlainString());
        if ("receipt".equals(type) || counted || "write-off".equals(type)) {
            check.require(lot, l -> !l.isBlank() && l.length() <= 100, prefix + "lot", "is required: the lot number");
        }
        if ("transfer".equals(type)) {
            check.require(toDepot, d -> !d.equals(depot), prefix + "toDepot", "must be another depot than depot");
        }
        if ("write-off".equals(type)) {
            check.require(reason, WRITE_OFF_REASONS::contains, prefix + "reason",
                    "must say why: " + String.join(", ", WRITE_OFF_REASONS));
        }
        if (type == null || !TYPES.contains(type)) {
            return null;
        }
        StockMovement.Details details = new StockMovement.Details(reason, documentNumber, reference);
        long depotId = depot == null ? 0 : depot;
        return switch (type) {
            case "receipt" -> new StockMovement.Receipt(depotId, item, lot, expiry, quantity, details);
            case "issue" -> new StockMovement.Issue(depotId, item, blankToNull(lot), quantity, details);
            case "transfer" -> new StockMovement.Transfer(depotId, toDepot == null ? 0 : toDepot, item, blankToNull(lot),
                    quantity, details);
            case "adjustment" -> new StockMovement.Adjustment(depotId, item, lot, quantity, details);
            default -> new StockMovement.WriteOff(depotId, item, lot, quantity, details);
        };
    }
}
