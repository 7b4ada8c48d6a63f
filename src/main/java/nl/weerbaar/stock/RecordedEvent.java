package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the ledger: {@code quantity} is the signed change of the depot's balance of the lot. */
record RecordedEvent(long id, String type, long depot, String item, String lot, LocalDate expiry,
                            BigDecimal quantity, String reason, String documentNumber, String reference,
                            UUID transferId, String actor, String organisation, Instant recordedAt) {}
