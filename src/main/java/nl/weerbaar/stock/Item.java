package nl.weerbaar.stock;

import java.math.BigDecimal;

/** A kind of stock in the catalogue; {@code dailyNormPerPerson} is in the item's unit, where a norm applies. */
public record Item(String code, String name, String category, String unit, Integer shelfLifeDays,
                   BigDecimal dailyNormPerPerson, String normSource, long version) {}
