package nl.weerbaar.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpatialIndexTest {

    record Place(String name, double lat, double lon) {}

    /** Points over the Netherlands and around it, from a fixed seed. */
    private static List<Place> randomPlaces(Random random, int count) {
        List<Place> places = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            places.add(new Place("p" + i, 50.5 + random.nextDouble() * 3.3, 3.0 + random.nextDouble() * 4.5));
        }
        return places;
    }

    private static List<Nearest<Place>> bruteForce(List<Place> places, double lat, double lon) {
        return places.stream()
                .map(p -> new Nearest<>(p, SpatialIndex.distanceMetres(lat, lon, p.lat(), p.lon())))
                .sorted(Comparator.comparingDouble(Nearest::distanceMetres))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20251128})
    void nearestAgreesWithBruteForce(long seed) {
        Random random = new Random(seed);
        List<Place> places = randomPlaces(random, 3000);
        SpatialIndex<Place> index = SpatialIndex.of(places, Place::lat, Place::lon);

        for (int query = 0; query < 300; query++) {
            // Queries reach beyond the points' box, where the projection is stretched most.
            double lat = 49.5 + random.nextDouble() * 5.5;
            double lon = 2.0 + random.nextDouble() * 6.5;
            int k = 1 + random.nextInt(25);
            List<Nearest<Place>> expected = bruteForce(places, lat, lon).subList(0, k);

            List<Nearest<Place>> actual = index.nearest(lat, lon, k);

            assertThat(actual).extracting(Nearest::item).containsExactlyElementsOf(expected.stream().map(Nearest::item).toList());
            for (int i = 0; i < k; i++) {
                assertThat(actual.get(i).distanceMetres()).isCloseTo(expected.get(i).distanceMetres(), within(1e-6));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void withinAgreesWithBruteForce(long seed) {
        Random random = new Random(seed);
        List<Place> places = randomPlaces(random, 2000);
        SpatialIndex<Place> index = SpatialIndex.of(places, Place::lat, Place::lon);

        for (int query = 0; query < 200; query++) {
            double lat = 50.5 + random.nextDouble() * 3.3;
            double lon = 3.0 + random.nextDouble() * 4.5;
            double metres = random.nextDouble() * 30_000;
            List<Place> expected = bruteForce(places, lat, lon).stream()
                    .filter(n -> n.distanceMetres() <= metres).map(Nearest::item).toList();

            assertThat(index.within(lat, lon, metres)).extracting(Nearest::item).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void reportsGreatCircleDistances() {
        Place dam = new Place("Dam, Amsterdam", 52.3731, 4.8922);
        Place dom = new Place("Domtoren, Utrecht", 52.0907, 5.1214);
        SpatialIndex<Place> index = SpatialIndex.of(List.of(dam, dom), Place::lat, Place::lon);

        List<Nearest<Place>> nearest = index.nearest(52.3731, 4.8922, 5);

        assertThat(nearest).extracting(Nearest::item).containsExactly(dam, dom);
        assertThat(nearest.get(0).distanceMetres()).isZero();
        assertThat(nearest.get(1).distanceMetres()).isCloseTo(35_067, within(1.0));
    }

    @Test
    void emptyIndexFindsNothing() {
        SpatialIndex<Place> index = SpatialIndex.of(List.of(), Place::lat, Place::lon);

        assertThat(index.nearest(52.0, 5.0, 3)).isEmpty();
        assertThat(index.within(52.0, 5.0, 1_000)).isEmpty();
    }

    @Test
    void rejectsImpossibleQueries() {
        SpatialIndex<Place> index = SpatialIndex.of(List.of(new Place("a", 52, 5)), Place::lat, Place::lon);

        assertThatThrownBy(() -> index.nearest(52, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.nearest(91, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.within(52, 5, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
