package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTest {

    static final List<String> PAYLOADS = List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "-2+3+cmd", "=HYPERLINK(\"http://x\")",
            "\tTAB", "\rCR");

    @Test
    void textThatASpreadsheetWouldRunIsQuotedAndPrefixedWithASingleQuote() {
        for (String payload : PAYLOADS) {
            String line = Csv.write(List.of("name"), List.of(List.of(payload))).split("\r\n", 2)[1];
            assertThat(line).as(payload).isEqualTo('"' + "'" + payload.replace("\"", "\"\"") + '"' + "\r\n");
        }
    }

    @Test
    void numbersStayNumbersAndPlainTextStaysAsItWas() {
        String csv = Csv.write(List.of("a", "b", "c", "d", "e", "f"),
                List.of(Arrays.asList(-12.5, new BigDecimal("-1250.00"), -3L, "Rode Kruis, Amsterdam", null, true)));
        assertThat(csv).isEqualTo("a,b,c,d,e,f\r\n-12.5,-1250.00,-3,\"Rode Kruis, Amsterdam\",,true\r\n");
    }

    @Test
    void whatAParserReadsBackIsTheTextThatWasWritten() throws IOException {
        List<String> texts = new java.util.ArrayList<>(PAYLOADS);
        texts.addAll(List.of("'=already quoted", "''+twice", "'plain quote", "it's", "a \"quote\"", "line\nbreak", "-"));
        String csv = Csv.write(List.of("text"), texts.stream().map(t -> List.<Object>of(t)).toList());
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records.stream().map(r -> r.get("text")).toList())
                .allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
        assertThat(records.stream().map(r -> Csv.readBack(r.get("text"))).toList()).isEqualTo(texts);
    }

    @Test
    void forADutchSpreadsheetCellsAreSeparatedBySemicolonsWithDecimalCommasAndFormulasStillNeutralised() {
        String csv = Csv.writeDutch(List.of("regio", "naam", "bedrag"),
                List.of(Arrays.asList("VR13", "Amsterdam-Amstelland; Zaanstreek", new BigDecimal("1250.50")),
                        Arrays.asList("VR01", "=HYPERLINK(1)", -12.5)));
        assertThat(csv).isEqualTo("\uFEFFregio;naam;bedrag\r\nVR13;\"Amsterdam-Amstelland; Zaanstreek\";1250,50\r\n"
                + "VR01;\"'=HYPERLINK(1)\";-12,5\r\n");
    }
}
