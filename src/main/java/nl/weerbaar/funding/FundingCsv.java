package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.weerbaar.system.Csv;

/** The reports as CSV: amounts in euros with two decimals, written as numbers so a spreadsheet reads them as such. */
final class FundingCsv {

    private FundingCsv() {}

    static String regions(FundingReports.RegionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.RegionLine line : report.regions()) {
            rows.add(regionRow(report.year(), line));
        }
        rows.add(regionRow(report.year(), report.total()));
        return Csv.write(List.of("year", "region", "name", "budgetEur", "committedEur", "spentEur", "remainingEur"), rows);
    }

    /** The region report for a Dutch spreadsheet (a page download): semicolons, decimal commas, Dutch column names. */
    static String regionsDutch(FundingReports.RegionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.RegionLine line : report.regions()) {
            rows.add(regionRow(report.year(), line));
        }
        rows.add(regionRow(report.year(), report.total()));
        return Csv.writeDutch(List.of("jaar", "regio", "naam", "budget (euro)", "verplicht (euro)", "uitgegeven (euro)",
                "resterend (euro)"), rows);
    }

    static String categories(FundingReports.CategoryReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.CategoryLine line : report.categories()) {
            rows.add(List.of(report.year(), line.natoCategory().code(), Cents.toEuros(line.committedCents()), Cents.toEuros(line.spentCents()),
                    Cents.toEuros(line.nationalCents()), Cents.toEuros(line.totalSpentCents())));
        }
        return Csv.write(List.of("year", "natoCategory", "regionalCommittedEur", "regionalSpentEur", "nationalEur", "totalSpentEur"), rows);
    }

    static String pledge(FundingReports.PledgeReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.PledgeYear year : report.years()) {
            rows.add(Arrays.asList(year.year(), euros(year.gdpCents()), year.gdpEstimated(), Cents.toEuros(year.regionalCents()),
                    Cents.toEuros(year.nationalCents()), Cents.toEuros(year.resilienceCents()), euros(year.pledgeCents()),
                    year.sharePercent(), year.linearPathPercent()));
        }
        return Csv.write(List.of("year", "gdpEur", "gdpEstimated", "regionalEur", "nationalEur", "resilienceEur", "pledgeEur",
                "sharePercent", "linearPathPercent"), rows);
    }

    private static List<Object> regionRow(int year, FundingReports.RegionLine line) {
        return List.of(year, line.regionCode(), line.regionName(), Cents.toEuros(line.budgetCents()), Cents.toEuros(line.committedCents()),
                Cents.toEuros(line.spentCents()), Cents.toEuros(line.remainingCents()));
    }

    private static BigDecimal euros(Long cents) {
        return cents == null ? null : Cents.toEuros(cents);
    }
}
