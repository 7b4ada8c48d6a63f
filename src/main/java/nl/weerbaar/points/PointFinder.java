package nl.weerbaar.points;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.weerbaar.areas.Nearest;
import nl.weerbaar.areas.SpatialIndex;
import nl.weerbaar.system.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * The public points in use, in memory, for the nearest-point search: the finder is the one
 * endpoint everybody calls at once, so it answers without a query. Each change is read back
 * from the database and swapped in as a new immutable snapshot; readers never lock. Each snapshot
 * has a generation one higher than the last, so answers built from an older one can be recognised.
 */
@Component
class PointFinder {

    /** Past this many changes at once (a bulk activation, the demo load) one full reload is cheaper. */
    private static final int FULL_RELOAD_THRESHOLD = 1000;

    private record Snapshot(Map<Long, SupportPoint> points, SpatialIndex<SupportPoint> index, boolean anyDemo,
                            long generation) {
        static Snapshot of(Map<Long, SupportPoint> points, long generation) {
            return new Snapshot(Map.copyOf(points), SpatialIndex.of(points.values(), SupportPoint::lat, SupportPoint::lon),
                    points.values().stream().anyMatch(SupportPoint::demo), generation);
        }
    }

    private final SupportPointRepository repository;
    private volatile Snapshot snapshot;

    PointFinder(SupportPointRepository repository) {
        this.repository = repository;
    }

    /** Reads all public points in use again: at start, and after the change feed was interrupted. */
    synchronized void reloadAll() {
        Map<Long, SupportPoint> points = new HashMap<>();
        repository.findAllPublicInUse().forEach(p -> points.put(p.id(), p));
        swapIn(points);
    }

    /**
     * Reads the given points again and swaps them in. Reading and swapping happen under one lock,
     * so a later read is never overwritten by an earlier one.
     */
    synchronized void refresh(Collection<Long> ids) {
        if (snapshot == null || ids.size() > FULL_RELOAD_THRESHOLD) {
            reloadAll();
            return;
        }
        Map<Long, SupportPoint> points = new HashMap<>(snapshot.points());
        Set<Long> gone = new HashSet<>(ids);
        for (SupportPoint point : repository.findByIds(ids)) {
            gone.remove(point.id());
            if (point.isPublic() && !point.retired()) {
                points.put(point.id(), point);
            } else {
                points.remove(point.id());
            }
        }
        gone.forEach(points::remove);
        swapIn(points);
    }

    private void swapIn(Map<Long, SupportPoint> points) {
        snapshot = Snapshot.of(points, snapshot == null ? 1 : snapshot.generation() + 1);
    }

    /** Every public point in use, as currently held. */
    List<SupportPoint> all() {
        return List.copyOf(current().points().values());
    }

    /** Changes whenever any public point changes, appears or goes: answers stamped with another one are stale. */
    long generation() {
        return current().generation();
    }

    boolean anyDemo() {
        return current().anyDemo();
    }

    /** Reloads everything once the current transaction commits: after a bulk insert. */
    void reloadAfterCommit() {
        AfterCommit.run(this::reloadAll);
    }

    /** Refreshes the points once the current transaction commits, so this instance serves its own change at once. */
    void refreshAfterCommit(Collection<Long> ids) {
        List<Long> changed = List.copyOf(ids);
        AfterCommit.run(() -> refresh(changed));
    }

    /**
     * Up to {@code limit} points nearest first that pass the filter. Filters may reject most
     * points, so the search widens until enough pass or every point was looked at.
     */
    List<NearbyPoint> nearest(double lat, double lon, int limit, Predicate<SupportPoint> filter) {
        SpatialIndex<SupportPoint> index = current().index();
        int wanted = limit;
        while (true) {
            List<Nearest<SupportPoint>> candidates = index.nearest(lat, lon, Math.min(wanted, Math.max(1, index.size())));
            List<NearbyPoint> found = new ArrayList<>(limit);
            for (Nearest<SupportPoint> candidate : candidates) {
                if (filter.test(candidate.item())) {
                    found.add(new NearbyPoint(candidate.item(), candidate.distanceMetres()));
                    if (found.size() == limit) {
                        return found;
                    }
                }
            }
            if (candidates.size() >= index.size()) {
                return found;
            }
            wanted = wanted * 4;
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            reloadAll();
            current = snapshot;
        }
        return current;
    }
}
