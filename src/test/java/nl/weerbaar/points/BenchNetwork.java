package nl.weerbaar.points;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.planning.PlanInput;

/**
 * Support points for the planning benchmark from the demo network generator itself, without a
 * database: every hub (about 1,000) and a fixed sample of the local points, in the order of the
 * source file. Ids count from 1 in that order.
 */
public final class BenchNetwork {

    private BenchNetwork() {}

    /** About {@code total} points: all hubs, and locals drawn with {@code seed} to make up the rest. */
    public static List<PlanInput.PointSite> sites(Areas areas, int total, long seed) {
        List<DemoNetwork.DemoPoint> network = new DemoNetwork(areas).generate();
        List<Integer> locals = new ArrayList<>(IntStream.range(0, network.size())
                .filter(i -> network.get(i).registration().tier() == Tier.LOCAL).boxed().toList());
        long hubs = network.size() - locals.size();
        Collections.shuffle(locals, new Random(seed));
        List<Integer> kept = locals.subList(0, (int) Math.max(0, Math.min(locals.size(), total - hubs)));
        boolean[] chosen = new boolean[network.size()];
        kept.forEach(i -> chosen[i] = true);
        List<PlanInput.PointSite> sites = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            SupportPointRepository.Registration point = network.get(i).registration();
            if (point.tier() == Tier.HUB || chosen[i]) {
                sites.add(new PlanInput.PointSite(sites.size() + 1, point.name(), point.municipality(), point.lat(), point.lon(),
                        point.tier().code(), point.capacity().persons(), point.backupPower().generator(),
                        point.backupPower().fuelAutonomyHours(), true));
            }
        }
        return sites;
    }
}
