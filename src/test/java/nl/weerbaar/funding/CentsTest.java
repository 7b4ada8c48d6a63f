package nl.weerbaar.funding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1250|125000", "1250.5|125050", "1250.50|125050", "1250,50|125050", "1.250,50|125050",
            "70.000.000,00|7000000000", " 0 |0", "1 250,00|125000"})
    void readsEurosAsPeopleWriteThem(String text, long cents) {
        assertThat(Cents.parseEuros(text)).hasValue(cents);
    }

    /** "1.250" could be 1.25 or 1,250: refused rather than guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"", "12x", "1.250", "1,2,3", "-5", "1.999", "99999999999999999999"})
    void refusesWhatIsNotAnAmountWithAtMostTwoDecimals(String text) {
        assertThat(Cents.parseEuros(text)).isEmpty();
    }
}
