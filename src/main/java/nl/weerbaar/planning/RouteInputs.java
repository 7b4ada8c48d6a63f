package nl.weerbaar.planning;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import nl.weerbaar.points.SupportPoint;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.ItemHandling;
import nl.weerbaar.stock.StockCatalogue;
import org.springframework.stereotype.Component;

/** What routes need beyond the plan, from the points and stock modules: addresses, opening texts, weights and volumes. */
@Component
class RouteInputs {

    private final SupportPoints points;
    private final StockCatalogue catalogue;

    RouteInputs(SupportPoints points, StockCatalogue catalogue) {
        this.points = points;
        this.catalogue = catalogue;
    }

    /** Every catalogue item with its name, unit, and weight and volume per unit. */
    Map<String, RouteProblems.ItemInfo> items() {
        Map<String, ItemHandling> handling = new HashMap<>();
        catalogue.handling().forEach(h -> handling.put(h.item(), h));
        Map<String, RouteProblems.ItemInfo> items = new HashMap<>();
        for (Item item : catalogue.items()) {
            ItemHandling h = handling.getOrDefault(item.code(), new ItemHandling(item.code(), 1, 1));
            items.put(item.code(), new RouteProblems.ItemInfo(item.name(), item.unit(), h.kgPerUnit(), h.litresPerUnit()));
        }
        return items;
    }

    /** Address and opening text of the points the caller may see, by id. */
    LongFunction<RouteProblems.PointDetails> details() {
        Map<Long, RouteProblems.PointDetails> details = new HashMap<>();
        for (SupportPoint point : points.list(new SupportPoints.ListFilter(null, null, null))) {
            details.put(point.id(), new RouteProblems.PointDetails(point.address(), point.opening()));
        }
        return details::get;
    }

    /** Whether the plan's points or depots include demonstration data. */
    boolean demo(PlanResult result) {
        return points.anyDemo() || catalogue.depots().stream().anyMatch(d -> d.demo()
                && result.depots().stream().anyMatch(o -> o.depot() == d.id()));
    }
}
