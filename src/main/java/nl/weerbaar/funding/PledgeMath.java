package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The arithmetic of the pledge report, apart from where the figures come from. */
final class PledgeMath {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PledgeMath() {}

    /**
     * @param gdp              GDP in cents per year, as entered
     * @param regional         regional spending in cents per year
     * @param national         national resilience spending in cents per year
     * @param assumedGrowthPercent nominal GDP growth a year for projecting years without a figure; null for none
     */
    static FundingReports.PledgeReport report(Map<Integer, Long> gdp, Map<Integer, Long> regional, Map<Integer, Long> national,
                                              BigDecimal assumedGrowthPercent) {
        List<FundingReports.PledgeYear> years = new ArrayList<>();
        List<Integer> withoutGdp = new ArrayList<>();
        Integer startYear = null;
        BigDecimal startShare = null;
        for (int year = FundingReports.FIRST_YEAR; year <= FundingReports.PLEDGE_YEAR; year++) {
            long regionalCents = regional.getOrDefault(year, 0L);
            long nationalCents = national.getOrDefault(year, 0L);
            long resilience = regionalCents + nationalCents;
            Long yearGdp = gdp.get(year);
            boolean estimated = false;
            if (yearGdp == null && assumedGrowthPercent != null) {
                yearGdp = projected(gdp, year, assumedGrowthPercent);
                estimated = yearGdp != null;
            }
            if (yearGdp == null) {
                withoutGdp.add(year);
                years.add(new FundingReports.PledgeYear(year, null, false, regionalCents, nationalCents, resilience, null, null, null, null));
                continue;
            }
            BigDecimal share = percent(resilience, yearGdp);
            if (startYear == null && !estimated) {
                startYear = year;
                startShare = share;
            }
            BigDecimal path = startYear == null ? null : linearPath(startYear, startShare, year);
            years.add(new FundingReports.PledgeYear(year, yearGdp, estimated, regionalCents, nationalCents, resilience,
                    partOf(yearGdp, FundingReports.PLEDGE_PERCENT), share, path, path == null ? null : partOf(yearGdp, path)));
        }
        return new FundingReports.PledgeReport(FundingReports.PLEDGE_PERCENT, FundingReports.PLEDGE_YEAR, assumedGrowthPercent,
                List.copyOf(years), List.copyOf(withoutGdp));
    }

    /** GDP of the last year entered before {@code year}, grown by the assumed rate for each year since. */
    private static Long projected(Map<Integer, Long> gdp, int year, BigDecimal growthPercent) {
        return gdp.keySet().stream().filter(y -> y < year).max(Integer::compare)
                .map(known -> BigDecimal.valueOf(gdp.get(known))
                        .multiply(BigDecimal.ONE.add(growthPercent.divide(HUNDRED, EXACT)).pow(year - known, EXACT), EXACT)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact())
                .orElse(null);
    }

    /** From the share of the first year with GDP, in equal steps, to 1.5 % in 2035. */
    private static BigDecimal linearPath(int startYear, BigDecimal startShare, int year) {
        if (startYear == FundingReports.PLEDGE_YEAR) {
            return FundingReports.PLEDGE_PERCENT;
        }
        BigDecimal progress = BigDecimal.valueOf(year - startYear).divide(BigDecimal.valueOf(FundingReports.PLEDGE_YEAR - startYear), EXACT);
        return startShare.add(FundingReports.PLEDGE_PERCENT.subtract(startShare).multiply(progress, EXACT)).setScale(4, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** {@code percent} % of {@code cents}, to the cent. */
    static long partOf(long cents, BigDecimal percent) {
        return BigDecimal.valueOf(cents).multiply(percent, EXACT).divide(HUNDRED, EXACT).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
