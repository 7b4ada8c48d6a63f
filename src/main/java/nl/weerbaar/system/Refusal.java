package nl.weerbaar.system;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A write the domain refuses (409, 422 …), said twice: in English for the API's problem+json (its
 * {@code detail}, unchanged), and as a message key with arguments so a page can say it in its own
 * language ({@link PageProblems}). Arguments are the values a reader needs (an item's name, a
 * quantity as a number), never codes to decode.
 */
public class Refusal extends ResponseStatusException {

    private final String messageKey;
    private final List<Object> arguments;

    public Refusal(HttpStatusCode status, String reason, String messageKey, Object... arguments) {
        super(status, reason);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
