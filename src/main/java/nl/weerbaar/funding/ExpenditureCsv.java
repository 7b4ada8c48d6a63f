package nl.weerbaar.funding;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.system.Csv;
import nl.weerbaar.system.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Reads expenditures from CSV with a header line naming the columns {@value #HEADER}. Amounts are
 * in euros as finance systems export them ({@code 1250.00} or {@code 1.250,00}); {@code municipality},
 * {@code referenceType} and {@code referenceId} may be empty.
 */
@Component
class ExpenditureCsv {

    static final String HEADER = "region,municipality,year,kind,amountEur,natoCategory,referenceType,referenceId,description,bookedOn";
    private static final List<String> REQUIRED = List.of("year", "kind", "amountEur", "natoCategory", "description", "bookedOn");

    /**
     * A row as read, with the problems found while reading it (a number that is not one); the
     * rest is checked like any other input.
     *
     * @param line the row's number counting the header as row 1, as a spreadsheet shows it
     */
    record Row(long line, Expenditures.ExpenditureInput input, List<InvalidInputException.InvalidParam> problems) {}

    List<Row> parse(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text == null ? "" : text.replace("\uFEFF", "")), format)) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (missing.isEmpty() && !parser.getHeaderMap().containsKey("region") && !parser.getHeaderMap().containsKey("municipality")) {
                missing = List.of("region");
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "the first line must name the columns " + HEADER + "; missing: " + missing);
            }
            List<Row> rows = new ArrayList<>();
            try {
                for (CSVRecord record : parser) {
                    rows.add(row(record));
                }
            } catch (UncheckedIOException e) {
                throw Csv.unreadable(e, rows.size());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException unreadable) {
            throw new InvalidInputException("body", "is not CSV with a header line: " + unreadable.getMessage());
        }
    }

    /** The CSV column a field of the input comes from, for the row report. */
    static String columnOf(String field) {
        return field.equals("amountCents") ? "amountEur" : field;
    }

    private static Row row(CSVRecord record) {
        long line = record.getRecordNumber() + 1;
        List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
        Optional.ofNullable(Csv.extraCells(record, line)).ifPresent(problems::add);
        String yearText = value(record, "year");
        Integer year = null;
        if (yearText != null) {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                problems.add(new InvalidInputException.InvalidParam("row " + line + ": year", "'" + yearText + "' is not a year"));
            }
        }
        String amountText = value(record, "amountEur");
        Optional<Long> cents = Cents.parseEuros(amountText);
        if (amountText != null && cents.isEmpty()) {
            problems.add(new InvalidInputException.InvalidParam("row " + line + ": amountEur",
                    "'" + amountText + "' is not an amount in euros with at most 2 decimals, as 1250.00 or 1.250,00"));
        }
        if (!record.isConsistent()) {
            problems.add(new InvalidInputException.InvalidParam("row " + line, "has " + record.size() + " fields; the header has "
                    + record.getParser().getHeaderMap().size()));
        }
        Expenditures.ExpenditureInput input = new Expenditures.ExpenditureInput(value(record, "region"), value(record, "municipality"),
                year, value(record, "kind"), cents.orElse(null), value(record, "natoCategory"),
                value(record, "referenceType"), value(record, "referenceId"), value(record, "description"), value(record, "bookedOn"));
        return new Row(line, input, problems);
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = Csv.readBack(record.get(column));
        return value.isBlank() ? null : value;
    }
}
