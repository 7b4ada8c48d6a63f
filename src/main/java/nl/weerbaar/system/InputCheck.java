package nl.weerbaar.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects every problem with an input before refusing it, so a client can fix all at once. */
public final class InputCheck {

    private final List<InvalidInputException.InvalidParam> problems = new ArrayList<>();

    public InputCheck require(boolean valid, String name, String reason) {
        if (!valid) {
            problems.add(new InvalidInputException.InvalidParam(name, reason));
        }
        return this;
    }

    public <T> InputCheck require(T value, Predicate<T> valid, String name, String reason) {
        return require(value != null && valid.test(value), name, value == null ? "is required" : reason);
    }

    /** Adds problems found earlier, e.g. while parsing a file, so one report names them all. */
    public InputCheck include(List<InvalidInputException.InvalidParam> earlier) {
        problems.addAll(earlier);
        return this;
    }

    /**
     * Blank as a reader sees it: nothing but white space and invisible format characters (a zero-width
     * space, joiner or byte-order mark), so a name of only {@code U+200B} is no name.
     */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /** Optional text as stored: null when nothing was given (null or blank), else without surrounding white space. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The one rule for characters in text the system takes (query parameters, JSON strings): why
     * {@code text} cannot be taken, or null when it can. Control characters other than tab and line
     * breaks are refused (PostgreSQL cannot store NUL, and none of them belongs in a name or code),
     * and so is half of a UTF-16 surrogate pair, which no character set can write.
     */
    public static String unacceptableCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X at position %d; text may hold no control characters"
                        .formatted((int) c, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half a character (the lone surrogate U+%04X at position %d)".formatted((int) c, i + 1);
            }
        }
        return null;
    }

    /** Throws {@link InvalidInputException} naming every problem found, if any. */
    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
