package nl.weerbaar.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.Region;

/**
 * A demonstration set of depots and stock, made up but plausible for the whole country, and the
 * same every time for the same day: every random choice comes from a generator with a fixed seed.
 *
 * <ul>
 *   <li>3 national depots on business parks near Nieuwegein, Zwolle and Tilburg;</li>
 *   <li>a regional depot in each of the 25 safety regions, at its largest municipality;</li>
 *   <li>a municipal depot in each of the {@value #MUNICIPAL_DEPOTS} largest municipalities.</li>
 * </ul>
 *
 * Each depot holds every item of {@link #ITEMS} in one to four lots, scaled by the residents it
 * serves (regional drinking water 50,000 to 300,000 litres; a national depot holds more). Lots
 * expire on dates counted from {@code today}: most months or years later, but about a third of the
 * depots also hold a lot that expires within days or weeks, so a plan shows stock expiring unused.
 * Pure: reads nothing but its arguments, so the planning benchmark builds the same stock without a
 * database.
 */
final class DemoStock {

    static final long SEED = 20_261_201L;
    static final int MUNICIPAL_DEPOTS = 40;
    static final String REASON = "demo";

    /**
     * An item of the demo set and how much of it each depot holds: per resident of the region or
     * municipality it serves, within bounds, and a fixed amount per national depot.
     *
     * @param shelfLifeDays null: the item does not expire
     */
    record ItemSpec(String code, String abbreviation, Integer shelfLifeDays, double perResidentRegional, long minRegional,
                    long maxRegional, double perResidentMunicipal, long minMunicipal, long maxMunicipal, long national) {}

    /** Ten items of the starting catalogue (V30__stock.sql), at least eight with a daily norm or a clear per-person use. */
    static final List<ItemSpec> ITEMS = List.of(
            new ItemSpec("drinking-water", "DW", 730, 0.2, 50_000, 300_000, 0.04, 4_000, 60_000, 800_000),
            new ItemSpec("water-all-uses", "WA", 365, 0.25, 60_000, 400_000, 0.05, 5_000, 80_000, 1_200_000),
            new ItemSpec("emergency-ration", "ER", 1825, 0.03, 8_000, 50_000, 0.01, 1_000, 12_000, 150_000),
            new ItemSpec("infant-formula", "IF", 540, 0.001, 300, 2_000, 0.0004, 50, 400, 6_000),
            new ItemSpec("first-aid-kit", "FA", 1825, 0.002, 800, 4_000, 0.0008, 100, 800, 12_000),
            new ItemSpec("medication-kit", "MK", 1095, 0.003, 1_000, 5_000, 0.001, 100, 1_000, 20_000),
            new ItemSpec("hygiene-kit", "HK", 1825, 0.01, 3_000, 15_000, 0.004, 400, 4_000, 60_000),
            new ItemSpec("blanket", "BL", null, 0.01, 3_000, 15_000, 0.005, 500, 5_000, 50_000),
            new ItemSpec("power-bank", "PB", 1825, 0.002, 600, 3_000, 0.001, 100, 1_000, 10_000),
            new ItemSpec("diesel", "DS", 365, 0.03, 10_000, 50_000, 0.01, 1_000, 10_000, 250_000));

    /**
     * A depot to create, marked demo. {@code key} is unique in the set and names its receipts'
     * document number ({@code DEMO-key}).
     */
    record DemoDepot(String key, String name, String level, String organisation, String area, String municipality,
                     double lat, double lon, String capacity) {}

    /** A receipt of one lot at one depot; {@code expiry} null for items that do not expire. */
    record Receipt(String depot, String item, String lot, LocalDate expiry, long quantity) {

        String documentNumber() {
            return "DEMO-" + depot;
        }
    }

    record Stock(List<DemoDepot> depots, List<Receipt> receipts) {}

    private record National(String key, String name, String municipality, double lat, double lon, double share) {}

    /** Business parks near the motorway junctions; made up as depots, plausible as places. */
    private static final List<National> NATIONAL = List.of(
            new National("NL-MIDDEN", "Nationaal depot Midden, Nieuwegein (demo)", "GM0356", 52.0405, 5.1010, 1.0),
            new National("NL-NOORDOOST", "Nationaal depot Noord-Oost, Zwolle (demo)", "GM0193", 52.5350, 6.1520, 0.8),
            new National("NL-ZUID", "Nationaal depot Zuid, Tilburg (demo)", "GM0855", 51.5900, 5.0200, 0.9));

    private DemoStock() {}

    /** The demo depots and their receipts, national depots first, then regions (VR01 first), then municipalities. */
    static Stock generate(List<Region> regions, List<Municipality> municipalities, LocalDate today) {
        List<List<Lot>> pools = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            pools.add(lotPool(ITEMS.get(i), i, today));
        }
        List<DemoDepot> depots = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (National national : NATIONAL) {
            DemoDepot depot = new DemoDepot(national.key(), national.name(), "national", "NL", "NL", national.municipality(),
                    national.lat(), national.lon(), "12.000 palletplaatsen");
            Random random = new Random(SEED ^ national.key().hashCode());
            depots.add(depot);
            for (int i = 0; i < ITEMS.size(); i++) {
                long quantity = Math.round(ITEMS.get(i).national() * national.share() * between(random, 0.85, 1.15));
                receipts.addAll(lots(depot, ITEMS.get(i), pools.get(i), quantity, random));
            }
        }
        for (Region region : regions) {
            Municipality largest = municipalities.stream().filter(m -> m.regionCode().equals(region.code()))
                    .max(Comparator.comparingLong(Municipality::population).thenComparing(Municipality::code, Comparator.reverseOrder()))
                    .orElseThrow(() -> new IllegalArgumentException("safety region " + region.code() + " has no municipality"));
            // A little north-east of the municipal depot in the same town, so the two do not cover each other on a map.
            DemoDepot depot = new DemoDepot(region.code(), "Regionaal depot " + region.name() + " (demo)", "regional",
                    region.code(), region.code(), largest.code(), largest.lat() + 0.003, largest.lon() + 0.004,
                    "1.500 palletplaatsen");
            Random random = new Random(SEED ^ region.code().hashCode());
            depots.add(depot);
            for (int i = 0; i < ITEMS.size(); i++) {
                ItemSpec item = ITEMS.get(i);
                long quantity = Math.round(clamp(region.population() * item.perResidentRegional(), item.minRegional(),
                        item.maxRegional()) * between(random, 0.85, 1.15));
                receipts.addAll(lots(depot, item, pools.get(i), quantity, random));
            }
        }
        List<Municipality> largest = municipalities.stream()
                .sorted(Comparator.comparingLong(Municipality::population).reversed().thenComparing(Municipality::code))
                .limit(MUNICIPAL_DEPOTS).sorted(Comparator.comparing(Municipality::code)).toList();
        for (Municipality municipality : largest) {
            DemoDepot depot = new DemoDepot(municipality.code(), "Gemeentelijk depot " + municipality.name() + " (demo)",
                    "municipal", municipality.code(), municipality.code(), municipality.code(), municipality.lat(),
                    municipality.lon(), "200 palletplaatsen");
            Random random = new Random(SEED ^ municipality.code().hashCode());
            depots.add(depot);
            for (int i = 0; i < ITEMS.size(); i++) {
                ItemSpec item = ITEMS.get(i);
                long quantity = Math.round(clamp(municipality.population() * item.perResidentMunicipal(), item.minMunicipal(),
                        item.maxMunicipal()) * between(random, 0.85, 1.15));
                receipts.addAll(lots(depot, item, pools.get(i), quantity, random));
            }
        }
        return new Stock(List.copyOf(depots), List.copyOf(receipts));
    }

    private record Lot(String number, LocalDate expiry, boolean soon) {}

    /**
     * The lots of an item that depots draw from, one expiry each (a lot number means one expiry
     * everywhere): three that expire within 2 to 5 days, 6 to 12 days and 2 to 5 weeks, and nine
     * spread from two months to the item's shelf life. Items that do not expire have four lots.
     */
    private static List<Lot> lotPool(ItemSpec item, int index, LocalDate today) {
        Random random = new Random(SEED + 1_000L * index);
        List<Lot> lots = new ArrayList<>();
        String prefix = "DEMO-" + item.abbreviation() + "-";
        if (item.shelfLifeDays() == null) {
            for (int i = 1; i <= 4; i++) {
                lots.add(new Lot(prefix + String.format("%03d", i), null, false));
            }
            return lots;
        }
        int[][] soon = {{2, 5}, {6, 12}, {14, 35}};
        for (int[] range : soon) {
            lots.add(new Lot(prefix + String.format("%03d", lots.size() + 1),
                    today.plusDays(range[0] + random.nextInt(range[1] - range[0] + 1)), true));
        }
        int shelfLife = Math.max(item.shelfLifeDays(), 120);
        for (int i = 0; i < 9; i++) {
            double from = 60 + (shelfLife - 60) * i / 9.0;
            double to = 60 + (shelfLife - 60) * (i + 1) / 9.0;
            lots.add(new Lot(prefix + String.format("%03d", lots.size() + 1),
                    today.plusDays(Math.round(between(random, from, to))), false));
        }
        return lots;
    }

    /**
     * A depot's stock of an item as receipts: one to three lots that keep, and at about a third of
     * the depots a lot that expires soon holding 10 to 30 % of it.
     */
    private static List<Receipt> lots(DemoDepot depot, ItemSpec item, List<Lot> pool, long total, Random random) {
        List<Lot> lasting = pool.stream().filter(lot -> !lot.soon()).toList();
        List<Lot> expiring = pool.stream().filter(Lot::soon).toList();
        List<Receipt> receipts = new ArrayList<>();
        long remaining = nice(total);
        if (!expiring.isEmpty() && random.nextDouble() < 0.35) {
            Lot lot = expiring.get(random.nextInt(expiring.size()));
            long quantity = nice(Math.round(remaining * between(random, 0.10, 0.30)));
            receipts.add(new Receipt(depot.key(), item.code(), lot.number(), lot.expiry(), quantity));
            remaining -= quantity;
        }
        int count = 1 + random.nextInt(Math.min(3, lasting.size()));
        List<Lot> chosen = new ArrayList<>(lasting);
        Collections.shuffle(chosen, random);
        chosen = chosen.subList(0, count).stream().sorted(Comparator.comparing(Lot::number)).toList();
        for (int i = 0; i < count; i++) {
            long quantity = i == count - 1 ? remaining : nice(Math.round(remaining * between(random, 0.3, 0.6)));
            if (quantity <= 0) {
                continue;
            }
            Lot lot = chosen.get(i);
            receipts.add(new Receipt(depot.key(), item.code(), lot.number(), lot.expiry(), quantity));
            remaining -= quantity;
        }
        return receipts;
    }

    /** Rounded to two significant digits, as a stock count on a receipt would be; at least 1. */
    static long nice(long quantity) {
        if (quantity < 100) {
            return Math.max(1, quantity);
        }
        long step = (long) Math.pow(10, Math.floor(Math.log10(quantity)) - 1);
        return Math.max(step, Math.round((double) quantity / step) * step);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double between(Random random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }
}
