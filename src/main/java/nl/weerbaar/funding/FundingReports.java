package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.system.InputCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the money did: per region, per NATO category, and the Dutch resilience total against the
 * NATO pledge of 1.5 % of GDP by 2035. Region and category reports show only what the user's
 * scope covers; the pledge report is a national aggregate every staff member may read.
 */
@Service
class FundingReports {

    /** NATO summit, The Hague, June 2025: up to 1.5 % of GDP a year on resilience by 2035. */
    public static final BigDecimal PLEDGE_PERCENT = new BigDecimal("1.5");
    public static final int PLEDGE_YEAR = 2035;
    /** The first year of the pledge: the summit year. */
    public static final int FIRST_YEAR = 2025;

    private final JdbcClient jdbc;
    private final Areas areas;
    private final AccessControl access;
    private final NationalFigures national;

    FundingReports(JdbcClient jdbc, Areas areas, AccessControl access, NationalFigures national) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.access = access;
        this.national = national;
    }

    /** remaining = budget − committed − spent; negative when a region booked more than its budget. */
    public record RegionLine(String regionCode, String regionName, long budgetCents, long committedCents, long spentCents,
                             long remainingCents) {}

    public record RegionReport(int year, List<RegionLine> regions, RegionLine total) {}

    /** Regional commitments and spending in a category, and national spending (national scope only). */
    public record CategoryLine(NatoCategory natoCategory, long committedCents, long spentCents, long nationalCents, long totalSpentCents) {}

    public record CategoryReport(int year, boolean includesNational, List<CategoryLine> categories, long totalSpentCents) {}

    /**
     * One year on the path to 2035.
     *
     * @param gdpCents             null when no GDP is entered for the year and no growth was assumed
     * @param gdpEstimated         true when the GDP was projected with the assumed growth rate
     * @param resilienceCents      regional spending booked here plus national spending entered
     * @param pledgeCents          1.5 % of GDP; null without GDP
     * @param sharePercent         resilience as a percentage of GDP; null without GDP
     * @param linearPathPercent    a straight line from the first year's share to 1.5 % in 2035; null before that year
     */
    public record PledgeYear(int year, Long gdpCents, boolean gdpEstimated, long regionalCents, long nationalCents,
                             long resilienceCents, Long pledgeCents, BigDecimal sharePercent, BigDecimal linearPathPercent,
                             Long linearPathCents) {}

    public record PledgeReport(BigDecimal pledgePercent, int pledgeYear, BigDecimal assumedGrowthPercent, List<PledgeYear> years,
                               List<Integer> yearsWithoutGdp) {}

    @Transactional(readOnly = true)
    public RegionReport regions(int year) {
        Actor actor = access.requireRole(Role.VIEWER);
        Map<String, Long> budgets = sumsByRegion("select region_code, sum(amount_cents) from funding_region_budget where year = :year group by 1", year);
        Map<String, Long> committed = sumsByRegion("select region_code, sum(amount_cents) from funding_expenditure "
                + "where year = :year and kind = 'commitment' group by 1", year);
        Map<String, Long> spent = sumsByRegion("select region_code, sum(amount_cents) from funding_expenditure "
                + "where year = :year and kind = 'spending' group by 1", year);
        List<RegionLine> lines = new ArrayList<>();
        for (Region region : areas.regions()) {
            if (!access.mayRead(actor, region.code())) {
                continue;
            }
            long budget = budgets.getOrDefault(region.code(), 0L);
            long c = committed.getOrDefault(region.code(), 0L);
            long s = spent.getOrDefault(region.code(), 0L);
            lines.add(new RegionLine(region.code(), region.name(), budget, c, s, budget - c - s));
        }
        RegionLine total = new RegionLine("total", "Total", lines.stream().mapToLong(RegionLine::budgetCents).sum(),
                lines.stream().mapToLong(RegionLine::committedCents).sum(), lines.stream().mapToLong(RegionLine::spentCents).sum(),
                lines.stream().mapToLong(RegionLine::remainingCents).sum());
        return new RegionReport(year, lines, total);
    }

    @Transactional(readOnly = true)
    public CategoryReport natoCategories(int year) {
        Actor actor = access.requireRole(Role.VIEWER);
        Optional<Set<String>> scope = access.areasInScope(actor);
        boolean national = scope.isEmpty();
        Map<NatoCategory, long[]> sums = new EnumMap<>(NatoCategory.class);
        for (NatoCategory category : NatoCategory.values()) {
            sums.put(category, new long[3]);
        }
        jdbc.sql("""
                        select nato_category, kind, sum(amount_cents) from funding_expenditure
                        where year = :year and (cast(:areas as text[]) is null or region_code = any(:areas) or municipality_code = any(:areas))
                        group by 1, 2""")
                .param("year", year).param("areas", scope.map(s -> s.toArray(String[]::new)).orElse(null))
                .query(rs -> {
                    long[] sum = sums.get(NatoCategory.fromCode(rs.getString(1)).orElseThrow());
                    sum[rs.getString(2).equals("commitment") ? 0 : 1] += rs.getLong(3);
                });
        if (national) {
            this.national.nationalSpendingOf(year).forEach(n -> sums.get(n.natoCategory())[2] += n.amountCents());
        }
        List<CategoryLine> lines = sums.entrySet().stream()
                .map(e -> new CategoryLine(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[1] + e.getValue()[2]))
                .toList();
        return new CategoryReport(year, national, lines, lines.stream().mapToLong(CategoryLine::totalSpentCents).sum());
    }

    /**
     * The resilience total against 1.5 % of GDP for each year from 2025 to 2035. GDP is what admins
     * entered; for a later year without a figure, an assumed nominal growth rate (when given)
     * projects it from the last year entered, marked as estimated. Without that, the year says it has no GDP.
     */
    @Transactional(readOnly = true)
    public PledgeReport pledge(BigDecimal assumedGrowthPercent) {
        access.requireRole(Role.VIEWER);
        new InputCheck().require(assumedGrowthPercent == null
                        || (assumedGrowthPercent.compareTo(BigDecimal.valueOf(-10)) >= 0 && assumedGrowthPercent.compareTo(BigDecimal.valueOf(20)) <= 0),
                "assumedGrowthPercent", "must be a percentage from -10 to 20").orThrow();
        Map<Integer, Long> gdp = new HashMap<>();
        national.gdpFigures().forEach(g -> gdp.put(g.year(), g.amountCents()));
        Map<Integer, Long> regional = sumsByYear("select year, sum(amount_cents) from funding_expenditure where kind = 'spending' group by 1");
        Map<Integer, Long> nationalSpending = sumsByYear("select year, sum(amount_cents) from funding_national_spending group by 1");
        return PledgeMath.report(gdp, regional, nationalSpending, assumedGrowthPercent);
    }

    private Map<String, Long> sumsByRegion(String sql, int year) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.sql(sql).param("year", year).query(rs -> {
            sums.put(rs.getString(1), rs.getLong(2));
        });
        return sums;
    }

    private Map<Integer, Long> sumsByYear(String sql) {
        Map<Integer, Long> sums = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            sums.put(rs.getInt(1), rs.getLong(2));
        });
        return sums;
    }
}
