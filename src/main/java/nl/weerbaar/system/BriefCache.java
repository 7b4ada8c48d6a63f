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

    /**
     * How long the figures behind a gauge are kept ({@code weerbaar.metrics.cache-for}): by default a
     * little under Prometheus's 15 s scrape interval; the tests set none, to see each change at once.
     */
    public static final String METRICS_KEEP = "${weerbaar.metrics.cache-for:PT10S}";

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
