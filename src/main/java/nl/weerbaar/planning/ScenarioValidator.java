package nl.weerbaar.planning;

import static nl.weerbaar.system.InputCheck.blankToNull;

import nl.weerbaar.system.ApplicationClock;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.StockCatalogue;
import nl.weerbaar.system.Codes;
import nl.weerbaar.system.InputCheck;
import org.springframework.stereotype.Component;

/** Checks a scenario as people write it, names every problem, and fills in the defaults. */
@Component
class ScenarioValidator {

    private static final int MAX_HOURS = 8 * 7 * 24;
    private static final Set<String> TIERS = Set.of("hub", "local");

    private final Areas areas;
    private final StockCatalogue catalogue;

    ScenarioValidator(Areas areas, StockCatalogue catalogue) {
        this.areas = areas;
        this.catalogue = catalogue;
    }

    /** @throws nl.weerbaar.system.InvalidInputException naming every bad field */
    public Scenario validate(ScenarioInput input) {
        InputCheck check = new InputCheck();
        String name = input.name() == null ? null : input.name().strip();
        check.require(name, n -> !n.isEmpty() && n.length() <= 120, "name", "must be 1 to 120 characters");
        Optional<Hazard> hazard = Codes.parse(Hazard.class, input.hazard());
        check.require(input.hazard(), h -> hazard.isPresent(), "hazard", "'" + input.hazard() + "' is not a hazard: expected "
                + Codes.list(Hazard.class));
        List<String> areaCodes = areaCodes(input.areas(), check);
        OffsetDateTime start = start(input.start(), check);
        int hours = orDefault(input.durationHours(), 72);
        check.require(hours >= 1 && hours <= MAX_HOURS, "durationHours", "must be 1 to " + MAX_HOURS + " hours (8 weeks)");
        double seeking = orDefault(input.helpSeekingShare(), 0.15);
        check.require(seeking >= 0 && seeking <= 1, "helpSeekingShare", "must be a share from 0 to 1, e.g. 0.15 for 15 %");
        double selfReliant = orDefault(input.selfRelianceShare(), 0.5);
        check.require(selfReliant >= 0 && selfReliant <= 1, "selfRelianceShare", "must be a share from 0 to 1, e.g. 0.5 for 50 %");
        List<Scenario.ItemNeed> items = items(input.items(), hazard.orElse(null), check);
        List<String> tiers = input.tiers() == null || input.tiers().isEmpty() ? List.of("hub", "local")
                : input.tiers().stream().map(t -> t == null ? "" : t.strip().toLowerCase()).distinct().toList();
        check.require(TIERS.containsAll(tiers), "tiers", "tiers are 'hub' and 'local'");
        double walking = orDefault(input.walkingDistanceKm(), 5.0);
        check.require(walking > 0 && walking <= 50, "walkingDistanceKm", "must be more than 0 and at most 50 km");
        int visits = orDefault(input.visitsPerPlacePerDay(), 8);
        check.require(visits >= 1 && visits <= 100, "visitsPerPlacePerDay", "must be 1 to 100 people per place per day");
        double detour = orDefault(input.detourFactor(), 1.3);
        check.require(detour >= 1 && detour <= 3, "detourFactor", "must be from 1 (straight line) to 3");
        Long vehicles = input.vehicleCapacityPerDepotPerDay();
        check.require(vehicles == null || vehicles > 0, "vehicleCapacityPerDepotPerDay",
                "must be more than 0 units a day, or left out for no limit");
        String fairnessCode = input.fairness() == null ? "worst-served-first" : input.fairness();
        Optional<Fairness> fairness = Codes.parse(Fairness.class, fairnessCode);
        check.require(fairness.isPresent(), "fairness", "'" + fairnessCode + "' is not a fairness rule: expected "
                + Codes.list(Fairness.class));
        String deliverToCode = input.deliverTo() == null ? DeliverTo.MUNICIPALITY.code() : input.deliverTo();
        Optional<DeliverTo> deliverTo = Codes.parse(DeliverTo.class, deliverToCode);
        check.require(deliverTo.isPresent(), "deliverTo", "'" + deliverToCode + "' is not where deliveries can go: expected "
                + Codes.list(DeliverTo.class));
        List<Scenario.ExtraStock> extra = extraStock(input.extraStock(), check);
        check.require(input.generatorPoints() == null || input.generatorPoints().size() <= 1000
                        && input.generatorPoints().stream().allMatch(p -> p != null && p > 0), "generatorPoints",
                "must be at most 1000 support point ids");
        check.orThrow();
        return new Scenario(name, blankToNull(input.description()), hazard.orElseThrow(), areaCodes, start, hours, seeking,
                selfReliant, items, tiers, input.excludedPoints() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.excludedPoints())),
                Boolean.TRUE.equals(input.refuelling()), walking, visits, detour, vehicles, fairness.orElseThrow(), extra,
                input.generatorPoints() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.generatorPoints())),
                deliverTo.orElseThrow());
    }

    /** Safety regions and municipalities; "NL" stands for all 25 regions. */
    private List<String> areaCodes(List<String> given, InputCheck check) {
        if (given == null || given.isEmpty()) {
            check.require(false, "areas", "name at least one safety region (VR13), municipality (GM0363) or NL");
            return List.of();
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String raw : given) {
            String code = raw == null ? "" : raw.strip().toUpperCase();
            if (code.equals("NL")) {
                areas.regions().stream().map(Region::code).forEach(codes::add);
            } else if (areas.region(code).isPresent() || areas.municipality(code).isPresent()) {
                codes.add(code);
            } else {
                check.require(false, "areas", "'" + raw + "' is neither a safety region (VR01 to VR25) nor a municipality (as GM0363)");
            }
        }
        return List.copyOf(codes);
    }

    private static OffsetDateTime start(String given, InputCheck check) {
        if (given == null || given.isBlank()) {
            check.require(false, "start", "is required, e.g. 2026-12-01T06:00:00+01:00");
            return null;
        }
        try {
            return OffsetDateTime.parse(given.strip());
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(given.strip()).atZone(ApplicationClock.NETHERLANDS).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                check.require(false, "start", "'" + given + "' is not a date and time: expected e.g. 2026-12-01T06:00:00+01:00");
                return null;
            }
        }
    }

    /** Without a list, the hazard decides: water for a water outage, water and food otherwise. */
    private List<Scenario.ItemNeed> items(List<ScenarioInput.ItemNeedInput> given, Hazard hazard, InputCheck check) {
        List<ScenarioInput.ItemNeedInput> wanted = given != null && !given.isEmpty() ? given
                : hazard == Hazard.DRINKING_WATER_OUTAGE ? List.of(new ScenarioInput.ItemNeedInput("drinking-water", null))
                : List.of(new ScenarioInput.ItemNeedInput("drinking-water", null), new ScenarioInput.ItemNeedInput("emergency-ration", null));
        List<Scenario.ItemNeed> needs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wanted.size(); i++) {
            ScenarioInput.ItemNeedInput need = wanted.get(i);
            String field = "items[" + i + "]";
            Optional<Item> item = need == null ? Optional.empty() : catalogue.item(need.item());
            if (item.isEmpty()) {
                check.require(false, field + ".item", "'" + (need == null ? null : need.item()) + "' is not an item in the catalogue");
                continue;
            }
            check.require(seen.add(item.get().code()), field + ".item", "'" + need.item() + "' is listed twice");
            BigDecimal amount = need.perPersonPerDay() != null ? need.perPersonPerDay() : item.get().dailyNormPerPerson();
            if (amount == null) {
                check.require(false, field + ".perPersonPerDay", "the catalogue has no daily norm for '" + need.item()
                        + "': give the amount per person per day");
            } else if (amount.signum() <= 0) {
                check.require(false, field + ".perPersonPerDay", "must be more than 0");
            } else {
                needs.add(new Scenario.ItemNeed(item.get().code(), amount.stripTrailingZeros()));
            }
        }
        return needs;
    }

    private List<Scenario.ExtraStock> extraStock(List<ScenarioInput.ExtraStockInput> given, InputCheck check) {
        if (given == null) {
            return List.of();
        }
        List<Scenario.ExtraStock> extra = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ScenarioInput.ExtraStockInput row = given.get(i);
            String field = "extraStock[" + i + "]";
            boolean depotKnown = row != null && row.depot() != null && catalogue.depot(row.depot()).isPresent();
            boolean itemKnown = row != null && catalogue.item(row.item()).isPresent();
            boolean quantityValid = row != null && row.quantity() != null && row.quantity().signum() > 0;
            check.require(depotKnown, field + ".depot", "'" + (row == null ? null : row.depot()) + "' is not a depot");
            check.require(itemKnown, field + ".item", "'" + (row == null ? null : row.item()) + "' is not an item in the catalogue");
            check.require(quantityValid, field + ".quantity", "must be more than 0");
            if (depotKnown && itemKnown && quantityValid) {
                extra.add(new Scenario.ExtraStock(row.depot(), catalogue.item(row.item()).orElseThrow().code(), row.quantity()));
            }
        }
        return extra;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
