package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a depot holds of one lot. */
public record LotBalance(long depot, String depotName, String item, long lotId, String lot, LocalDate expiry,
                         BigDecimal quantity, boolean blocked, boolean expired) {}
