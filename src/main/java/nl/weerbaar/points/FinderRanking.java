package nl.weerbaar.points;

import java.util.Comparator;
import java.util.List;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Location;
import nl.weerbaar.areas.Municipality;
import org.springframework.stereotype.Component;

/**
 * The order of the finder pages (live and static): a resident needs the nearest point that will
 * take them in and that they can reach, not merely the nearest one.
 */
@Component
class FinderRanking {

    private final SupportPoints points;
    private final Areas areas;

    FinderRanking(SupportPoints points, Areas areas) {
        this.points = points;
        this.areas = areas;
    }

    /**
     * The finder's list: candidates nearest first, then those reachable without crossing the
     * water first, and among them the open ones first; each told when it lies in another
     * municipality. The API's {@code nearest} keeps its pure distance order.
     */
    List<SupportPointPages.PointView> ranked(Location origin, List<NearbyPoint> candidates, int limit) {
        return candidates.stream()
                .map(n -> {
                    SupportPoint p = n.point();
                    boolean otherMunicipality = !p.municipality().equals(origin.municipalityCode());
                    boolean acrossWater = areas.onOtherLand(origin.lat(), origin.lon(), p.lat(), p.lon());
                    return new SupportPointPages.PointView(p, points.freshness(p), Math.round(n.distanceMeters()),
                            otherMunicipality ? areas.municipality(p.municipality()).map(Municipality::name).orElse(p.municipality()) : null,
                            acrossWater, SupportPointPages.routeTo(origin, p));
                })
                .sorted(Comparator.comparing(SupportPointPages.PointView::acrossWater).thenComparingInt(SupportPointPages.PointView::rank))
                .limit(limit)
                .toList();
    }

}
