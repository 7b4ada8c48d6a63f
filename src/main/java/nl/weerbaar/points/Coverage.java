package nl.weerbaar.points;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Nearest;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.areas.SpatialIndex;

/**
 * How well the public points cover the residents of an area. Residents are counted per 4-digit
 * postcode (CBS, 1 January 2021) and placed at the postcode's point, so a distance is that of the
 * postcode point to the nearest open support point as the crow flies: a first estimate, not a
 * walking route.
 *
 * @param residents           residents of the area's postcode areas with a population figure
 * @param residentsPerPoint   residents per point in use (any status); null without points
 * @param residentsPerOpenPoint residents per open point; null when none is open
 * @param shareBeyond1500m    share (0..1) of residents farther than 1.5 km from an open point
 * @param shareBeyond3000m    share (0..1) of residents farther than 3 km from an open point
 */
record Coverage(String area, String name, long residents, int pointsInUse, int openPoints, Long residentsPerPoint,
                       Long residentsPerOpenPoint, double shareBeyond1500m, double shareBeyond3000m) {

    static final double NEAR_METRES = 1_500;
    static final double FAR_METRES = 3_000;

    /** Coverage per municipality or per safety region, from the public points in use. */
    static List<Coverage> compute(Areas areas, List<SupportPoint> inUse, boolean perRegion) {
        List<SupportPoint> open = inUse.stream().filter(p -> p.status().receivesResidents()).toList();
        SpatialIndex<SupportPoint> openIndex = SpatialIndex.of(open, SupportPoint::lat, SupportPoint::lon);
        Function<String, String> areaOf = perRegion ? m -> areas.regionOf(m).orElseThrow() : m -> m;

        Map<String, Tally> tallies = new LinkedHashMap<>();
        if (perRegion) {
            areas.regions().forEach(r -> tallies.put(r.code(), new Tally(r.name())));
        } else {
            areas.municipalities().forEach(m -> tallies.put(m.code(), new Tally(m.name())));
        }
        inUse.forEach(p -> tallies.get(areaOf.apply(p.municipality())).pointsInUse++);
        open.forEach(p -> tallies.get(areaOf.apply(p.municipality())).openPoints++);
        for (PostcodeArea postcode : areas.postcodeAreas()) {
            if (postcode.population() == null || postcode.population() == 0) {
                continue;
            }
            Tally tally = tallies.get(areaOf.apply(postcode.municipalityCode()));
            List<Nearest<SupportPoint>> nearest = openIndex.size() == 0 ? List.of() : openIndex.nearest(postcode.lat(), postcode.lon(), 1);
            double distance = nearest.isEmpty() ? Double.POSITIVE_INFINITY : nearest.getFirst().distanceMetres();
            tally.residents += postcode.population();
            if (distance > NEAR_METRES) {
                tally.beyondNear += postcode.population();
            }
            if (distance > FAR_METRES) {
                tally.beyondFar += postcode.population();
            }
        }
        List<Coverage> coverage = new ArrayList<>();
        tallies.forEach((code, t) -> coverage.add(new Coverage(code, t.name, t.residents, t.pointsInUse, t.openPoints,
                t.pointsInUse == 0 ? null : t.residents / t.pointsInUse, t.openPoints == 0 ? null : t.residents / t.openPoints,
                share(t.beyondNear, t.residents), share(t.beyondFar, t.residents))));
        return coverage;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static final class Tally {
        final String name;
        long residents;
        long beyondNear;
        long beyondFar;
        int pointsInUse;
        int openPoints;

        Tally(String name) {
            this.name = name;
        }
    }
}
