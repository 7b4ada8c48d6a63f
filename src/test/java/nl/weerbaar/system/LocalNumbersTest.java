package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers and euros as a Dutch or English page's reader writes them, read and shown both ways. */
class LocalNumbersTest {

    private static final Locale DUTCH = Locale.of("nl");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "70.000.000|70000000", "€ 70.000.000|70000000", "€\u00A070.000.000,00|70000000.00", "1.250,50|1250.50",
            "1250,5|1250.5", "1250.5|1250.5", "EUR 12|12", "-3,25|-3.25", "1.250|1250"})
    void dutchPagesReadDotsAsThousandsAndTheCommaAsDecimals(String typed, String expected) {
        assertThat(LocalNumbers.parse(typed, DUTCH)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"70,000,000|70000000", "€1,250.50|1250.50", "1250.5|1250.5", "1250,5|1250.5"})
    void englishPagesReadCommasAsThousands(String typed, String expected) {
        assertThat(LocalNumbers.parse(typed, Locale.ENGLISH)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "1.2.3,4,5", "''", "12e3", "1,,2"})
    void whatIsNoNumberIsNone(String typed) {
        assertThat(LocalNumbers.parse(typed, DUTCH)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"7000000000|€\u00A070.000.000,00", "1|€\u00A00,01", "0|€\u00A00,00"})
    void eurosAreShownTheDutchWay(long cents, String shown) {
        assertThat(LocalNumbers.euros(cents, DUTCH)).isEqualTo(shown);
        assertThat(LocalNumbers.parse(shown, DUTCH)).hasValueSatisfying(v -> assertThat(v.movePointRight(2).longValueExact()).isEqualTo(cents));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"803814.000|803.814", "12.5|12,5", "0.0005|0"})
    void quantitiesAreShownWithoutTrailingZeros(String number, String shown) {
        assertThat(LocalNumbers.format(new BigDecimal(number), 3, DUTCH)).isEqualTo(shown);
    }
}
