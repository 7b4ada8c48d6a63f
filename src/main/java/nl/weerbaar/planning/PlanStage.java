package nl.weerbaar.planning;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What a run is doing, for its progress: a message key ({@code planning.stage.*}) and, for one
 * item's part, the item's name. Put into words by whoever shows it, in the language it speaks:
 * the planning pages in Dutch, the command line in English.
 */
public record PlanStage(String key, String item) {

    static final PlanStage DEMAND = new PlanStage("planning.stage.demand", null);
    static final PlanStage SHARED_VEHICLES = new PlanStage("planning.stage.sharedVehicles", null);
    static final PlanStage SUMMARY = new PlanStage("planning.stage.summary", null);
    static final PlanStage DONE = new PlanStage("planning.stage.done", null);

    static PlanStage item(String name) {
        return new PlanStage("planning.stage.item", name);
    }

    public String words(MessageSource messages, Locale locale) {
        return messages.getMessage(key, new Object[] {item}, locale);
    }
}
