package nl.weerbaar.system;

import java.util.List;

/**
 * Input that cannot be accepted, naming each field and why. Answered as 400 problem+json with
 * {@code invalidParams}; nothing is written. Pages name each field in their own language
 * ({@link PageProblems}).
 */
public final class InvalidInputException extends DomainException {

    public record InvalidParam(String name, String reason) {}

    private final List<InvalidParam> invalidParams;

    public InvalidInputException(List<InvalidParam> invalidParams) {
        super(invalidParams.stream().map(p -> p.name() + ": " + p.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"), null);
        this.invalidParams = List.copyOf(invalidParams);
    }

    public InvalidInputException(String name, String reason) {
        this(List.of(new InvalidParam(name, reason)));
    }

    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }
}
