package nl.weerbaar.system;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The last answer of a read that costs a query, reused for a short while: Prometheus scrapes
 * every replica every few seconds, and each scrape reads every gauge, so without this each
 * scrape would ask the database again. Its age is measured with {@link System#nanoTime()}: how
 * long a copy is kept is no domain time, and a fixed application clock (in tests) would keep the
 * first answer for ever.
 */
public final class BriefCache<T> implements Supplier<T> {

    /** How long the figures behind a gauge are kept: a little under Prometheus's default 15 s scrape interval. */
    public static final Duration FOR_METRICS = Duration.ofSeconds(10);

    private final long keepNanos;
    private final Supplier<T> source;
    private T value;
    private long readAt;
    private boolean present;

    private BriefCache(Duration keep, Supplier<T> source) {
        this.keepNanos = keep.toNanos();
        this.source = source;
    }

    public static <T> BriefCache<T> keeping(Duration keep, Supplier<T> source) {
        return new BriefCache<>(keep, source);
    }

    /** One caller reads the source at a time; the others wait for its answer rather than query too. */
    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (!present || now - readAt >= keepNanos) {
            value = source.get();
            readAt = now;
            present = true;
        }
        return value;
    }
}
