package nl.weerbaar.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scenario as written in JSON by a person, the API or a file for {@code ./weerbaar scenario run}.
 * Codes are kebab-case; everything but name, hazard, areas and start has a default.
 */
record ScenarioInput(String name, String description, String hazard, List<String> areas, String start,
                            Integer durationHours, Double helpSeekingShare, Double selfRelianceShare,
                            List<ItemNeedInput> items, List<String> tiers, List<Long> excludedPoints, Boolean refuelling,
                            Double walkingDistanceKm, Integer visitsPerPlacePerDay, Double detourFactor,
                            Long vehicleCapacityPerDepotPerDay, String fairness, List<ExtraStockInput> extraStock,
                            List<Long> generatorPoints, String deliverTo) {

    /** {@code perPersonPerDay} null takes the catalogue's daily norm. */
    public record ItemNeedInput(String item, BigDecimal perPersonPerDay) {}

    public record ExtraStockInput(Long depot, String item, BigDecimal quantity) {}
}
