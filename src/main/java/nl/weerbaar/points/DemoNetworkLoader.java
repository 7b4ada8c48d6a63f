package nl.weerbaar.points;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.weerbaar.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts the demo network into the database once, in one transaction, with progress for the caller. */
@Component
class DemoNetworkLoader {

    /** Serialises loaders: instances starting together on an empty database load the network once. */
    /** One load at a time across instances; package-visible so a test can hold a load back. */
    static final long LOAD_LOCK_KEY = 0x5765_6572_4465_6d6fL;
    private static final int CHUNK = 1000;

    private final DemoNetwork network;
    private final SupportPointRepository repository;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PointFinder finder;

    DemoNetworkLoader(DemoNetwork network, SupportPointRepository repository, JdbcClient jdbc, AuditTrail audit,
                      PointFinder finder) {
        this.network = network;
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.finder = finder;
    }

    /** What a load did: how many demo points it created, or found there already. */
    record Outcome(boolean loaded, long points, long hubs) {}

    /** Loads the network unless demo points exist already. */
    @Transactional
    Outcome load(Consumer<String> progress) {
        return loadIf(true, progress);
    }

    /** Loads the network only when the database never held a single support point: the first start. */
    @Transactional
    Outcome loadOnFirstStart(Consumer<String> progress) {
        return loadIf(false, progress);
    }

    private Outcome loadIf(boolean besideRealPoints, Consumer<String> progress) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOAD_LOCK_KEY).query().singleValue();
        long existing = repository.countDemo();
        if (existing > 0 || (!besideRealPoints && repository.anyPointEver())) {
            return new Outcome(false, existing, 0);
        }
        progress.accept("Generating the demo network from " + DemoNetwork.FILE + "…");
        List<DemoNetwork.DemoPoint> points = network.generate();
        for (int from = 0; from < points.size(); from += CHUNK) {
            List<DemoNetwork.DemoPoint> chunk = points.subList(from, Math.min(points.size(), from + CHUNK));
            repository.insertDemo(chunk);
            progress.accept(String.format("Demo network: %,d of %,d points", from + chunk.size(), points.size()));
        }
        long hubs = points.stream().filter(p -> p.registration().tier() == Tier.HUB).count();
        audit.record(new AuditTrail.Change("support-points.demo-loaded", "support-point", "demo", "NL", null,
                Map.of("points", points.size(), "hubs", hubs, "source", DemoNetwork.FILE)));
        finder.reloadAfterCommit();
        return new Outcome(true, points.size(), hubs);
    }
}
