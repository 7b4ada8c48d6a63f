package nl.weerbaar.points;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.points.SupportPointRepository.LiveStatus;
import nl.weerbaar.points.SupportPointRepository.Registration;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A demonstration network on real buildings: the polling stations of the 2025 general election
 * (see reference/nl/SOURCES.md). About 1,000 become hubs, spread over the municipalities in
 * proportion to their buildings, fire stations and town halls first; the rest local points.
 * Capabilities, capacity and status are made up, plausibly per tier and kind of building, and
 * always the same: every random choice comes from a generator seeded per building.
 */
@Component
class DemoNetwork {

    static final String FILE = "reference/nl/stemlokalen_tk2025.csv";
    static final int NATIONAL_HUBS = 1000;
    private static final long SEED = 20_251_029L;

    private final Areas areas;

    DemoNetwork(Areas areas) {
        this.areas = areas;
    }

    /** A generated point: its registration, its status, and how long ago that status was confirmed. */
    record DemoPoint(Registration registration, LiveStatus live, Duration confirmedAgo) {}

    private record Building(int index, String municipality, String place, String name, double lat, double lon,
                            BuildingKind kind) {}

    /** The whole network, in the order of the source file. */
    List<DemoPoint> generate() {
        List<Building> buildings = readBuildings();
        Set<Integer> hubs = chooseHubs(buildings);
        List<DemoPoint> points = new ArrayList<>(buildings.size());
        for (Building building : buildings) {
            Random random = new Random(SEED + building.index());
            Tier tier = hubs.contains(building.index()) ? Tier.HUB : Tier.LOCAL;
            points.add(point(building, tier, random));
        }
        return points;
    }

    private List<Building> readBuildings() {
        List<Building> buildings = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                // Mobile polling stations move around: nobody can be sent there.
                if (row.get("mobile").equals("yes") || areas.municipality(row.get("gm_code")).isEmpty()) {
                    continue;
                }
                String name = row.get("naam").strip();
                buildings.add(new Building((int) row.getRecordNumber(), row.get("gm_code"), row.get("plaats").strip(), name,
                        Double.parseDouble(row.get("lat")), Double.parseDouble(row.get("lon")), kindOf(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        return buildings;
    }

    /** Per municipality its share of the national hubs (at least one), the best-suited buildings first. */
    private static Set<Integer> chooseHubs(List<Building> buildings) {
        Map<String, List<Building>> byMunicipality = new LinkedHashMap<>();
        buildings.forEach(b -> byMunicipality.computeIfAbsent(b.municipality(), m -> new ArrayList<>()).add(b));
        Set<Integer> hubs = new HashSet<>();
        double perBuilding = (double) NATIONAL_HUBS / buildings.size();
        byMunicipality.values().forEach(local -> {
            int count = Math.max(1, (int) Math.round(local.size() * perBuilding));
            local.stream()
                    .sorted(Comparator.comparingInt((Building b) -> hubPreference(b.kind()))
                            .thenComparingLong(b -> new Random(SEED ^ b.index()).nextLong()))
                    .limit(count)
                    .forEach(b -> hubs.add(b.index()));
        });
        return hubs;
    }

    /** Lower is better suited as a hub: staffed, robust, large buildings first. */
    private static int hubPreference(BuildingKind kind) {
        return switch (kind) {
            case FIRE_STATION -> 0;
            case TOWN_HALL -> 1;
            case SPORTS_HALL -> 2;
            case COMMUNITY_CENTRE -> 3;
            case SCHOOL -> 4;
            case LIBRARY -> 5;
            case CHURCH -> 6;
            case OTHER -> 7;
        };
    }

    static BuildingKind kindOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (containsAny(n, "brandweer", "kazerne")) {
            return BuildingKind.FIRE_STATION;
        }
        if (containsAny(n, "gemeentehuis", "stadhuis", "raadhuis", "gemeentekantoor")) {
            return BuildingKind.TOWN_HALL;
        }
        if (containsAny(n, "sporthal", "sportcentrum", "sportzaal", "gymzaal", "sportpark", "zwembad")) {
            return BuildingKind.SPORTS_HALL;
        }
        if (containsAny(n, "bibliotheek")) {
            return BuildingKind.LIBRARY;
        }
        if (containsAny(n, "school", "college", "lyceum", "kindcentrum", "obs ", "cbs ")) {
            return BuildingKind.SCHOOL;
        }
        if (containsAny(n, "kerk", "kapel", "parochie")) {
            return BuildingKind.CHURCH;
        }
        if (containsAny(n, "dorpshuis", "buurthuis", "wijkcentrum", "buurtcentrum", "dorpscentrum", "ontmoeting", "mfc",
                "multifunctioneel", "gemeenschapshuis", "wijkgebouw", "cultureel centrum")) {
            return BuildingKind.COMMUNITY_CENTRE;
        }
        return BuildingKind.OTHER;
    }

    private DemoPoint point(Building b, Tier tier, Random random) {
        boolean hub = tier == Tier.HUB;
        Set<Capability> capabilities = EnumSet.of(Capability.INFORMATION, Capability.PHONE_CHARGING);
        if (hub) {
            capabilities.addAll(EnumSet.of(Capability.DRINKING_WATER, Capability.FIRST_AID, Capability.MISSING_PERSONS_INTAKE,
                    Capability.MEDICAL_DEVICE_POWER, Capability.WARMTH, Capability.SANITATION, Capability.STEP_FREE_ACCESS));
            maybe(random, 0.7, capabilities, Capability.FOOD);
            maybe(random, 0.3, capabilities, Capability.MEDICATION);
            maybe(random, b.kind() == BuildingKind.SPORTS_HALL ? 0.9 : 0.3, capabilities, Capability.OVERNIGHT_STAY);
            maybe(random, 0.3, capabilities, Capability.PETS);
        } else {
            maybe(random, 0.8, capabilities, Capability.DRINKING_WATER);
            maybe(random, 0.6, capabilities, Capability.WARMTH);
            maybe(random, 0.7, capabilities, Capability.SANITATION);
            maybe(random, 0.4, capabilities, Capability.FIRST_AID);
            maybe(random, 0.7, capabilities, Capability.STEP_FREE_ACCESS);
            maybe(random, 0.2, capabilities, Capability.FOOD);
        }
        int persons = hub ? 150 + 10 * random.nextInt(36) : 30 + 5 * random.nextInt(25);
        Integer overnight = capabilities.contains(Capability.OVERNIGHT_STAY) ? persons / 3 : 0;
        boolean generator = hub || random.nextDouble() < 0.35;
        Integer fuelHours = generator ? (hub ? 48 + 12 * random.nextInt(7) : 12 + 12 * random.nextInt(3)) : null;
        List<Communication> communications = new ArrayList<>();
        if (hub) {
            communications.add(Communication.C2000);
            communications.add(Communication.RADIO);
            if (random.nextDouble() < 0.6) {
                communications.add(Communication.SATELLITE);
            }
        } else if (random.nextDouble() < 0.3) {
            communications.add(Communication.RADIO);
        }
        Municipality municipality = areas.municipality(b.municipality()).orElseThrow();
        String owner = hub && b.kind() == BuildingKind.FIRE_STATION
                ? "Veiligheidsregio " + areas.region(municipality.regionCode()).orElseThrow().name()
                : "Gemeente " + municipality.name();
        String opening = hub ? "Bij langdurige uitval binnen 2 uur open, dag en nacht."
                : "Bij langdurige uitval binnen 4 uur open, van 8.00 tot 22.00 uur.";
        Registration registration = new Registration(b.name(), tier, b.kind(), b.place(), b.lat(), b.lon(), municipality.code(),
                owner, List.copyOf(capabilities), new SupportPoint.Capacity(persons, overnight),
                new SupportPoint.BackupPower(generator, fuelHours), List.copyOf(communications), null, opening, true);
        return new DemoPoint(registration, status(random, persons), Duration.ofMinutes(random.nextInt(12 * 60)));
    }

    /** Mostly on standby, as in quiet times; a few open or full, as if a local incident were going on. */
    private static LiveStatus status(Random random, int capacity) {
        double draw = random.nextDouble();
        if (draw < 0.07) {
            return new LiveStatus(PointStatus.OPEN, random.nextInt(capacity * 7 / 10 + 1),
                    "Informatie, drinkwater en telefoon opladen.", List.of());
        }
        if (draw < 0.09) {
            return new LiveStatus(PointStatus.FULL, capacity, "Vol: ga naar een ander steunpunt.", List.of());
        }
        if (draw < 0.15) {
            return new LiveStatus(PointStatus.INACTIVE, 0, null, List.of());
        }
        return new LiveStatus(PointStatus.STANDBY, 0, null, List.of());
    }

    private static void maybe(Random random, double chance, Set<Capability> capabilities, Capability capability) {
        if (random.nextDouble() < chance) {
            capabilities.add(capability);
        }
    }

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
