package nl.weerbaar.areas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Nearest-neighbour and radius search over items with a WGS84 position, e.g. support points or
 * depots. Immutable and safe to share between threads once built.
 *
 * <p>The items are indexed in an equirectangular projection around their middle latitude, which
 * is a few percent off in metres across the Netherlands. So the tree only proposes candidates;
 * every answer is ranked by great-circle (haversine) distance, and the candidate search is
 * widened by the projection's worst scale error so that no nearer item can be missed. Meant for
 * distances up to a few hundred kilometres away from the poles and the antimeridian.
 */
public final class SpatialIndex<T> {

    /** Mean earth radius (IUGG). */
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    /** Latitude headroom for a great-circle arc bulging poleward of both its ends. */
    private static final double ARC_BULGE_DEGREES = 0.5;

    private record Entry<T>(T item, double lat, double lon, double x, double y, int order) {}

    private static final ItemDistance PROJECTED_DISTANCE = (a, b) -> {
        Entry<?> p = (Entry<?>) a.getItem();
        Entry<?> q = (Entry<?>) b.getItem();
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    };

    private final STRtree tree = new STRtree();
    private final int size;
    private final double cosReferenceLatitude;
    private final double maxAbsLatitude;

    private SpatialIndex(List<Entry<T>> entries, double cosReferenceLatitude, double maxAbsLatitude) {
        this.size = entries.size();
        this.cosReferenceLatitude = cosReferenceLatitude;
        this.maxAbsLatitude = maxAbsLatitude;
        for (Entry<T> entry : entries) {
            tree.insert(pointEnvelope(entry), entry);
        }
        tree.build();
    }

    /** Indexes the items at the positions the two functions give (degrees, WGS84). */
    public static <T> SpatialIndex<T> of(Collection<? extends T> items, ToDoubleFunction<? super T> lat,
                                         ToDoubleFunction<? super T> lon) {
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (T item : items) {
            double itemLat = lat.applyAsDouble(item);
            checkPosition(itemLat, lon.applyAsDouble(item));
            minLat = Math.min(minLat, itemLat);
            maxLat = Math.max(maxLat, itemLat);
        }
        double cosReference = items.isEmpty() ? 1 : Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double maxAbsLatitude = items.isEmpty() ? 0 : Math.max(Math.abs(minLat), Math.abs(maxLat));
        List<Entry<T>> entries = new ArrayList<>(items.size());
        for (T item : items) {
            double itemLat = lat.applyAsDouble(item);
            double itemLon = lon.applyAsDouble(item);
            entries.add(new Entry<>(item, itemLat, itemLon, x(itemLon, cosReference), y(itemLat), entries.size()));
        }
        return new SpatialIndex<>(entries, cosReference, maxAbsLatitude);
    }

    public int size() {
        return size;
    }

    /** The {@code k} items nearest to the point, nearest first; fewer when the index holds fewer. */
    public List<Nearest<T>> nearest(double lat, double lon, int k) {
        checkPosition(lat, lon);
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        if (size == 0) {
            return List.of();
        }
        Entry<T> probe = new Entry<>(null, lat, lon, x(lon, cosReferenceLatitude), y(lat), -1);
        Object[] candidates = tree.nearestNeighbour(pointEnvelope(probe), probe, PROJECTED_DISTANCE, Math.min(k, size));
        // The k projected-nearest items are at most this far away, so the true k nearest are too.
        double radiusMetres = 0;
        for (Object candidate : candidates) {
            Entry<?> entry = (Entry<?>) candidate;
            radiusMetres = Math.max(radiusMetres, distanceMetres(lat, lon, entry.lat(), entry.lon()));
        }
        List<Nearest<T>> found = withinRadius(probe, radiusMetres);
        return found.size() > k ? List.copyOf(found.subList(0, k)) : found;
    }

    /** All items within the distance of the point, nearest first. */
    public List<Nearest<T>> within(double lat, double lon, double metres) {
        checkPosition(lat, lon);
        if (!(metres >= 0)) {
            throw new IllegalArgumentException("distance must be 0 or more metres, not " + metres);
        }
        if (size == 0) {
            return List.of();
        }
        return withinRadius(new Entry<>(null, lat, lon, x(lon, cosReferenceLatitude), y(lat), -1), metres);
    }

    /** Great-circle distance in metres between two WGS84 positions (haversine, spherical earth). */
    public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private List<Nearest<T>> withinRadius(Entry<T> probe, double metres) {
        // Projected lengths exceed true ones by at most the east-west stretch at the latitude
        // farthest from the equator, so this box holds every item within the true radius.
        double extremeLatitude = Math.min(89, Math.max(maxAbsLatitude, Math.abs(probe.lat())) + ARC_BULGE_DEGREES);
        double stretch = Math.max(1, cosReferenceLatitude / Math.cos(Math.toRadians(extremeLatitude)));
        double half = metres * stretch + 1;
        Envelope box = new Envelope(probe.x() - half, probe.x() + half, probe.y() - half, probe.y() + half);
        List<Entry<T>> inBox = new ArrayList<>();
        tree.query(box, item -> {
            @SuppressWarnings("unchecked")
            Entry<T> entry = (Entry<T>) item;
            inBox.add(entry);
        });
        List<RankedEntry<T>> ranked = new ArrayList<>(inBox.size());
        for (Entry<T> entry : inBox) {
            double distance = distanceMetres(probe.lat(), probe.lon(), entry.lat(), entry.lon());
            if (distance <= metres) {
                ranked.add(new RankedEntry<>(entry, distance));
            }
        }
        // Insertion order breaks ties, so equal distances always come back in the same order.
        ranked.sort(Comparator.comparingDouble((RankedEntry<T> r) -> r.distance()).thenComparingInt(r -> r.entry().order()));
        return ranked.stream().map(r -> new Nearest<>(r.entry().item(), r.distance())).toList();
    }

    private record RankedEntry<T>(Entry<T> entry, double distance) {}

    private static Envelope pointEnvelope(Entry<?> entry) {
        return new Envelope(entry.x(), entry.x(), entry.y(), entry.y());
    }

    private static double x(double lon, double cosReferenceLatitude) {
        return EARTH_RADIUS_METRES * Math.toRadians(lon) * cosReferenceLatitude;
    }

    private static double y(double lat) {
        return EARTH_RADIUS_METRES * Math.toRadians(lat);
    }

    private static void checkPosition(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a WGS84 position: lat " + lat + ", lon " + lon);
        }
    }
}
