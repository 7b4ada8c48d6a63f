package nl.weerbaar.system;

/**
 * A check of the data's own consistency that a module knows how to make, run by
 * {@code ./weerbaar check} and by every restore: e.g. that the audit log holds, that every stock
 * balance equals its events.
 */
public interface IntegrityCheck {

    /** What holds when the check passes, as a short noun phrase for the console ("audit trail"). */
    String name();

    /** Checks the whole database; never changes what it checks. */
    Outcome check();

    /** Whether it holds, and one sentence of what was counted or of the first problem found. */
    record Outcome(boolean holds, String sentence) {}
}
