package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A computed split of budget lines over the 25 safety regions, with how every share came about.
 *
 * @param potCents               the budget lines' total when computed
 * @param baseCents              what every region gets first
 * @param areaSharePercent       the part of the rest that goes by land area; the other part goes by residents
 * @param remainderCents         the pot minus the base amounts: what goes by residents and area
 * @param centsPerResident       what one resident brings in at risk weight 1
 * @param centsPerKm2            what one km² of land brings in at risk weight 1
 * @param status                 {@code draft}, {@code adopted} (the regions' budget) or {@code superseded}
 */
record Allocation(long id, String name, int year, List<Long> budgetLineIds, long potCents, long baseCents,
                         BigDecimal areaSharePercent, long remainderCents, BigDecimal centsPerResident,
                         BigDecimal centsPerKm2, String status, Instant adoptedAt, List<RegionShare> shares) {

    /** One region's share: base + residents' part + land-area part = total. */
    public record RegionShare(String regionCode, String regionName, long population, BigDecimal landAreaKm2,
                              BigDecimal riskWeight, long baseCents, long populationCents, long areaCents, long totalCents) {}

    public boolean draft() {
        return status.equals("draft");
    }

    /** The part of the remainder that goes by residents: what the area share leaves. */
    public BigDecimal populationSharePercent() {
        return BigDecimal.valueOf(100).subtract(areaSharePercent);
    }
}
