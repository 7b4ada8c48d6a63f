package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BriefCacheTest {

    @Test
    void keepsTheAnswerWhileItIsFreshSoScrapesDoNotQueryAgain() {
        AtomicInteger reads = new AtomicInteger();
        BriefCache<Integer> cache = BriefCache.keeping(Duration.ofHours(1), reads::incrementAndGet);

        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainOnceTheAnswerIsOlderThanItIsKept() {
        AtomicInteger reads = new AtomicInteger();
        BriefCache<Integer> cache = BriefCache.keeping(Duration.ZERO, reads::incrementAndGet);

        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        AtomicInteger reads = new AtomicInteger();
        BriefCache<Integer> cache = BriefCache.keeping(Duration.ofHours(1), () -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return reads.get();
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(cache::get).hasMessage("database down");
        assertThat(cache.get()).isEqualTo(2);
    }
}
