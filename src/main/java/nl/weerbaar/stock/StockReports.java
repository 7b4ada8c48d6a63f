package nl.weerbaar.stock;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.system.DomainException.Unusable;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** What the ledger means for people: balances, stock cards, expiry and days of supply. */
@Service
public class StockReports {

    private final StockRepository repository;
    private final StockTotals totals;
    private final AccessControl access;
    private final Areas areas;
    /** "Today" of every report: what has expired, how many days a lot has left. */
    private final Clock clock;

    StockReports(StockRepository repository, StockTotals totals, AccessControl access, Areas areas, Clock clock) {
        this.repository = repository;
        this.totals = totals;
        this.access = access;
        this.areas = areas;
        this.clock = clock;
    }

    public List<LotBalance> balances(Long depot, String item) {
        access.requireRole(Role.VIEWER);
        return repository.balances(depot, item, null, LocalDate.now(clock));
    }

    /**
     * What a plan can draw on: balances of at least one whole unit of the given items in lots that
     * are not blocked, expired ones included (a plan judges expiry day by day).
     */
    public List<LotBalance> plannableBalances(Collection<String> items) {
        access.requireRole(Role.VIEWER);
        return totals.unblockedWholeUnits(items, LocalDate.now(clock));
    }

    public List<RecordedEvent> stockCard(Long depot, String item, String lot, int limit) {
        access.requireRole(Role.VIEWER);
        return repository.events(depot, item, lot, limit);
    }

    /** A line of a depot's stock card with the item's balance in the depot just after it. */
    public record CardLine(RecordedEvent event, BigDecimal itemBalanceAfter) {}

    /**
     * The latest events of a depot, newest first, each with the running balance of its item there:
     * walked back from today's balances, read in one snapshot so a booking in between cannot skew it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<CardLine> depotCard(long depot, int limit) {
        access.requireRole(Role.VIEWER);
        Map<String, BigDecimal> balance = new HashMap<>();
        for (LotBalance lot : repository.balances(depot, null, null, LocalDate.now(clock))) {
            balance.merge(lot.item(), lot.quantity(), BigDecimal::add);
        }
        List<CardLine> lines = new ArrayList<>();
        for (RecordedEvent event : repository.events(depot, null, null, limit)) {
            BigDecimal after = balance.getOrDefault(event.item(), BigDecimal.ZERO);
            lines.add(new CardLine(event, after));
            balance.put(event.item(), after.subtract(event.quantity()));
        }
        return lines;
    }

    public enum ExpiryBucket {
        EXPIRED, WITHIN_30_DAYS, WITHIN_90_DAYS, WITHIN_180_DAYS;

        /** Lots expiring later than this many days from today are in no bucket. */
        static final int HORIZON_DAYS = 180;

        static ExpiryBucket of(LocalDate expiry, LocalDate today) {
            long days = ChronoUnit.DAYS.between(today, expiry);
            if (days < 0) {
                return EXPIRED;
            }
            return days <= 30 ? WITHIN_30_DAYS : days <= 90 ? WITHIN_90_DAYS : days <= HORIZON_DAYS ? WITHIN_180_DAYS : null;
        }
    }

    public record ExpiringLot(LotBalance lot, String depotArea, ExpiryBucket bucket, long daysLeft) {}

    public record ExpiryReport(String area, LocalDate date, Map<ExpiryBucket, BigDecimal> totalsByBucket, List<ExpiringLot> lots) {}

    /** Lots in an area that expired or expire within 180 days, earliest first. */
    @Transactional(readOnly = true)
    public ExpiryReport expiry(String area) {
        access.requireRole(Role.VIEWER);
        String code = checkArea(area);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Depot> depots = repository.depots().stream().collect(Collectors.toMap(Depot::id, d -> d));
        List<ExpiringLot> lots = totals.expiringBy(today.plusDays(ExpiryBucket.HORIZON_DAYS), today).stream()
                .filter(b -> depots.containsKey(b.depot()) && areas.contains(code, depots.get(b.depot()).area()))
                .map(b -> new ExpiringLot(b, depots.get(b.depot()).area(), ExpiryBucket.of(b.expiry(), today),
                        ChronoUnit.DAYS.between(today, b.expiry())))
                .filter(e -> e.bucket() != null)
                .sorted(Comparator.comparing((ExpiringLot e) -> e.lot().expiry()))
                .toList();
        Map<ExpiryBucket, BigDecimal> totals = new EnumMap<>(ExpiryBucket.class);
        for (ExpiryBucket bucket : ExpiryBucket.values()) {
            totals.put(bucket, lots.stream().filter(l -> l.bucket() == bucket).map(l -> l.lot().quantity())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return new ExpiryReport(code, today, totals, lots);
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "StockCoverage")
    public record Coverage(String area, String areaName, String item, String unit, long population, double dependentShare,
                           BigDecimal dailyNormPerPerson, BigDecimal dailyNeed, BigDecimal stockInside, BigDecimal stockFarther,
                           double daysInside, double daysWithFarther, String explanation) {}

    /**
     * Days of supply of an item for an area's residents who depend on public supply, at the
     * item's daily norm; stock inside the area apart from stock that must come from the region
     * or the nation. Expired and blocked lots do not count.
     */
    @Transactional(readOnly = true)
    public Coverage coverage(String area, String itemCode, double dependentShare) {
        return coverages(List.of(area == null ? "NL" : area), itemCode, dependentShare).getFirst();
    }

    /**
     * {@link #coverage} of several areas at once, in their order: the stock is added up per depot
     * area by one query, whatever the number of areas.
     */
    @Transactional(readOnly = true)
    public List<Coverage> coverages(List<String> areaCodes, String itemCode, double dependentShare) {
        access.requireRole(Role.VIEWER);
        List<String> codes = areaCodes.stream().map(this::checkArea).toList();
        Item item = repository.item(itemCode == null ? "" : itemCode)
                .orElseThrow(() -> new InvalidInputException("item", "no item with code '" + itemCode + "'"));
        new InputCheck()
                .require(dependentShare > 0 && dependentShare <= 1, "dependentShare", "must be more than 0 and at most 1, e.g. 0.25")
                .orThrow();
        if (item.dailyNormPerPerson() == null) {
            throw new Unusable("item " + item.code() + " has no daily norm per person, so days of supply cannot be computed",
                    "stock.refusal.noNorm", item.name());
        }
        Map<String, BigDecimal> usable = totals.usableByDepotArea(item.code(), LocalDate.now(clock));
        return codes.stream().map(code -> coverage(code, item, dependentShare, usable)).toList();
    }

    private Coverage coverage(String code, Item item, double dependentShare, Map<String, BigDecimal> usableByDepotArea) {
        long population = populationOf(code);
        String name = nameOf(code);
        BigDecimal inside = sum(usableByDepotArea, depotArea -> areas.contains(code, depotArea));
        BigDecimal farther = sum(usableByDepotArea, farther(code));
        BigDecimal need = item.dailyNormPerPerson().multiply(BigDecimal.valueOf(population * dependentShare));
        double daysInside = inside.divide(need, MathContext.DECIMAL64).doubleValue();
        double daysWithFarther = inside.add(farther).divide(need, MathContext.DECIMAL64).doubleValue();
        String explanation = "%s residents × %s dependent on public supply × %s %s per person per day = %s %s a day"
                .formatted(population, dependentShare, item.dailyNormPerPerson().stripTrailingZeros().toPlainString(), item.unit(),
                        need.setScale(0, RoundingMode.HALF_UP).toPlainString(), item.unit());
        return new Coverage(code, name, item.code(), item.unit(), population, dependentShare, item.dailyNormPerPerson(),
                need, inside, farther, daysInside, daysWithFarther, explanation);
    }

    private static BigDecimal sum(Map<String, BigDecimal> byDepotArea, Predicate<String> which) {
        return byDepotArea.entrySet().stream().filter(e -> which.test(e.getKey())).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Depot areas that serve the area from farther away: its region and the nation. */
    private Predicate<String> farther(String area) {
        String region = area.startsWith("GM") ? areas.regionOf(area).orElse(null) : null;
        return depotArea -> !area.equals("NL") && (depotArea.equals("NL") || depotArea.equals(region));
    }

    private String checkArea(String area) {
        String code = area == null ? "NL" : area.trim().toUpperCase();
        new InputCheck().require(code.equals("NL") || areas.region(code).isPresent() || areas.municipality(code).isPresent(),
                "area", "must be NL, a safety region (VR13) or a municipality (GM0363)").orThrow();
        return code;
    }

    private long populationOf(String area) {
        if (area.equals("NL")) {
            return areas.regions().stream().mapToLong(Region::population).sum();
        }
        return area.startsWith("VR") ? areas.region(area).orElseThrow().population() : areas.municipality(area).orElseThrow().population();
    }

    private String nameOf(String area) {
        return areas.name(area).orElseThrow();
    }
}
