package nl.weerbaar.funding;

import java.time.LocalDate;

/**
 * A commitment or a payment booked against a region's budget, by the region or one of its
 * municipalities.
 *
 * @param kind          {@code commitment} (promised, not yet paid) or {@code spending} (paid); a paid
 *                      commitment is changed to spending, so it never counts twice
 * @param referenceType {@code support-point}, {@code depot} or {@code stock-purchase}, with {@code referenceId}; or null
 */
record Expenditure(long id, String region, String municipality, int year, String kind, long amountCents,
                          NatoCategory natoCategory, String referenceType, String referenceId, String description,
                          LocalDate bookedOn, long version) {

    /** The area booked for: the municipality when there is one, else the region. */
    public String bookingArea() {
        return municipality != null ? municipality : region;
    }
}
