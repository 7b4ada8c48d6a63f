package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinderAnswersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | false", "'' | false", "identity | false", "br | false",
            "gzip | true", "GZIP | true", "'gzip, deflate, br' | true", "'br;q=1.0, gzip;q=0.8' | true", "* | true",
            "gzip;q=0 | false", "'gzip; q=0.000, br' | false", "gzip;q=0.001 | true"})
    void gzipIsSentOnlyToWhoTakesIt(String acceptEncoding, boolean gzip) {
        assertThat(FinderAnswers.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
    }
}
