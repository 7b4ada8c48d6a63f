package nl.weerbaar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read statements the previous release sent to PostgreSQL while starting and serving its read
 * paths (captured from its statement log, {@code upgrade/previous-release-reads.json}). Run against
 * a schema, each gives the columns and the number of rows the previous release's code would have
 * read, or the error it would have met: a rolling upgrade keeps the previous release serving on the
 * new schema, so every one of them must still run and answer alike.
 */
final class PreviousReleaseReads {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    record Read(String sql, List<String> parameters) {
        /** The statement with its captured parameters as untyped literals, which PostgreSQL types from their use as it typed the bound ones. */
        String withParameters() {
            Matcher matcher = PARAMETER.matcher(sql);
            StringBuilder inlined = new StringBuilder();
            while (matcher.find()) {
                String value = parameters.get(Integer.parseInt(matcher.group(1)) - 1);
                matcher.appendReplacement(inlined, Matcher.quoteReplacement(
                        value == null ? "NULL" : "'" + value.replace("'", "''") + "'"));
            }
            return matcher.appendTail(inlined).toString();
        }

        String firstLine() {
            return sql.lines().findFirst().orElse("").strip();
        }
    }

    /** What a read answered: its column labels and row count, or the error. */
    record Answer(List<String> columns, long rows, String error) {}

    static List<Read> load() {
        try (InputStream in = PreviousReleaseReads.class.getResourceAsStream("/upgrade/previous-release-reads.json")) {
            List<Read> reads = new ArrayList<>();
            for (JsonNode read : JsonMapper.builder().build().readTree(in)) {
                List<String> parameters = new ArrayList<>();
                read.get("parameters").forEach(p -> parameters.add(p.isNull() ? null : p.asString()));
                reads.add(new Read(read.get("sql").asString(), parameters));
            }
            return reads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every read in a read-only session, each on its own so one failure does not hide the next. */
    static Map<Read, Answer> run(Connection connection, List<Read> reads) throws SQLException {
        Map<Read, Answer> answers = new LinkedHashMap<>();
        try (Statement session = connection.createStatement()) {
            connection.setAutoCommit(true);
            session.execute("set session characteristics as transaction read only");
        }
        for (Read read : reads) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(read.withParameters())) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                long rows = 0;
                while (rs.next()) {
                    rows++;
                }
                answers.put(read, new Answer(columns, rows, null));
            } catch (SQLException e) {
                answers.put(read, new Answer(List.of(), 0, e.getMessage()));
            }
        }
        return answers;
    }

    private PreviousReleaseReads() {}
}
