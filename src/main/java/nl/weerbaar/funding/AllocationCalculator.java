package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Splits a pot over regions: every region gets the same base amount; the rest goes by residents
 * and by land area in the proportion asked, each region's part multiplied by its risk weight.
 * Shares are rounded to whole cents by the largest-remainder method, so they add up to the pot
 * exactly. Pure arithmetic: no database, no access checks.
 */
final class AllocationCalculator {

    /** 34 significant digits: exact enough for any pot in cents before rounding to whole cents. */
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AllocationCalculator() {}

    /** A region as the formula sees it. */
    record RegionFigures(String code, long population, BigDecimal landAreaKm2, BigDecimal riskWeight) {}

    /** One region's share and its parts; {@code populationCents + areaCents + baseCents == totalCents}. */
    record Share(String regionCode, long baseCents, long populationCents, long areaCents, long totalCents) {}

    /**
     * The formula's rates, for explaining it in words: euro per resident and per km² at risk weight 1.
     */
    record Rates(long remainderCents, BigDecimal centsPerResident, BigDecimal centsPerKm2) {}

    record Result(List<Share> shares, Rates rates) {}

    /**
     * @param areaSharePercent the part of what is left after the base amounts that goes by land area
     *                         (0 to 100); the rest goes by residents
     * @throws IllegalArgumentException when the base amounts alone exceed the pot
     */
    static Result allocate(long potCents, long baseCentsPerRegion, BigDecimal areaSharePercent, List<RegionFigures> regions) {
        long remainder = potCents - baseCentsPerRegion * regions.size();
        if (remainder < 0) {
            throw new IllegalArgumentException("the base amounts (" + regions.size() + " × " + Cents.display(baseCentsPerRegion)
                    + ") exceed the pot of " + Cents.display(potCents));
        }
        BigDecimal areaShare = areaSharePercent.divide(HUNDRED, EXACT);
        BigDecimal populationShare = BigDecimal.ONE.subtract(areaShare);
        BigDecimal totalPopulation = BigDecimal.valueOf(regions.stream().mapToLong(RegionFigures::population).sum());
        BigDecimal totalArea = regions.stream().map(RegionFigures::landAreaKm2).reduce(BigDecimal.ZERO, BigDecimal::add);

        List<BigDecimal> populationKeys = new ArrayList<>();
        List<BigDecimal> areaKeys = new ArrayList<>();
        for (RegionFigures region : regions) {
            populationKeys.add(ratio(BigDecimal.valueOf(region.population()), totalPopulation)
                    .multiply(populationShare, EXACT).multiply(region.riskWeight(), EXACT));
            areaKeys.add(ratio(region.landAreaKm2(), totalArea).multiply(areaShare, EXACT).multiply(region.riskWeight(), EXACT));
        }
        BigDecimal keySum = IntStream.range(0, regions.size())
                .mapToObj(i -> populationKeys.get(i).add(areaKeys.get(i), EXACT))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remainderExact = BigDecimal.valueOf(remainder);

        List<BigDecimal> exactParts = new ArrayList<>();
        List<BigDecimal> exactPopulationParts = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            BigDecimal key = populationKeys.get(i).add(areaKeys.get(i), EXACT);
            exactParts.add(keySum.signum() == 0 ? BigDecimal.ZERO : remainderExact.multiply(key, EXACT).divide(keySum, EXACT));
            exactPopulationParts.add(keySum.signum() == 0 ? BigDecimal.ZERO
                    : remainderExact.multiply(populationKeys.get(i), EXACT).divide(keySum, EXACT));
        }
        long[] rounded = largestRemainder(exactParts, remainder, regions);

        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            // The residents' part is rounded on its own; the area part takes what is left of the region's
            // rounded share, so the parts always add up to the total shown. A part whose key is zero
            // (0 % by area, or 100 %) stays zero: rounding must not hand it the cent the other part lost.
            long populationCents = areaKeys.get(i).signum() == 0 ? rounded[i]
                    : populationKeys.get(i).signum() == 0 ? 0
                    : Math.min(exactPopulationParts.get(i).setScale(0, RoundingMode.HALF_UP).longValueExact(), rounded[i]);
            shares.add(new Share(regions.get(i).code(), baseCentsPerRegion, populationCents, rounded[i] - populationCents,
                    baseCentsPerRegion + rounded[i]));
        }
        return new Result(List.copyOf(shares), rates(remainder, populationShare, areaShare, totalPopulation, totalArea, keySum));
    }

    /**
     * Whole cents that add up to {@code total}: each part rounded down, then the cents left over go
     * one each to the parts with the largest fractions (ties: the lower region code).
     */
    private static long[] largestRemainder(List<BigDecimal> exactParts, long total, List<RegionFigures> regions) {
        long[] floors = new long[exactParts.size()];
        long assigned = 0;
        for (int i = 0; i < floors.length; i++) {
            floors[i] = exactParts.get(i).setScale(0, RoundingMode.FLOOR).longValueExact();
            assigned += floors[i];
        }
        List<Integer> byFraction = IntStream.range(0, floors.length).boxed()
                .sorted(Comparator.<Integer, BigDecimal>comparing(i -> exactParts.get(i).subtract(BigDecimal.valueOf(floors[i])))
                        .reversed()
                        .thenComparing(i -> regions.get(i).code()))
                .toList();
        long leftOver = total - assigned;
        for (int k = 0; k < leftOver; k++) {
            floors[byFraction.get(k % floors.length)]++;
        }
        return floors;
    }

    private static Rates rates(long remainder, BigDecimal populationShare, BigDecimal areaShare, BigDecimal totalPopulation,
                               BigDecimal totalArea, BigDecimal keySum) {
        if (keySum.signum() == 0) {
            return new Rates(remainder, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal scaled = BigDecimal.valueOf(remainder).divide(keySum, EXACT);
        return new Rates(remainder,
                ratio(scaled.multiply(populationShare, EXACT), totalPopulation).setScale(4, RoundingMode.HALF_UP),
                ratio(scaled.multiply(areaShare, EXACT), totalArea).setScale(4, RoundingMode.HALF_UP));
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, EXACT);
    }

    /** Risk weight 1 for every region not named. */
    static BigDecimal weightOf(Map<String, BigDecimal> weights, String regionCode) {
        return weights == null ? BigDecimal.ONE : weights.getOrDefault(regionCode, BigDecimal.ONE);
    }
}
