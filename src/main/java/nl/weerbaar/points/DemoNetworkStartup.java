package nl.weerbaar.points;

import nl.weerbaar.system.DemoDataSet;
import nl.weerbaar.system.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first {@code serve} on an empty database shows a working network, unless
 * {@code weerbaar.demo.load-on-first-start=false} (WEERBAAR_DEMO_LOAD_ON_FIRST_START=false):
 * a real deployment turns it off before its first start. The other modules' demo data (demo
 * depots and stock) follows the network, only on a demo installation: one whose network is demo.
 *
 * <p>The load takes longer than the rest of the start, so it runs once the application is ready,
 * with progress in the log; until the network is settled, {@link FinderWhileLoading} answers the
 * finder with 503 and Retry-After rather than an empty or partial list.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "weerbaar.demo.load-on-first-start", havingValue = "true", matchIfMissing = true)
class DemoNetworkStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoNetworkStartup.class);

    private final DemoNetworkLoader loader;
    private final ObjectProvider<DemoDataSet> demoData;
    /** False from the start until the network is known to be complete: loaded now, earlier, or not wanted. */
    private volatile boolean networkSettled;

    DemoNetworkStartup(DemoNetworkLoader loader, ObjectProvider<DemoDataSet> demoData) {
        this.loader = loader;
        this.demoData = demoData;
    }

    boolean networkLoading() {
        return !networkSettled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAfterReadiness() {
        // A daemon thread: a stop during the load must not wait for it; its transaction then rolls back.
        Thread.ofPlatform().name("demo-data-load").daemon().start(() -> RequestId.runAs("startup-demo", this::load));
    }

    private void load() {
        DemoNetworkLoader.Outcome outcome;
        try {
            outcome = loader.loadOnFirstStart(log::info);
        } catch (RuntimeException e) {
            log.warn("The demo network did not load ({}); nothing of it was kept, and the next start tries again", e.toString());
            return;
        } finally {
            networkSettled = true;
        }
        if (outcome.loaded()) {
            log.info("Loaded the demo network: {} support points ({} hubs), marked demo. "
                    + "Set WEERBAAR_DEMO_LOAD_ON_FIRST_START=false before the first start of a real deployment.",
                    outcome.points(), outcome.hubs());
        }
        if (outcome.points() > 0) {
            try {
                demoData.orderedStream().map(set -> set.load(true, log::info))
                        .filter(DemoDataSet.Outcome::loaded).forEach(loaded -> log.info(loaded.message()));
            } catch (RuntimeException e) {
                log.warn("The demo data beside the network did not load ({}); the next start tries again", e.toString());
            }
        }
    }
}
