package nl.weerbaar.planning;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A crisis to plan for, validated. {@link ScenarioInput} is what people send; this is what the
 * planner gets: every code resolved, every default filled in.
 *
 * @param areas                       safety regions (VRnn) and municipalities (GMnnnn) affected
 * @param durationHours               hours from {@code start}; planned in whole days
 * @param helpSeekingShare            share of residents who seek help at a support point each day
 * @param selfRelianceShare           share of households prepared for 72 hours: they need public
 *                                    supply only from day 4
 * @param items                       what people need, in priority order when vehicles are short
 * @param tiers                       tiers of support points opened ("hub", "local")
 * @param excludedPoints              points not available in this crisis
 * @param refuelling                  whether generators are refuelled; without it a point goes dark
 *                                    when its fuel autonomy runs out
 * @param walkingDistanceKm           how far residents walk to a point (straight line × detour)
 * @param visitsPerPlacePerDay        people served per day per place of a point's capacity
 * @param detourFactor                road distance over straight-line distance
 * @param vehicleCapacityPerDepotPerDay units a depot can send out per day, all items together;
 *                                    null for no limit
 * @param extraStock                  stock added for a what-if ("100,000 litres more at depot 12")
 * @param generatorPoints             support points given a generator, with fuel for the whole
 *                                    scenario, for a what-if ("a generator at this dark point")
 * @param deliverTo                   where transport ends: each municipality's centre or each support point
 */
public record Scenario(String name, String description, Hazard hazard, List<String> areas, OffsetDateTime start,
                       int durationHours, double helpSeekingShare, double selfRelianceShare, List<ItemNeed> items,
                       List<String> tiers, List<Long> excludedPoints, boolean refuelling, double walkingDistanceKm,
                       int visitsPerPlacePerDay, double detourFactor, Long vehicleCapacityPerDepotPerDay,
                       Fairness fairness, List<ExtraStock> extraStock, List<Long> generatorPoints,
                       DeliverTo deliverTo) {

    /** Scenarios stored before generators could be added have none; before points could be planned to, they delivered to municipalities. */
    public Scenario {
        generatorPoints = generatorPoints == null ? List.of() : List.copyOf(generatorPoints);
        deliverTo = deliverTo == null ? DeliverTo.MUNICIPALITY : deliverTo;
    }

    /** Units of an item each person who seeks help receives per day, in the catalogue's unit. */
    public record ItemNeed(String item, BigDecimal perPersonPerDay) {}

    /** Stock added at a depot for this scenario only; it does not expire within the scenario. */
    public record ExtraStock(long depot, String item, BigDecimal quantity) {}

    public int days() {
        return Math.max(1, (durationHours + 23) / 24);
    }
}
