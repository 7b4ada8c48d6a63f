package nl.weerbaar.system;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts a write only once it is committed: a refused or rolled-back write is no update a dashboard should show. */
public final class CountAfterCommit {

    private CountAfterCommit() {}

    public static void increment(Counter counter, double amount) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
