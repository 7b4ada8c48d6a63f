package nl.weerbaar.system;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place where a refused input or write becomes a sentence on a staff page, in the page's
 * language. The domain names fields by code and says why in English (the API's contract); a page
 * in Dutch says it with the field's Dutch label and a Dutch reason from the message bundle:
 * <ul>
 *   <li>a field: {@code problem.field.<module>.<field>} (the label) and
 *       {@code problem.invalid.<module>.<field>} (the rule); both fall back to the keys without
 *       module, then to a general sentence, never to the code;</li>
 *   <li>a {@link Refusal}: its own message key and arguments (names, numbers), formatted in the
 *       page's locale;</li>
 *   <li>any other refusal: its reason as the domain gave it.</li>
 * </ul>
 * A batch prefix ({@code events[2].}) is dropped: a page books one thing at a time. English pages
 * keep the domain's own English reasons.
 */
@Component
public class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Each problem of a refused page action as a sentence, for {@code module}'s page. */
    public List<String> describe(RuntimeException refused, String module) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        return switch (refused) {
            case InvalidInputException invalid -> invalid.invalidParams().stream()
                    .map(p -> english ? p.name() + ": " + p.reason() : field(module, p.name(), locale)).toList();
            case Refusal refusal -> List.of(english ? refusal.getReason()
                    : messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.getReason(), locale));
            case ResponseStatusException status -> List.of(String.valueOf(status.getReason()));
            default -> throw refused;
        };
    }

    /** All problems as one text, for a page that shows a single alert. */
    public String sentence(RuntimeException refused, String module) {
        return String.join(" ", describe(refused, module));
    }

    private String field(String module, String name, Locale locale) {
        String field = name.replaceFirst("^.*[.:]\\s*", "").replaceAll("\\[\\d+]", "");
        String label = first(locale, field, "problem.field." + module + "." + field, "problem.field." + field);
        String rule = first(locale, null, "problem.invalid." + module + "." + field, "problem.invalid." + field);
        return rule == null ? messages.getMessage("problem.invalid", new Object[] {label}, locale)
                : messages.getMessage("problem.sentence", new Object[] {label, rule}, locale);
    }

    private String first(Locale locale, String otherwise, String... keys) {
        for (String key : keys) {
            String found = messages.getMessage(key, null, null, locale);
            if (found != null) {
                return found;
            }
        }
        return otherwise;
    }
}
