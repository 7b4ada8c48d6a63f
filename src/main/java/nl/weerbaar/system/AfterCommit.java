package nl.weerbaar.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Does something only once the current transaction has committed, or now when none is under way.
 * A request can run inside a transaction it does not see (a write with an {@code Idempotency-Key}
 * runs whole in the idempotency filter's), so a service's own inner transaction is no commit.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
