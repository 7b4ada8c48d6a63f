package nl.weerbaar.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.planning.PlanInput;

/**
 * The demo depots and stock for the planning benchmark, from the same generator the demo load
 * uses, without a database: depot ids count from 1 in the generator's order (national, regional,
 * municipal), and receipts of the same lot at the same depot are added up.
 */
public final class BenchStock {

    public record Parts(List<PlanInput.DepotSite> depots, List<PlanInput.StockLot> lots) {}

    private BenchStock() {}

    /** The item codes of the demo stock, in the generator's order. */
    public static List<String> items() {
        return DemoStock.ITEMS.stream().map(DemoStock.ItemSpec::code).toList();
    }

    public static Parts build(Areas areas, LocalDate today) {
        DemoStock.Stock stock = DemoStock.generate(areas.regions(), areas.municipalities(), today);
        Map<String, Long> ids = new HashMap<>();
        List<PlanInput.DepotSite> depots = new ArrayList<>();
        for (DemoStock.DemoDepot depot : stock.depots()) {
            long id = depots.size() + 1;
            ids.put(depot.key(), id);
            depots.add(new PlanInput.DepotSite(id, depot.name(), depot.level(), depot.municipality(), depot.lat(), depot.lon(),
                    null, true));
        }
        Map<String, PlanInput.StockLot> lots = new LinkedHashMap<>();
        for (DemoStock.Receipt receipt : stock.receipts()) {
            long depot = ids.get(receipt.depot());
            lots.merge(depot + "/" + receipt.item() + "/" + receipt.lot(),
                    new PlanInput.StockLot(depot, receipt.item(), receipt.lot(), receipt.expiry(), receipt.quantity()),
                    (a, b) -> new PlanInput.StockLot(a.depot(), a.item(), a.lot(), a.expiry(), a.quantity() + b.quantity()));
        }
        return new Parts(List.copyOf(depots), List.copyOf(lots.values()));
    }
}
