package nl.weerbaar.planning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.Region;
import nl.weerbaar.stock.Depot;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.StockCatalogue;
import org.springframework.stereotype.Component;

/**
 * A run's result summed up for people: headline numbers, per item and day, first shortfalls per
 * municipality and region, depots by what an extra unit there would do. Shared by the pages and the
 * PDF report, so both say the same. Days are shown counting from 1 ("dag 1" is the first day).
 */
@Component
class PlanFigures {

    private final Areas areas;
    private final StockCatalogue catalogue;

    PlanFigures(Areas areas, StockCatalogue catalogue) {
        this.areas = areas;
        this.catalogue = catalogue;
    }

    /** Totals over all areas, days and items, with the unmet units by reason (reasons without units left out). */
    record Headline(long demand, long supplied, long unmet, Map<UnmetReason, Long> unmetByReason) {

        /** Share of demand not supplied, 0 to 1. */
        public double unmetShare() {
            return demand == 0 ? 0 : (double) unmet / demand;
        }

        public long unmetFor(UnmetReason reason) {
            return unmetByReason.getOrDefault(reason, 0L);
        }
    }

    record ItemDay(int day, LocalDate date, long demand, long supplied, Map<UnmetReason, Long> unmet) {
        public long unmetTotal() {
            return unmet.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param firstShortfallDay       the first day with any unmet demand of the item, anywhere
     * @param firstSupplyShortfallDay the first day the stock or its transport fell short (not access to a point)
     */
    record ItemSeries(String item, String name, String unit, List<ItemDay> days, Headline totals, Integer firstShortfallDay,
                      Integer firstSupplyShortfallDay) {}

    /** One municipality's first day short of an item. {@code day} counts from 0. */
    record ShortfallRow(String municipality, String municipalityName, String region, String regionName, String item,
                        String itemName, int day, LocalDate date, long unmet, UnmetReason mainReason) {}

    /** A region's earliest shortfall of any item; {@code day} null when it never fell short. */
    record RegionRow(String region, String name, Integer day, LocalDate date, String firstItemName, long demand, long unmet,
                     int municipalitiesShort, int municipalities) {}

    record DepotRow(long depot, String name, String level, String item, String itemName, String unit, long startStock,
                    long delivered, long expiredUnused, long left, boolean helps, String helpsMunicipality,
                    String helpsMunicipalityName, Integer helpsDay, LocalDate helpsDate, long priority, boolean demo) {}

    /** Share of demand not met per municipality (all days and items), for the map. */
    record Figures(Headline headline, List<ItemSeries> items, List<ShortfallRow> shortfalls, List<RegionRow> regions,
                   List<DepotRow> depots, Map<String, Double> unmetShareByMunicipality, List<LocalDate> dates, boolean demoDepots) {}

    Figures of(PlanResult result) {
        List<LocalDate> dates = result.dates();
        Headline headline = headline(result.areaDays());
        Map<String, List<PlanResult.AreaDay>> byItem = new LinkedHashMap<>();
        for (PlanResult.AreaDay row : result.areaDays()) {
            byItem.computeIfAbsent(row.item(), k -> new ArrayList<>()).add(row);
        }
        Map<String, Integer> firstByItem = new HashMap<>();
        for (PlanResult.Shortfall s : result.shortfalls()) {
            firstByItem.merge(s.item(), s.day(), Math::min);
        }
        List<ItemSeries> items = new ArrayList<>();
        for (var entry : byItem.entrySet()) {
            TreeMap<Integer, List<PlanResult.AreaDay>> byDay = new TreeMap<>();
            for (PlanResult.AreaDay row : entry.getValue()) {
                byDay.computeIfAbsent(row.day(), k -> new ArrayList<>()).add(row);
            }
            List<ItemDay> days = new ArrayList<>();
            for (int day = 0; day < Math.max(dates.size(), byDay.isEmpty() ? 0 : byDay.lastKey() + 1); day++) {
                Headline sum = headline(byDay.getOrDefault(day, List.of()));
                days.add(new ItemDay(day, date(dates, day), sum.demand(), sum.supplied(), sum.unmetByReason()));
            }
            Item item = catalogue.item(entry.getKey()).orElse(null);
            Integer firstSupplyShortfall = days.stream()
                    .filter(d -> d.unmet().entrySet().stream().anyMatch(e -> e.getKey().supply() && e.getValue() > 0))
                    .map(ItemDay::day).findFirst().orElse(null);
            items.add(new ItemSeries(entry.getKey(), item == null ? entry.getKey() : item.name(), item == null ? "" : item.unit(),
                    days, headline(entry.getValue()), firstByItem.get(entry.getKey()), firstSupplyShortfall));
        }

        Map<String, Map<UnmetReason, Long>> unmetOnShortfallDay = new HashMap<>();
        for (PlanResult.AreaDay row : result.areaDays()) {
            unmetOnShortfallDay.put(row.municipality() + "|" + row.item() + "|" + row.day(), row.unmet());
        }
        List<ShortfallRow> shortfalls = new ArrayList<>();
        for (PlanResult.Shortfall s : result.shortfalls()) {
            Map<UnmetReason, Long> unmet = unmetOnShortfallDay.getOrDefault(s.municipality() + "|" + s.item() + "|" + s.day(), Map.of());
            UnmetReason main = unmet.entrySet().stream().filter(e -> e.getValue() > 0)
                    .max(Map.Entry.<UnmetReason, Long>comparingByValue()).map(Map.Entry::getKey).orElse(null);
            shortfalls.add(new ShortfallRow(s.municipality(), municipalityName(s.municipality()), s.region(), regionName(s.region()),
                    s.item(), itemName(s.item()), s.day(), date(dates, s.day()),
                    unmet.values().stream().mapToLong(Long::longValue).sum(), main));
        }
        shortfalls.sort(Comparator.comparingInt(ShortfallRow::day).thenComparing(r -> -r.unmet())
                .thenComparing(ShortfallRow::municipalityName).thenComparing(ShortfallRow::itemName));

        Map<String, List<PlanResult.AreaDay>> byRegion = new TreeMap<>();
        for (PlanResult.AreaDay row : result.areaDays()) {
            byRegion.computeIfAbsent(row.region(), k -> new ArrayList<>()).add(row);
        }
        List<RegionRow> regions = new ArrayList<>();
        for (var entry : byRegion.entrySet()) {
            List<ShortfallRow> inRegion = shortfalls.stream().filter(s -> s.region().equals(entry.getKey())).toList();
            Headline sum = headline(entry.getValue());
            long municipalities = entry.getValue().stream().map(PlanResult.AreaDay::municipality).distinct().count();
            long short_ = inRegion.stream().map(ShortfallRow::municipality).distinct().count();
            ShortfallRow first = inRegion.isEmpty() ? null : inRegion.getFirst();
            regions.add(new RegionRow(entry.getKey(), regionName(entry.getKey()), first == null ? null : first.day(),
                    first == null ? null : first.date(), first == null ? null : first.itemName(), sum.demand(), sum.unmet(),
                    (int) short_, (int) municipalities));
        }
        regions.sort(Comparator.comparing((RegionRow r) -> r.day() == null ? Integer.MAX_VALUE : r.day()).thenComparing(RegionRow::name));

        Map<Long, Boolean> demo = new HashMap<>();
        List<DepotRow> depots = new ArrayList<>();
        for (PlanResult.DepotOutcome d : result.depots()) {
            boolean isDemo = demo.computeIfAbsent(d.depot(), id -> catalogue.depot(id).map(Depot::demo).orElse(false));
            PlanResult.Marginal m = d.marginal();
            boolean helps = m != null && m.suppliedUnits() > 0 && m.municipality() != null;
            Item item = catalogue.item(d.item()).orElse(null);
            depots.add(new DepotRow(d.depot(), d.name(), d.level(), d.item(), item == null ? d.item() : item.name(),
                    item == null ? "" : item.unit(), d.startStock(), d.delivered(), d.expiredUnused(), d.left(), helps,
                    helps ? m.municipality() : null, helps ? municipalityName(m.municipality()) : null,
                    helps ? m.day() : null, helps && m.day() != null ? date(dates, m.day()) : null,
                    m == null ? 0 : m.priority(), isDemo));
        }
        depots.sort(Comparator.comparing((DepotRow r) -> !r.helps()).thenComparing(r -> -r.priority())
                .thenComparing(r -> r.helpsDay() == null ? Integer.MAX_VALUE : r.helpsDay())
                .thenComparing(r -> -r.delivered())
                .thenComparing(DepotRow::name).thenComparing(DepotRow::itemName));

        Map<String, long[]> perMunicipality = new HashMap<>();
        for (PlanResult.AreaDay row : result.areaDays()) {
            long[] sums = perMunicipality.computeIfAbsent(row.municipality(), k -> new long[2]);
            sums[0] += row.demand();
            sums[1] += row.unmetTotal();
        }
        Map<String, Double> shares = new HashMap<>();
        perMunicipality.forEach((code, sums) -> shares.put(code, sums[0] == 0 ? 0.0 : (double) sums[1] / sums[0]));

        return new Figures(headline, items, shortfalls, regions, depots, shares, dates, demo.containsValue(true));
    }

    static Headline headline(List<PlanResult.AreaDay> rows) {
        long demand = 0;
        long supplied = 0;
        Map<UnmetReason, Long> reasons = new EnumMap<>(UnmetReason.class);
        for (PlanResult.AreaDay row : rows) {
            demand += row.demand();
            supplied += row.supplied();
            if (row.unmet() != null) {
                row.unmet().forEach((reason, units) -> {
                    if (units != null && units != 0) {
                        reasons.merge(reason, units, Long::sum);
                    }
                });
            }
        }
        long unmet = reasons.values().stream().mapToLong(Long::longValue).sum();
        return new Headline(demand, supplied, unmet, reasons);
    }

    String municipalityName(String code) {
        return code == null ? "" : areas.municipality(code).map(Municipality::name).orElse(code);
    }

    String regionName(String code) {
        return code == null ? "" : areas.region(code).map(Region::name).orElse(code);
    }

    String itemName(String code) {
        return catalogue.item(code).map(Item::name).orElse(code);
    }

    private static LocalDate date(List<LocalDate> dates, int day) {
        return day >= 0 && day < dates.size() ? dates.get(day) : null;
    }

    /** "zo 3 dec": short enough for a table cell, with the weekday that planners think in. */
    static String shortDate(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern("EEE d MMM", locale).format(date).replace(".", "");
    }
}
