package nl.weerbaar.stock;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.weerbaar.system.Csv;
import nl.weerbaar.system.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Inventories as CSV: stock events in (all or nothing, every bad row named), balances out. */
final class StockCsv {

    static final List<String> EVENT_COLUMNS = List.of("type", "depot", "item", "lot", "expiry", "quantity", "toDepot",
            "reason", "documentNumber", "reference");
    private static final List<String> BALANCE_COLUMNS = List.of("depot", "depotName", "item", "lot", "expiry", "quantity",
            "blocked", "expired");

    private StockCsv() {}

    /** The label of a data row in reports: the line number in the file, header being line 1. */
    static String row(int index) {
        return "row " + (index + 2) + ": ";
    }

    /** The rows read, and every cell that could not be read, for the ledger to report with its own checks. */
    record ParsedEvents(List<StockEventRequest> events, List<InvalidInputException.InvalidParam> problems) {}

    static ParsedEvents parseEvents(String csv) {
        List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
        List<StockEventRequest> events = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
            Set<String> missing = new LinkedHashSet<>(List.of("type", "depot", "item", "quantity"));
            missing.removeAll(parser.getHeaderNames());
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "missing columns " + missing + "; the columns are " + EVENT_COLUMNS);
            }
            for (CSVRecord record : parser) {
                String label = row(events.size());
                Optional.ofNullable(Csv.extraCells(record, events.size() + 2)).ifPresent(problems::add);
                events.add(new StockEventRequest(value(record, "type"),
                        number(record, "depot", label, problems, Long::valueOf),
                        value(record, "item"), value(record, "lot"),
                        date(record, label, problems),
                        number(record, "quantity", label, problems, BigDecimal::new),
                        number(record, "toDepot", label, problems, Long::valueOf),
                        value(record, "reason"), value(record, "documentNumber"), value(record, "reference")));
            }
        } catch (UncheckedIOException e) {
            throw Csv.unreadable(e, events.size());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not readable as CSV: " + e.getMessage());
        }
        return new ParsedEvents(events, problems);
    }

    static String balances(List<LotBalance> balances) {
        return Csv.write(BALANCE_COLUMNS, balances.stream()
                .map(b -> Arrays.<Object>asList(b.depot(), b.depotName(), b.item(), b.lot(), b.expiry(), b.quantity(),
                        b.blocked(), b.expired()))
                .toList());
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = Csv.readBack(record.get(column));
        return value.isEmpty() ? null : value;
    }

    private static <T> T number(CSVRecord record, String column, String label, List<InvalidInputException.InvalidParam> problems,
                                Function<String, T> parse) {
        String value = value(record, column);
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.InvalidParam(label + column, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static LocalDate date(CSVRecord record, String label, List<InvalidInputException.InvalidParam> problems) {
        String value = value(record, "expiry");
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.InvalidParam(label + "expiry", "'" + value + "' is not a date like 2027-03-31"));
            return null;
        }
    }
}
