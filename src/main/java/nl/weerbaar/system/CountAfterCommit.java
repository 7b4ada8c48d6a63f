package nl.weerbaar.system;

import io.micrometer.core.instrument.Counter;

/** Counts a write only once it is committed: a refused or rolled-back write is no update a dashboard should show. */
public final class CountAfterCommit {

    private CountAfterCommit() {}

    public static void increment(Counter counter, double amount) {
        AfterCommit.run(() -> counter.increment(amount));
    }
}
