package nl.weerbaar.system;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place where a refused input or write becomes a sentence on a staff page, in the page's
 * language. The domain names fields by code and says why in English (the API's contract); a page
 * in Dutch says it with the field's Dutch label and a Dutch reason from the message bundle:
 * <ul>
 *   <li>a field: {@code problem.field.<module>.<field>} (the label) and
 *       {@code problem.invalid.<module>.<field>} (the rule); both fall back to the keys without
 *       module, then to a general sentence, never to the code;</li>
 *   <li>any other {@link DomainException} with a message key: that sentence with its arguments
 *       (names, numbers), formatted in the page's locale;</li>
 *   <li>one without: its detail as the domain gave it.</li>
 * </ul>
 * A batch prefix ({@code events[2].}) is dropped: a page books one thing at a time. English pages
 * keep the domain's own English reasons. Values the domain quotes in its reason ({@code 'GM9999'})
 * are what the reader typed: a Dutch rule with a {@code .given} variant shows them as {@code {0}}.
 */
@Component("pageProblems")
public class PageProblems {

    /** A value the domain quotes in its reason ('GM9999'): what was given, passed to the Dutch text as {0}. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Each problem of a refused page action as a sentence, for {@code module}'s page. */
    public List<String> describe(DomainException refused, String module) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = "en".equals(locale.getLanguage());
        return switch (refused) {
            case InvalidInputException invalid -> invalid.invalidParams().stream()
                    .map(p -> english ? p.name() + ": " + p.reason() : field(module, p.name(), locale)).toList();
            case DomainException other -> List.of(english || other.messageKey() == null ? other.getMessage()
                    : messages.getMessage(other.messageKey(), other.arguments(), other.getMessage(), locale));
        };
    }

    /** All problems as one text, for a page that shows a single alert. */
    public String sentence(DomainException refused, String module) {
        return String.join(" ", describe(refused, module));
    }

    /**
     * A page action refused by role or scope: the reason is technical English (codes of roles and
     * areas), so a Dutch page says it in general words and an English one keeps it.
     */
    public String sentence(AccessDeniedException refused) {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? refused.getMessage() : messages.getMessage("problem.notAllowed", null, locale);
    }

    private String field(String module, String name, Locale locale) {
        String label = label(module, name);
        String rule = rule(module, new InvalidInputException.InvalidParam(name, ""), locale);
        return rule == null ? messages.getMessage("problem.invalid", new Object[] {label}, locale)
                : messages.getMessage("problem.sentence", new Object[] {label, rule}, locale);
    }

    /**
     * Why one field was refused, for a form that shows it beside the field: the Dutch rule on a Dutch
     * page (with what was given, where the domain quoted it), the domain's reason on an English one.
     */
    public String reason(InvalidInputException.InvalidParam problem, String module) {
        Locale locale = LocaleContextHolder.getLocale();
        if ("en".equals(locale.getLanguage())) {
            return problem.reason();
        }
        String rule = rule(module, problem, locale);
        return rule != null ? rule : messages.getMessage("problem.invalid.general", null, locale);
    }

    /** A field's label for a reader: {@code events[2].quantity} → "Aantal"; a form field {@code item.water} → "Artikel". */
    public String label(String module, String name) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = field(name);
        if ("en".equals(locale.getLanguage())) {
            return name;
        }
        String group = name.contains(".") && !name.contains("[") ? name.substring(0, name.indexOf('.')) : field;
        return first(locale, new Object[0], field, "problem.field." + module + "." + field, "problem.field." + field,
                "problem.field." + module + "." + group);
    }

    private String rule(String module, InvalidInputException.InvalidParam problem, Locale locale) {
        String field = field(problem.name());
        List<String> given = QUOTED.matcher(problem.reason()).results().map(m -> m.group(1)).toList();
        Object[] arguments = {String.join(", ", given)};
        String[] keys = {"problem.invalid." + module + "." + field, "problem.invalid." + field};
        if (!given.isEmpty()) {
            String withGiven = first(locale, arguments, null, keys[0] + ".given", keys[1] + ".given");
            if (withGiven != null) {
                return withGiven;
            }
        }
        return first(locale, arguments, null, keys);
    }

    /** The field's own name: without a batch or row prefix and without indexes. */
    private static String field(String name) {
        return name.replaceFirst("^.*[.:]\\s*", "").replaceAll("\\[\\d+]", "");
    }

    private String first(Locale locale, Object[] arguments, String otherwise, String... keys) {
        for (String key : keys) {
            String found = messages.getMessage(key, arguments, null, locale);
            if (found != null) {
                return found;
            }
        }
        return otherwise;
    }
}
