package nl.weerbaar.points;

import java.io.UncheckedIOException;
import java.util.Optional;
import nl.weerbaar.system.Codes;
import nl.weerbaar.system.Csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.system.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Support points as CSV, one point a row, the columns named as the JSON fields; lists of codes
 * separated by semicolons. Export writes what import reads, plus the status columns.
 */
final class PointsCsv {

    static final List<String> IMPORT_COLUMNS = List.of("name", "tier", "buildingKind", "address", "lat", "lon",
            "municipality", "ownerOrganisation", "capabilities", "capacityPersons", "capacityOvernight", "generator",
            "fuelAutonomyHours", "communications", "contact", "opening", "public");
    static final List<String> EXPORT_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("id"));
        columns.addAll(IMPORT_COLUMNS);
        columns.addAll(List.of("demo", "status", "occupancy", "message", "unavailable", "statusConfirmedAt"));
        EXPORT_COLUMNS = List.copyOf(columns);
    }

    private PointsCsv() {}

    /** A row as read: its line for the report, the input it gives, and what could not even be parsed. */
    record Row(long line, SupportPoints.PointInput input, List<InvalidInputException.InvalidParam> unreadable) {}

    static List<Row> read(Reader csv) {
        List<Row> rows = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(csv);
            Set<String> header = new HashSet<>(parser.getHeaderNames());
            List<String> missing = IMPORT_COLUMNS.stream().filter(c -> !header.contains(c))
                    .filter(c -> List.of("name", "tier", "buildingKind", "lat", "lon", "municipality").contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("header", "missing column(s) " + missing + "; the columns are " + IMPORT_COLUMNS);
            }
            for (CSVRecord record : parser) {
                rows.add(row(record));
            }
        } catch (UncheckedIOException e) {
            throw Csv.unreadable(e, rows.size());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("csv", "not readable as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static Row row(CSVRecord record) {
        List<InvalidInputException.InvalidParam> unreadable = new ArrayList<>();
        Optional.ofNullable(Csv.extraCells(record, record.getRecordNumber() + 1)).ifPresent(unreadable::add);
        SupportPoints.PointInput input = new SupportPoints.PointInput(text(record, "name"), text(record, "tier"),
                text(record, "buildingKind"), text(record, "address"), decimal(record, "lat", unreadable),
                decimal(record, "lon", unreadable), text(record, "municipality"), text(record, "ownerOrganisation"),
                codes(record, "capabilities"),
                new SupportPoint.Capacity(whole(record, "capacityPersons", unreadable), whole(record, "capacityOvernight", unreadable)),
                new SupportPoint.BackupPower(yes(record, "generator", unreadable), whole(record, "fuelAutonomyHours", unreadable)),
                codes(record, "communications"), text(record, "contact"), text(record, "opening"),
                text(record, "public") == null ? null : yes(record, "public", unreadable));
        return new Row(record.getRecordNumber() + 1, input, unreadable);
    }

    static String write(List<SupportPoint> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (SupportPoint p : points) {
            rows.add(Arrays.asList(p.id(), p.name(), p.tier().code(), p.buildingKind().code(), p.address(), p.lat(), p.lon(),
                    p.municipality(), p.ownerOrganisation(), join(p.capabilities()), p.capacity().persons(),
                    p.capacity().overnight(), p.backupPower().generator(), p.backupPower().fuelAutonomyHours(),
                    join(p.communications()), p.contact(), p.opening(), p.isPublic(), p.demo(), p.status().code(),
                    p.occupancy(), p.message(), join(p.unavailable()), p.statusConfirmedAt()));
        }
        return Csv.write(EXPORT_COLUMNS, rows);
    }

    private static String join(List<? extends Enum<?>> codes) {
        return codes.stream().map(Codes::of).collect(Collectors.joining(";"));
    }

    private static String text(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = Csv.readBack(record.get(column));
        return value.isBlank() ? null : value;
    }

    private static List<String> codes(CSVRecord record, String column) {
        String value = text(record, column);
        return value == null ? List.of() : Arrays.stream(value.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Double decimal(CSVRecord record, String column, List<InvalidInputException.InvalidParam> unreadable) {
        String value = text(record, column);
        try {
            return value == null ? null : Double.valueOf(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            unreadable.add(new InvalidInputException.InvalidParam(column, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static Integer whole(CSVRecord record, String column, List<InvalidInputException.InvalidParam> unreadable) {
        String value = text(record, column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            unreadable.add(new InvalidInputException.InvalidParam(column, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static boolean yes(CSVRecord record, String column, List<InvalidInputException.InvalidParam> unreadable) {
        String value = text(record, column);
        if (value == null || List.of("false", "no", "nee", "0").contains(value.toLowerCase())) {
            return false;
        }
        if (List.of("true", "yes", "ja", "1").contains(value.toLowerCase())) {
            return true;
        }
        unreadable.add(new InvalidInputException.InvalidParam(column, "'" + value + "' is not true or false"));
        return false;
    }
}
