package nl.weerbaar.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the planner reads, taken from the areas, points and stock modules at the moment a run
 * starts (or built by a benchmark). Quantities are whole units of each item's catalogue unit.
 *
 * @param zones  where residents live: postcode areas with their population, scaled to the
 *               municipalities' 2024 figures
 * @param points support points available in the scenario's area
 * @param depots every depot that holds stock, also outside the area: stock travels
 * @param lots   usable stock per depot and lot (blocked lots left out), extra stock of the scenario
 *               included with no expiry
 * @param items  the scenario's items in priority order, with the daily amount per person
 */
public record PlanInput(Scenario scenario, List<Zone> zones, List<PointSite> points, List<DepotSite> depots,
                        List<StockLot> lots, List<ItemNeed> items) {

    public record Zone(String postcode, String municipality, String region, double lat, double lon, double population) {}

    /** {@code capacityPersons} null means no known limit; {@code fuelAutonomyHours} null with a generator means 24 hours. */
    public record PointSite(long id, String name, String municipality, double lat, double lon, String tier,
                            Integer capacityPersons, boolean generator, Integer fuelAutonomyHours, boolean demo) {}

    public record DepotSite(long id, String name, String level, String municipality, double lat, double lon,
                            Long supportPoint, boolean demo) {}

    /** {@code expiry} null: does not expire within the scenario. */
    public record StockLot(long depot, String item, String lot, LocalDate expiry, long quantity) {}

    public record ItemNeed(String item, String name, String unit, double perPersonPerDay) {}
}
