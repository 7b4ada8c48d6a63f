package nl.weerbaar.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Books single stock events that arrive at the same time together, in one transaction: in the
 * crisis hour thousands of depot clerks each book one receipt or issue, and one commit with a few
 * statements for all that are waiting costs the database and this process a fraction of one
 * transaction each. A request still returns only after its own event committed, so nothing
 * acknowledged is lost; each event is checked, scoped and audited as its own, and one that is
 * refused is answered with its own refusal while the others are booked again without it.
 *
 * <p>A few lanes book at once (each holds one connection while it books); a lane takes whatever
 * has queued while it was busy, up to {@value #MOST_PER_TRANSACTION}, so under light load an event
 * is booked at once and alone. A request that already runs in a transaction (a write with an
 * {@code Idempotency-Key}, whose stored answer must commit with its effect) books in that one.
 */
@Component
class StockBooking implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StockBooking.class);
    static final int MOST_PER_TRANSACTION = 64;

    /** A submission and its requester's answer, completed once its event committed or was refused. */
    record Waiting(StockLedger.Submission submission, CompletableFuture<List<RecordedEvent>> booked) {
        Waiting(StockLedger.Submission submission) {
            this(submission, new CompletableFuture<>());
        }
    }

    private final StockLedger ledger;
    private final AccessControl access;
    /** How many requests' events each transaction booked: shows whether grouping happens under load. */
    private final DistributionSummary perTransaction;
    private final int lanes;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    StockBooking(StockLedger ledger, AccessControl access, MeterRegistry meters,
                 @Value("${weerbaar.stock.booking-lanes:2}") int lanes) {
        this.ledger = ledger;
        this.access = access;
        this.perTransaction = DistributionSummary.builder("weerbaar.stock.booking.requests")
                .description("Single-event requests booked together in one transaction").register(meters);
        this.lanes = lanes;
    }

    /** Books one event for the current user and returns what was recorded, once committed. */
    List<RecordedEvent> book(StockEventRequest request) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            return ledger.record(List.of(request), false);
        }
        Waiting waiting = new Waiting(new StockLedger.Submission(access.requireRole(Role.OPERATOR), RequestId.current(), request));
        queue.add(waiting);
        try {
            return waiting.booked().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void bookWhileRunning() {
        while (running) {
            List<Waiting> group = new ArrayList<>();
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MOST_PER_TRANSACTION - 1);
            bookTogether(group);
        }
    }

    /** Books the group; a refused event is answered with its refusal and the rest booked again without it. */
    void bookTogether(List<Waiting> group) {
        List<Waiting> left = new ArrayList<>(group);
        while (!left.isEmpty()) {
            try {
                List<List<RecordedEvent>> booked = ledger.recordTogether(left.stream().map(Waiting::submission).toList());
                perTransaction.record(left.size());
                for (int i = 0; i < left.size(); i++) {
                    left.get(i).booked().complete(booked.get(i));
                }
                return;
            } catch (StockLedger.SubmissionRefused refused) {
                left.remove(refused.index()).booked().completeExceptionally(refused.reason());
            } catch (RuntimeException | Error e) {
                // Nothing of the group committed: each request answers with this failure (busy: 503, retry is safe).
                left.forEach(waiting -> waiting.booked().completeExceptionally(e));
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < lanes; i++) {
            threads.add(Thread.ofPlatform().name("weerbaar-stock-booking-" + i).daemon().start(this::bookWhileRunning));
        }
    }

    /** After the web server has finished its requests (graceful shutdown): what still waits is refused as busy. */
    @Override
    public void stop() {
        running = false; // each lane finishes the group it books, then sees this within 200 ms
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            log.warn("Stopping with {} stock events not booked; their requests are answered as busy", left.size());
        }
        left.forEach(waiting -> waiting.booked().completeExceptionally(
                new TransientDataAccessResourceException("the application is stopping; nothing was booked")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (whose graceful shutdown lets requests finish) and before the database pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
