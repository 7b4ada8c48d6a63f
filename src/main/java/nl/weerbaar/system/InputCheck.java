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

    /** Throws {@link InvalidInputException} naming every problem found, if any. */
    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
