package nl.weerbaar.system;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV writer of the system (RFC 4180: comma, CRLF, quotes doubled), and the rule by which
 * every import reads back what it wrote.
 *
 * <p>Exports are opened in spreadsheets, and a spreadsheet runs a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula (OWASP
 * "CSV injection"): a point named {@code =HYPERLINK(…)} in a public download would run on the
 * reader's machine. Such a text cell is written with a single quote in front and in double quotes,
 * so the spreadsheet shows it as text. Numbers are passed as {@link Number} and written as they
 * are: {@code -12.5} stays a number. A text cell that already starts with quotes before such a
 * character gets one more, so {@link #readBack} (which removes exactly one) returns every text as
 * it was.
 */
public final class Csv {

    private static final Pattern RUNS_AS_FORMULA = Pattern.compile("^'*[=+\\-@\t\r]");
    private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@\t\r]");
    private static final String LINE_END = "\r\n";

    private Csv() {}

    /** The separators of a CSV: RFC 4180's comma and decimal point, or a Dutch spreadsheet's semicolon and decimal comma. */
    private record Dialect(char separator, char decimal) {}

    private static final Dialect RFC_4180 = new Dialect(',', '.');
    private static final Dialect DUTCH = new Dialect(';', ',');

    /** A header line and the rows; a cell is a {@link Number} (written as is), text, or null (empty). */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        return write(header, rows, RFC_4180);
    }

    /**
     * The same for a Dutch spreadsheet opened by a double click (page downloads for Dutch users, never
     * the API's documented CSV): semicolons between cells, decimal commas, and a byte-order mark so
     * the spreadsheet reads the file as UTF-8.
     */
    public static String writeDutch(List<String> header, List<? extends List<?>> rows) {
        return "\uFEFF" + write(header, rows, DUTCH);
    }

    private static String write(List<String> header, List<? extends List<?>> rows, Dialect dialect) {
        StringBuilder out = new StringBuilder();
        line(out, header, dialect);
        for (List<?> row : rows) {
            line(out, row, dialect);
        }
        return out.toString();
    }

    /** A cell as an import should take it: without the quote {@link #write} put before a formula character. */
    public static String readBack(String cell) {
        return cell != null && NEUTRALISED.matcher(cell).find() ? cell.substring(1) : cell;
    }

    /**
     * The problem with a file the CSV reader stopped in (a quoted cell never closed), naming the row
     * it stopped at: {@code rowsRead} data rows were read, the header being row 1.
     */
    public static InvalidInputException unreadable(UncheckedIOException e, long rowsRead) {
        Throwable cause = e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
        String reason = cause == null ? e.getMessage() : cause.getMessage();
        return new InvalidInputException("row " + (rowsRead + 2), "cannot be read as CSV (" + reason
                + "); a cell that starts with a double quote must end with one, and quotes inside it are doubled");
    }

    /** A row with more cells than the header names, or null when it has no more. */
    public static InvalidInputException.InvalidParam extraCells(CSVRecord record, long line) {
        int columns = record.getParser().getHeaderNames().size();
        return record.size() > columns ? new InvalidInputException.InvalidParam("row " + line, "has " + record.size()
                + " cells but the header names " + columns + " columns") : null;
    }

    private static void line(StringBuilder out, List<?> cells, Dialect dialect) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(dialect.separator());
            }
            out.append(cell(cells.get(i), dialect));
        }
        out.append(LINE_END);
    }

    private static String cell(Object value, Dialect dialect) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', dialect.decimal());
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString().replace('.', dialect.decimal());
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        boolean formula = RUNS_AS_FORMULA.matcher(text).find();
        if (formula) {
            text = "'" + text;
        }
        return formula || needsQuotes(text, dialect) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean needsQuotes(String text, Dialect dialect) {
        return !text.isEmpty() && (text.indexOf(dialect.separator()) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)));
    }
}
