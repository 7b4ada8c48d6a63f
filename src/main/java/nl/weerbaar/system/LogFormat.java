package nl.weerbaar.system;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code WEERBAAR_LOG_FORMAT=json} writes every log line as one JSON object in the Elastic Common
 * Schema (Spring Boot's structured logging), for a log collector; the request id is in the MDC
 * and so in every line written while a request is served. Runs before logging starts.
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "weerbaar.log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> { }
            case "json" -> environment.getPropertySources().addFirst(new MapPropertySource("weerbaarLogFormat", Map.of(
                    "logging.structured.format.console", "ecs",
                    "logging.structured.format.file", "ecs")));
            default -> throw new IllegalStateException("WEERBAAR_LOG_FORMAT is '" + format + "': expected text or json");
        }
    }
}
