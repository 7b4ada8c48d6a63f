package nl.weerbaar.web;

import java.util.Map;
import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.PageProblems;
import nl.weerbaar.system.RequestId;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The error page names the request's id, so a person can quote it and staff find its log lines;
 * and, for a page address with a part that cannot be read (a bulletin id that is not one, a missing
 * {@code year}), which part and what was given, in the page's language and as {@code detail}; for a
 * domain refusal a page did not answer itself (a run without a result yet), why, in the page's
 * language ({@code refusal}), where the domain has the sentence for it.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    /** Longest given value repeated on the page: enough to recognise it, never a wall of text. */
    private static final int SHOWN = 60;

    private final PageProblems problems;

    ErrorPageAttributes(PageProblems problems) {
        this.problems = problems;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.put("requestId", request.getAttribute(RequestId.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        switch (getError(request)) {
            case MethodArgumentTypeMismatchException mismatch -> {
                String given = shown(mismatch.getValue());
                attributes.put("invalidPart", mismatch.getName());
                attributes.put("invalidValue", given);
                attributes.put("detail", "'" + mismatch.getName() + "' cannot be read from '" + given + "'");
            }
            case MissingServletRequestParameterException missing -> {
                attributes.put("missingPart", missing.getParameterName());
                attributes.put("detail", "'" + missing.getParameterName() + "' is required");
            }
            case DomainException refused when refused.messageKey() != null ->
                    attributes.put("refusal", problems.sentence(refused, ""));
            case null, default -> { }
        }
        return attributes;
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
