package nl.weerbaar.planning;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs scenarios in the background, a few at a time; the others wait in line (status queued). The
 * planner is CPU work for seconds to minutes, so it runs on its own platform threads, not on the
 * virtual threads that serve requests (a virtual thread computing that long would hold a carrier).
 *
 * <p>Progress goes to the run's row (at most four times a second), so every replica and page can
 * read it; a cancel is a flag in the row, read at most every 250 ms. While this process lives it
 * keeps a heartbeat on its runs; runs whose heartbeat stopped (the process was killed) are marked
 * interrupted, at start and every 15 seconds after, by whichever replica sees them first.
 *
 * <p>The heartbeat has a thread of its own, as the planner has, and writes through the background
 * connections: on Spring's one scheduler thread it waited behind the audit sequencer, which in the
 * crisis hour waits seconds at a time for a request connection, and runs of a living process went
 * unbeaten for a minute and were marked interrupted.
 */
@Component
class PlanningRuns {

    private static final Logger log = LoggerFactory.getLogger(PlanningRuns.class);
    static final Duration SILENCE = Duration.ofSeconds(60);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final long WRITE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final RunRepository runs;
    private final Planner planner;
    private final ExecutorService executor;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("planning-heartbeat").daemon().unstarted(task));
    /** The runs this process holds, queued or running, with their progress (and local cancel flag). */
    private final Map<Long, RowProgress> active = new ConcurrentHashMap<>();

    /** Puts a run's stage into words for the planning pages, which speak Dutch. */
    private final MessageSource messages;

    PlanningRuns(RunRepository runs, Planner planner, MessageSource messages,
                 @Value("${weerbaar.planning.concurrent-runs:1}") int concurrentRuns) {
        this.runs = runs;
        this.messages = messages;
        this.planner = planner;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(Math.max(1, concurrentRuns), Math.max(1, concurrentRuns), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "planning-run-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Puts a run in line; it starts when a planner is free. Call after the run's row is committed. */
    void submit(long runId, PlanInput input) {
        RowProgress progress = new RowProgress(runId);
        active.put(runId, progress);
        try {
            executor.execute(() -> execute(runId, input, progress));
        } catch (RejectedExecutionException e) {
            active.remove(runId);
            runs.failed(runId, "the application is stopping; start the run again");
        }
    }

    /** Tells a run held by this process to stop at once (the row's flag tells the others). */
    void cancelLocally(long runId) {
        RowProgress progress = active.get(runId);
        if (progress != null) {
            progress.cancelled = true;
        }
    }

    private void execute(long runId, PlanInput input, RowProgress progress) {
        try {
            if (!runs.markRunning(runId)) {
                return; // cancelled or interrupted while it waited
            }
            long started = System.nanoTime();
            PlanResult result = planner.plan(input, progress);
            runs.done(runId, result);
            log.info("Planning run {} done in {} ms", runId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (PlanCancelledException e) {
            runs.cancelled(runId);
            log.info("Planning run {} cancelled", runId);
        } catch (RuntimeException | Error e) {
            log.error("Planning run {} failed", runId, e);
            try {
                runs.failed(runId, describe(e));
            } catch (RuntimeException again) {
                log.error("Could not record the failure of planning run {}", runId, again);
            }
        } finally {
            active.remove(runId);
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** Once the application is ready (after a command's work, for a command): then every {@link #HEARTBEAT}. */
    @EventListener(ApplicationReadyEvent.class)
    void startHeartbeat() {
        heartbeat.scheduleWithFixedDelay(this::heartbeatAndSweep, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps this process's runs alive in the database and interrupts runs nobody keeps alive. */
    void heartbeatAndSweep() {
        try {
            runs.heartbeat(active.keySet());
            int interrupted = runs.interruptStale(SILENCE,
                    "Interrupted: the application stopped while this run was under way; start it again");
            if (interrupted > 0) {
                log.warn("Marked {} planning runs interrupted: the process running them stopped", interrupted);
            }
        } catch (RuntimeException e) {
            log.warn("Planning run heartbeat failed: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        active.values().forEach(progress -> progress.cancelled = true);
        executor.shutdownNow();
        try {
            int stopped = runs.interrupt(active.keySet(),
                    "Interrupted: the application was stopped while this run was under way; start it again");
            if (stopped > 0) {
                log.info("Stopped {} planning runs with the application", stopped);
            }
        } catch (RuntimeException e) {
            log.warn("Could not mark planning runs interrupted on stop: {}", e.getMessage());
        }
    }

    /** Progress written to the run's row; the cancel flag read from it, each at most every 250 ms. */
    private final class RowProgress implements PlanProgress {

        private final long runId;
        private volatile boolean cancelled;
        private long lastWrite = System.nanoTime() - WRITE_EVERY_NANOS;
        private long lastRead = System.nanoTime();
        private double pendingDone;
        private String pendingStage;

        RowProgress(long runId) {
            this.runId = runId;
        }

        @Override
        public synchronized void report(double done, PlanStage stage) {
            pendingDone = done;
            pendingStage = stage.words(messages, Locale.forLanguageTag("nl"));
            writeIfDue();
        }

        @Override
        public synchronized boolean cancelRequested() {
            writeIfDue();
            if (cancelled) {
                return true;
            }
            long now = System.nanoTime();
            if (now - lastRead >= WRITE_EVERY_NANOS) {
                lastRead = now;
                if (runs.cancelRequested(runId)) {
                    cancelled = true;
                }
            }
            return cancelled;
        }

        /** Writes the latest report when the last write is long enough ago; a skipped one goes with the next call. */
        private void writeIfDue() {
            long now = System.nanoTime();
            if (pendingStage != null && now - lastWrite >= WRITE_EVERY_NANOS) {
                lastWrite = now;
                runs.progress(runId, pendingDone, pendingStage);
                pendingStage = null;
            }
        }
    }
}
