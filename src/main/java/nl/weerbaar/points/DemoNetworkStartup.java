package nl.weerbaar.points;

import nl.weerbaar.system.DemoDataSet;
import nl.weerbaar.system.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The first {@code serve} on an empty database shows a working network at once, unless
 * {@code weerbaar.demo.load-on-first-start=false} (WEERBAAR_DEMO_LOAD_ON_FIRST_START=false):
 * a real deployment turns it off before its first start. The other modules' demo data (demo
 * depots and stock) follows the network, only on a demo installation: one whose network is demo.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "weerbaar.demo.load-on-first-start", havingValue = "true", matchIfMissing = true)
class DemoNetworkStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNetworkStartup.class);

    private final DemoNetworkLoader loader;
    private final ObjectProvider<DemoDataSet> demoData;

    DemoNetworkStartup(DemoNetworkLoader loader, ObjectProvider<DemoDataSet> demoData) {
        this.loader = loader;
        this.demoData = demoData;
    }

    @Override
    public void run(ApplicationArguments args) {
        RequestId.runAs("startup-demo", () -> {
            DemoNetworkLoader.Outcome outcome = loader.loadOnFirstStart(log::info);
            if (outcome.loaded()) {
                log.info("Loaded the demo network: {} support points ({} hubs), marked demo. "
                        + "Set WEERBAAR_DEMO_LOAD_ON_FIRST_START=false before the first start of a real deployment.",
                        outcome.points(), outcome.hubs());
            }
            if (outcome.points() > 0) {
                demoData.orderedStream().map(set -> set.load(true, log::info))
                        .filter(DemoDataSet.Outcome::loaded).forEach(loaded -> log.info(loaded.message()));
            }
        });
    }
}
