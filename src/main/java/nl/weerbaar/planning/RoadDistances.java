package nl.weerbaar.planning;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.system.InputCheck;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Road distances supplied as a file, from a routing service or a map: CSV with the header
 * {@code from,to,km}, places written {@code depot:ID} or {@code point:ID}. A pair given one way
 * counts both ways unless the other way is given too; a pair not in the file falls back to the
 * straight line × the detour factor.
 */
final class RoadDistances {

    private final Map<String, Double> km;

    private RoadDistances(Map<String, Double> km) {
        this.km = Map.copyOf(km);
    }

    public static RoadDistances of(Map<String, Double> km) {
        return new RoadDistances(km);
    }

    public static String depot(long id) {
        return "depot:" + id;
    }

    public static String point(long id) {
        return "point:" + id;
    }

    /** Reads the file; every bad row is named (row number and field), nothing is read when one is bad. */
    public static RoadDistances read(Reader csv) throws IOException {
        Map<String, Double> km = new HashMap<>();
        Map<String, Double> oneWay = new HashMap<>();
        InputCheck check = new InputCheck();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(csv).getRecords();
        for (CSVRecord record : records) {
            String row = "row " + (record.getRecordNumber() + 1);
            String from = record.isMapped("from") && record.isSet("from") ? record.get("from") : "";
            String to = record.isMapped("to") && record.isSet("to") ? record.get("to") : "";
            String value = record.isMapped("km") && record.isSet("km") ? record.get("km") : "";
            check.require(from.matches("(depot|point):[0-9]+"), row + ".from", "must be depot:ID or point:ID, e.g. point:12");
            check.require(to.matches("(depot|point):[0-9]+"), row + ".to", "must be depot:ID or point:ID, e.g. depot:3");
            Double distance = null;
            try {
                distance = Double.valueOf(value);
            } catch (NumberFormatException e) {
                // named below
            }
            boolean valid = distance != null && distance >= 0 && !distance.isInfinite() && !distance.isNaN();
            check.require(valid, row + ".km", "must be a distance in km of 0 or more, e.g. 12.5");
            if (valid) {
                km.put(from + ">" + to, distance);
                oneWay.putIfAbsent(to + ">" + from, distance);
            }
        }
        check.orThrow();
        oneWay.forEach(km::putIfAbsent);
        return new RoadDistances(km);
    }

    /** The road distance in km from one place to another, if the file gives it. */
    Double km(String from, String to) {
        return km.get(from + ">" + to);
    }

    int size() {
        return km.size();
    }
}
