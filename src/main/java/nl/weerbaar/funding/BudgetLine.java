package nl.weerbaar.funding;

/**
 * Money made available for a year by a source for a purpose.
 *
 * @param purpose kebab-case code, e.g. {@code support-points}, {@code regional-strengthening}, {@code campaign}
 */
record BudgetLine(long id, int year, String source, String purpose, long amountCents, String note, long version) {}
