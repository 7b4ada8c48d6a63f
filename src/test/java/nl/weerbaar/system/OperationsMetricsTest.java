package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The hooks for feeds and backups: gauges only when a part reports through them. */
class OperationsMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static SimpleMeterRegistry bind(StaticListableBeanFactory beans) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OperationsMetrics(beans.getBeanProvider(FeedHealth.class), beans.getBeanProvider(BackupHistory.class), CLOCK, Duration.ZERO)
                .bindTo(registry);
        return registry;
    }

    @Test
    void withoutFeedsOrBackupsNothingIsRegistered() {
        assertThat(bind(new StaticListableBeanFactory()).getMeters()).isEmpty();
    }

    @Test
    void feedsAndTheLastBackupAreReportedWhenTheirPartsArePresent() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("feeds", new FeedHealth() {
            @Override
            public int subscribed() {
                return 3;
            }

            @Override
            public List<FailingFeed> failing() {
                return List.of(new FailingFeed("KNMI", "https://example.org/cap.atom", NOW.minusSeconds(600), "HTTP 503"));
            }
        });
        beans.addBean("backups", (BackupHistory) () -> Optional.of(new BackupHistory.Backup(NOW.minus(Duration.ofHours(26)), "/backups/weerbaar.dump", true)));

        SimpleMeterRegistry registry = bind(beans);

        assertThat(registry.get("weerbaar.feeds.subscribed").gauge().value()).isEqualTo(3);
        assertThat(registry.get("weerbaar.feeds.failing").gauge().value()).isEqualTo(1);
        assertThat(registry.get("weerbaar.backup.last.age").gauge().value()).isEqualTo(26 * 3600);
    }

    @Test
    void feedGaugesStillReadAfterAGarbageCollection() throws InterruptedException {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("feeds", new FeedHealth() {
            @Override
            public int subscribed() {
                return 2;
            }

            @Override
            public List<FailingFeed> failing() {
                return List.of();
            }
        });
        SimpleMeterRegistry registry = bind(beans);

        for (int i = 0; i < 5; i++) { // a weakly held cache goes at the first full collection (seen live as NaN)
            System.gc();
            Thread.sleep(20);
        }

        assertThat(registry.get("weerbaar.feeds.subscribed").gauge().value()).isEqualTo(2);
        assertThat(registry.get("weerbaar.feeds.failing").gauge().value()).isZero();
    }

    @Test
    void neverBackedUpIsAnInfiniteAgeNotZero() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("backups", (BackupHistory) Optional::empty);

        assertThat(bind(beans).get("weerbaar.backup.last.age").gauge().value()).isInfinite();
    }
}
