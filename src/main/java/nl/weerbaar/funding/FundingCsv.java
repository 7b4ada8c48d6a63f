package nl.weerbaar.funding;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The reports as CSV: amounts in euros with two decimals, so a spreadsheet reads them as numbers. */
final class FundingCsv {

    private FundingCsv() {}

    static String regions(FundingReports.RegionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.RegionLine line : report.regions()) {
            rows.add(regionRow(report.year(), line));
        }
        rows.add(regionRow(report.year(), report.total()));
        return write(List.of("year", "region", "name", "budgetEur", "committedEur", "spentEur", "remainingEur"), rows);
    }

    static String categories(FundingReports.CategoryReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.CategoryLine line : report.categories()) {
            rows.add(List.of(report.year(), line.natoCategory().code(), Cents.plain(line.committedCents()), Cents.plain(line.spentCents()),
                    Cents.plain(line.nationalCents()), Cents.plain(line.totalSpentCents())));
        }
        return write(List.of("year", "natoCategory", "regionalCommittedEur", "regionalSpentEur", "nationalEur", "totalSpentEur"), rows);
    }

    static String pledge(FundingReports.PledgeReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (FundingReports.PledgeYear year : report.years()) {
            rows.add(List.of(year.year(), euros(year.gdpCents()), year.gdpEstimated(), Cents.plain(year.regionalCents()),
                    Cents.plain(year.nationalCents()), Cents.plain(year.resilienceCents()), euros(year.pledgeCents()),
                    text(year.sharePercent()), text(year.linearPathPercent())));
        }
        return write(List.of("year", "gdpEur", "gdpEstimated", "regionalEur", "nationalEur", "resilienceEur", "pledgeEur",
                "sharePercent", "linearPathPercent"), rows);
    }

    private static List<Object> regionRow(int year, FundingReports.RegionLine line) {
        return List.of(year, line.regionCode(), line.regionName(), Cents.plain(line.budgetCents()), Cents.plain(line.committedCents()),
                Cents.plain(line.spentCents()), Cents.plain(line.remainingCents()));
    }

    private static String euros(Long cents) {
        return cents == null ? "" : Cents.plain(cents);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
