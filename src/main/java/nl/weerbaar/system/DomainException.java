package nl.weerbaar.system;

import java.util.List;

/**
 * Why the domain will not do what was asked, in the domain's words: services throw these, never an
 * HTTP type. Each is said twice: in English ({@link #getMessage()}, the API's problem+json
 * {@code detail}, unchanged since the API was published), and, where a page can meet it, as a
 * message key with arguments so the page says it in its own language ({@link PageProblems}).
 * Arguments are the values a reader needs (an item's name, a quantity as a number), never codes
 * to decode. The web layer maps each kind to its HTTP status in one place; a page controller
 * catches the kind it can answer on its own page.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.Unusable,
                DomainException.VersionMismatch, InvalidInputException, PrintedLinks.PrintingOffException {

    private final String messageKey;
    private final List<Object> arguments;

    DomainException(String detail, String messageKey, Object... arguments) {
        super(detail);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The key of the sentence a page shows instead of the English detail; {@code null}: the detail is all there is. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** What was asked for does not exist, or not in the caller's scope (which must not tell it apart). */
    public static final class NotFound extends DomainException {
        public NotFound(String detail) {
            super(detail, null);
        }

        public NotFound(String detail, String messageKey, Object... arguments) {
            super(detail, messageKey, arguments);
        }
    }

    /** The current state refuses it: done already, revoked already, still in use, not enough in stock. */
    public static final class Conflict extends DomainException {
        public Conflict(String detail) {
            super(detail, null);
        }

        public Conflict(String detail, String messageKey, Object... arguments) {
            super(detail, messageKey, arguments);
        }
    }

    /**
     * Well formed, but it names something that may not be used for this: a blocked or expired lot, a
     * lot the item does not have, an item without the norm a calculation needs.
     */
    public static final class Unusable extends DomainException {
        public Unusable(String detail) {
            super(detail, null);
        }

        public Unusable(String detail, String messageKey, Object... arguments) {
            super(detail, messageKey, arguments);
        }
    }

    /**
     * A change to a versioned thing named no version it was made to ({@link #missing()}), or one that
     * is no longer current: someone else changed it first. See {@link Versioned}.
     */
    public static final class VersionMismatch extends DomainException {
        private final boolean missing;

        VersionMismatch(boolean missing, String detail) {
            super(detail, missing ? "problem.versionMissing" : "problem.changedMeanwhile");
            this.missing = missing;
        }

        /** No version was named at all (rather than a stale one). */
        public boolean missing() {
            return missing;
        }
    }
}
