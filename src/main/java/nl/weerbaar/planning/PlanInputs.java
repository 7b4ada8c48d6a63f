package nl.weerbaar.planning;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.points.SupportPoint;
import nl.weerbaar.points.SupportPoints;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.LotBalance;
import nl.weerbaar.stock.StockCatalogue;
import nl.weerbaar.stock.StockReports;
import org.springframework.stereotype.Component;

/**
 * Gathers a scenario's input from the areas, points and stock modules, as the signed-in caller may
 * see them. Call it on the caller's thread: the run itself happens in the background.
 */
@Component
class PlanInputs {

    private final Areas areas;
    private final SupportPoints points;
    private final StockCatalogue catalogue;
    private final StockReports stock;

    PlanInputs(Areas areas, SupportPoints points, StockCatalogue catalogue, StockReports stock) {
        this.areas = areas;
        this.points = points;
        this.catalogue = catalogue;
        this.stock = stock;
    }

    public PlanInput collect(Scenario scenario) {
        Set<String> municipalities = municipalities(scenario.areas());
        Set<String> itemCodes = new HashSet<>();
        scenario.items().forEach(need -> itemCodes.add(need.item()));
        List<PlanInput.StockLot> lots = new ArrayList<>();
        for (LotBalance balance : stock.plannableBalances(itemCodes)) {
            lots.add(new PlanInput.StockLot(balance.depot(), balance.item(), balance.lot(), balance.expiry(),
                    balance.quantity().setScale(0, RoundingMode.FLOOR).longValueExact()));
        }
        for (Scenario.ExtraStock extra : scenario.extraStock()) {
            lots.add(new PlanInput.StockLot(extra.depot(), extra.item(), "scenario extra", null,
                    extra.quantity().setScale(0, RoundingMode.FLOOR).longValueExact()));
        }
        List<PlanInput.DepotSite> depots = catalogue.depots().stream()
                .map(d -> new PlanInput.DepotSite(d.id(), d.name(), d.level(), d.municipality(), d.lat(), d.lon(),
                        d.supportPoint(), d.demo()))
                .toList();
        return new PlanInput(scenario, zones(municipalities), points(scenario, municipalities), depots, lots, items(scenario));
    }

    private Set<String> municipalities(List<String> areaCodes) {
        return areas.municipalities().stream().map(Municipality::code)
                .filter(code -> areaCodes.stream().anyMatch(area -> areas.contains(area, code)))
                .collect(Collectors.toSet());
    }

    /**
     * Postcode areas as where people live. Their population is from 2021; each municipality's
     * postcodes are scaled to its 2024 total, and a municipality without postcode figures lives
     * at its own point.
     */
    private List<PlanInput.Zone> zones(Set<String> municipalities) {
        Map<String, List<PostcodeArea>> byMunicipality = new HashMap<>();
        for (PostcodeArea area : areas.postcodeAreas()) {
            if (area.population() != null && area.population() > 0 && municipalities.contains(area.municipalityCode())) {
                byMunicipality.computeIfAbsent(area.municipalityCode(), m -> new ArrayList<>()).add(area);
            }
        }
        List<PlanInput.Zone> zones = new ArrayList<>();
        for (String code : municipalities) {
            Municipality municipality = areas.municipality(code).orElseThrow();
            List<PostcodeArea> postcodes = byMunicipality.getOrDefault(code, List.of());
            long counted = postcodes.stream().mapToLong(PostcodeArea::population).sum();
            if (counted == 0) {
                zones.add(new PlanInput.Zone(code, code, municipality.regionCode(), municipality.lat(), municipality.lon(),
                        municipality.population()));
                continue;
            }
            double scale = (double) municipality.population() / counted;
            for (PostcodeArea postcode : postcodes) {
                zones.add(new PlanInput.Zone(postcode.postcode(), code, municipality.regionCode(), postcode.lat(), postcode.lon(),
                        postcode.population() * scale));
            }
        }
        return zones;
    }

    /**
     * The public points of the area: where residents can go. A shelter for vulnerable people is not
     * public, takes in only those sent to it, and is left out of the residents' demand.
     */
    private List<PlanInput.PointSite> points(Scenario scenario, Set<String> municipalities) {
        Set<Long> excluded = new HashSet<>(scenario.excludedPoints());
        return points.list(new SupportPoints.ListFilter(null, null, null)).stream()
                .filter(p -> p.isPublic() && !p.retired() && municipalities.contains(p.municipality())
                        && !excluded.contains(p.id()) && scenario.tiers().contains(p.tier().code()))
                .map(PlanInputs::site)
                .toList();
    }

    private static PlanInput.PointSite site(SupportPoint p) {
        SupportPoint.BackupPower power = p.backupPower();
        return new PlanInput.PointSite(p.id(), p.name(), p.municipality(), p.lat(), p.lon(), p.tier().code(),
                p.capacity() == null ? null : p.capacity().persons(), power != null && power.generator(),
                power == null ? null : power.fuelAutonomyHours(), p.demo());
    }

    private List<PlanInput.ItemNeed> items(Scenario scenario) {
        List<PlanInput.ItemNeed> needs = new ArrayList<>();
        for (Scenario.ItemNeed need : scenario.items()) {
            Item item = catalogue.item(need.item()).orElseThrow();
            needs.add(new PlanInput.ItemNeed(item.code(), item.name(), item.unit(), need.perPersonPerDay().doubleValue()));
        }
        return needs;
    }
}
