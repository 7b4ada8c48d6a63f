package nl.weerbaar.planning;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** A run's result as CSV (one row per municipality, day and item) and as a printable PDF report. */
@Component
public class PlanReport {

    public String csv(PlanResult result) {
        throw new UnsupportedOperationException();
    }

    public byte[] pdf(Scenario scenario, PlanResult result, Locale locale) {
        throw new UnsupportedOperationException();
    }
}
