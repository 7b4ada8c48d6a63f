package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splitting budget lines over the 25 safety regions: national admins compute drafts with a formula
 * they choose, compare them, and adopt one, which makes the regions' budgets. All staff may read
 * them: the formula is the same for every region, and seeing the others' shares is what makes it fair.
 */
@Service
class Allocations {

    private static final BigDecimal MAX_RISK_WEIGHT = BigDecimal.valueOf(100);

    private final AllocationRepository repository;
    private final BudgetLineRepository budgetLines;
    private final Areas areas;
    private final AccessControl access;
    private final AuditTrail audit;

    Allocations(AllocationRepository repository, BudgetLineRepository budgetLines, Areas areas, AccessControl access,
                AuditTrail audit) {
        this.repository = repository;
        this.budgetLines = budgetLines;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
    }

    /**
     * A formula to try.
     *
     * @param budgetLineIds    the lines whose money is split; all of {@code year}
     * @param baseCents        what every region gets first
     * @param areaSharePercent the part of the rest split by land area (0–100); the other part goes by residents
     * @param riskWeights      optional factor per region code (default 1), e.g. 1.2 for a region with more risk
     */
    public record Formula(String name, Integer year, List<Long> budgetLineIds, Long baseCents, BigDecimal areaSharePercent,
                          Map<String, BigDecimal> riskWeights) {}

    /** Two allocations side by side, region by region. */
    public record Comparison(Allocation a, Allocation b, List<RegionDifference> regions) {}

    public record RegionDifference(String regionCode, String regionName, long totalCentsA, long totalCentsB, long differenceCents) {}

    @Transactional
    public Allocation compute(Formula formula) {
        // National money: the scope is NL whatever the input says, so it is checked first.
        access.require(Role.ADMIN, "NL");
        List<Long> lineIds = validate(formula);
        long pot = lineIds.stream().mapToLong(id -> budgetLines.find(id).orElseThrow().amountCents()).sum();
        List<AllocationCalculator.RegionFigures> figures = areas.regions().stream()
                .map(r -> new AllocationCalculator.RegionFigures(r.code(), r.population(),
                        BigDecimal.valueOf(r.landAreaKm2()).setScale(2, RoundingMode.HALF_UP),
                        AllocationCalculator.weightOf(formula.riskWeights(), r.code())))
                .toList();
        AllocationCalculator.Result result;
        try {
            result = AllocationCalculator.allocate(pot, formula.baseCents(), formula.areaSharePercent(), figures);
        } catch (IllegalArgumentException baseTooHigh) {
            throw new InvalidInputException("baseCents", baseTooHigh.getMessage());
        }
        List<Allocation.RegionShare> shares = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            AllocationCalculator.RegionFigures region = figures.get(i);
            AllocationCalculator.Share share = result.shares().get(i);
            shares.add(new Allocation.RegionShare(region.code(), areas.region(region.code()).map(Region::name).orElseThrow(),
                    region.population(), region.landAreaKm2(), region.riskWeight(), share.baseCents(), share.populationCents(),
                    share.areaCents(), share.totalCents()));
        }
        long id = repository.insert(formula.name().strip(), formula.year(), lineIds, pot, formula.baseCents(),
                formula.areaSharePercent(), shares);
        Allocation created = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("allocation.computed", "allocation", String.valueOf(id), "NL", null, formulaOf(created)));
        return created;
    }

    @Transactional(readOnly = true)
    public Allocation get(long id) {
        access.requireRole(Role.VIEWER);
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    /** Allocations of a year (or all when null), newest first. */
    @Transactional(readOnly = true)
    public List<Allocation> list(Integer year) {
        access.requireRole(Role.VIEWER);
        return repository.ids(year).stream().map(id -> repository.find(id).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public Comparison compare(long a, long b) {
        Allocation first = get(a);
        Allocation second = get(b);
        Map<String, Long> secondTotals = new HashMap<>();
        second.shares().forEach(s -> secondTotals.put(s.regionCode(), s.totalCents()));
        List<RegionDifference> regions = first.shares().stream()
                .map(s -> {
                    long other = secondTotals.getOrDefault(s.regionCode(), 0L);
                    return new RegionDifference(s.regionCode(), s.regionName(), s.totalCents(), other, other - s.totalCents());
                })
                .toList();
        return new Comparison(first, second, regions);
    }

    /**
     * Makes a draft the regions' budget. An adopted allocation of the same year that split one of the
     * same budget lines is superseded: its budgets are replaced, so no line is counted twice.
     */
    @Transactional
    public Allocation adopt(long id) {
        access.require(Role.ADMIN, "NL");
        String status = repository.lockStatus(id);
        if (status == null) {
            throw notFound(id);
        }
        if (!status.equals("draft")) {
            throw new Conflict("allocation " + id + " is " + status
                    + "; only a draft can be adopted: compute a new draft to change the budgets", "funding.refusal.notDraft");
        }
        Allocation draft = repository.find(id).orElseThrow();
        for (long earlier : repository.adoptedSharingLines(draft.year(), draft.budgetLineIds(), id)) {
            repository.markSuperseded(earlier);
            audit.record(new AuditTrail.Change("allocation.superseded", "allocation", String.valueOf(earlier), "NL",
                    Map.of("status", "adopted"), Map.of("status", "superseded", "by", id)));
        }
        repository.markAdopted(draft);
        Allocation adopted = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("allocation.adopted", "allocation", String.valueOf(id), "NL",
                Map.of("status", "draft"), Map.of("status", "adopted", "regionBudgets", budgetsOf(adopted))));
        return adopted;
    }

    private List<Long> validate(Formula formula) {
        List<Long> lineIds = formula.budgetLineIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(formula.budgetLineIds().stream().filter(Objects::nonNull).toList()));
        List<Long> unknown = lineIds.stream().filter(id -> budgetLines.find(id).isEmpty()).toList();
        List<Long> otherYear = lineIds.stream()
                .filter(id -> formula.year() != null && budgetLines.find(id).filter(l -> l.year() != formula.year()).isPresent())
                .toList();
        Map<String, BigDecimal> weights = formula.riskWeights() == null ? Map.of() : formula.riskWeights();
        List<String> unknownRegions = weights.keySet().stream().filter(code -> areas.region(code).isEmpty()
                || !areas.region(code).orElseThrow().code().equals(code)).toList();
        new InputCheck()
                .require(formula.name(), n -> !InputCheck.isBlank(n) && n.strip().length() <= 200, "name", "must be 1 to 200 characters")
                .require(formula.year(), y -> y >= 2020 && y <= 2100, "year", "must be a year from 2020 to 2100")
                .require(!lineIds.isEmpty(), "budgetLineIds", "must name at least one budget line to split")
                .require(unknown.isEmpty(), "budgetLineIds", "no budget line with id " + unknown)
                .require(otherYear.isEmpty(), "budgetLineIds", "budget lines " + otherYear + " are not of year " + formula.year())
                .require(formula.baseCents(), b -> b >= 0, "baseCents", "must be zero or more whole euro cents per region")
                .require(formula.areaSharePercent(), p -> p.signum() >= 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0
                        && p.scale() <= 2, "areaSharePercent", "must be a percentage from 0 to 100 with at most 2 decimals")
                .require(unknownRegions.isEmpty(), "riskWeights", "unknown region codes " + unknownRegions + ": use VR01 to VR25")
                .require(weights.values().stream().allMatch(w -> w != null && w.signum() > 0 && w.compareTo(MAX_RISK_WEIGHT) <= 0
                        && w.stripTrailingZeros().scale() <= 3), "riskWeights", "each weight must be more than 0 and at most 100, with at most 3 decimals")
                .orThrow();
        return lineIds;
    }

    private static Map<String, Object> formulaOf(Allocation allocation) {
        return Map.of("name", allocation.name(), "year", allocation.year(), "budgetLineIds", allocation.budgetLineIds(),
                "potCents", allocation.potCents(), "baseCents", allocation.baseCents(),
                "areaSharePercent", allocation.areaSharePercent(), "regionBudgets", budgetsOf(allocation));
    }

    private static Map<String, Long> budgetsOf(Allocation allocation) {
        Map<String, Long> budgets = new TreeMap<>();
        allocation.shares().forEach(s -> budgets.put(s.regionCode(), s.totalCents()));
        return budgets;
    }

    static NotFound notFound(long id) {
        return new NotFound("no allocation with id " + id);
    }
}
