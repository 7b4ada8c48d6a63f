package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LogFormatTest {

    private MockEnvironment after(String format) {
        MockEnvironment environment = new MockEnvironment();
        if (format != null) {
            environment.setProperty(LogFormat.PROPERTY, format);
        }
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void jsonTurnsOnSpringBootsStructuredLoggingInTheElasticCommonSchema() {
        MockEnvironment environment = after(" JSON ");

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
    }

    @Test
    void textOrNothingKeepsPlainLines() {
        assertThat(after(null).getProperty("logging.structured.format.console")).isNull();
        assertThat(after("text").getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anotherFormatStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> after("xml")).hasMessage("WEERBAAR_LOG_FORMAT is 'xml': expected text or json");
    }
}
