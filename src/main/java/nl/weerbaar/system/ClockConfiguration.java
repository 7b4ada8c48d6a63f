package nl.weerbaar.system;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the {@link ApplicationClock} the application's one {@link Clock} bean. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(@Value("${" + ApplicationClock.PROPERTY + ":}") String shiftTo) {
        Clock clock = ApplicationClock.ofSystem(shiftTo);
        if (!shiftTo.isBlank()) {
            log.warn("The clock is shifted: it started at {} ({}); for tests and exercises only", clock.instant(), ApplicationClock.PROPERTY);
        }
        return clock;
    }
}
