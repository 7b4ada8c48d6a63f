package nl.weerbaar.planning;

import nl.weerbaar.system.ApplicationClock;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.weerbaar.stock.Item;
import nl.weerbaar.system.InvalidInputException;
import org.springframework.util.MultiValueMap;

/**
 * The scenario form as typed: every field as text, so a refused form comes back exactly as sent.
 * Shares are typed in percent; the scenario holds them as 0 to 1. Municipalities may be typed as a
 * list of codes ("GM0363, GM0344"); items are a checkbox and an amount per catalogue item.
 */
final class PlanScenarioForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern INDEXED = Pattern.compile("(items|extraStock)\\[([0-9]+)]\\.?.*");
    static final int EXTRA_ROWS = 3;

    /** One catalogue item: whether it is in the scenario, and how much each person gets per day. */
    record ItemRow(String code, String name, String unit, boolean chosen, String amount, String norm) {}

    record ExtraRow(String depot, String item, String quantity) {}

    String name = "";
    String description = "";
    String hazard = "power-outage";
    List<String> regions = new ArrayList<>();
    String municipalities = "";
    String start = "";
    String durationHours = "72";
    String helpSeekingShare = "15";
    String selfRelianceShare = "50";
    List<ItemRow> items = new ArrayList<>();
    List<String> tiers = new ArrayList<>(List.of("hub", "local"));
    boolean refuelling;
    String walkingDistanceKm = "5";
    String visitsPerPlacePerDay = "8";
    String detourFactor = "1.3";
    String vehicleCapacityPerDepotPerDay = "";
    String fairness = "worst-served-first";
    String deliverTo = "municipality";
    List<ExtraRow> extraStock = new ArrayList<>();
    List<Long> excludedPoints = List.of();
    /** Points given a generator in a what-if; kept through edits as a hidden field. */
    List<Long> generatorPoints = List.of();
    String version = "";

    /** Problems found while reading the text, before the scenario is checked. */
    private final List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
    /** Which form row sent each list element, to put the checker's problems next to the right row. */
    private final List<String> sentItems = new ArrayList<>();
    private final List<Integer> sentExtraRows = new ArrayList<>();

    // Getters for the templates (Thymeleaf reads fields through getters).
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getHazard() { return hazard; }
    public List<String> getRegions() { return regions; }
    public String getMunicipalities() { return municipalities; }
    public String getStart() { return start; }
    public String getDurationHours() { return durationHours; }
    public String getHelpSeekingShare() { return helpSeekingShare; }
    public String getSelfRelianceShare() { return selfRelianceShare; }
    public List<ItemRow> getItems() { return items; }
    public List<String> getTiers() { return tiers; }
    public boolean isRefuelling() { return refuelling; }
    public String getWalkingDistanceKm() { return walkingDistanceKm; }
    public String getVisitsPerPlacePerDay() { return visitsPerPlacePerDay; }
    public String getDetourFactor() { return detourFactor; }
    public String getVehicleCapacityPerDepotPerDay() { return vehicleCapacityPerDepotPerDay; }
    public String getFairness() { return fairness; }
    public String getDeliverTo() { return deliverTo; }
    public List<ExtraRow> getExtraStock() { return extraStock; }
    public String getVersion() { return version; }
    public List<Long> getExcludedPoints() { return excludedPoints; }
    public List<Long> getGeneratorPoints() { return generatorPoints; }

    /** Adds a generator at a point, for "what if this dark point had power". */
    void addGenerator(long point) {
        if (!generatorPoints.contains(point)) {
            generatorPoints = java.util.stream.Stream.concat(generatorPoints.stream(), java.util.stream.Stream.of(point)).toList();
        }
    }

    void refuel() {
        refuelling = true;
    }

    void rename(String newName) {
        name = newName;
    }

    private static List<Long> ids(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split("[,\\s]+")).filter(s -> s.matches("[0-9]{1,18}"))
                .map(Long::valueOf).toList();
    }

    /** A new scenario: tomorrow 06:00, the catalogue's norms, drinking water and rations chosen. */
    static PlanScenarioForm empty(List<Item> catalogue, java.time.Clock clock) {
        PlanScenarioForm form = new PlanScenarioForm();
        form.start = LOCAL.format(java.time.LocalDate.now(clock.withZone(ApplicationClock.NETHERLANDS)).plusDays(1).atTime(6, 0));
        for (Item item : normed(catalogue)) {
            boolean chosen = item.code().equals("drinking-water") || item.code().equals("emergency-ration");
            form.items.add(new ItemRow(item.code(), item.name(), item.unit(), chosen, plain(item.dailyNormPerPerson()),
                    plain(item.dailyNormPerPerson())));
        }
        form.padExtraRows();
        return form;
    }

    /** A saved scenario, to edit or to copy into a what-if. */
    static PlanScenarioForm of(Scenario scenario, long version, List<Item> catalogue) {
        PlanScenarioForm form = new PlanScenarioForm();
        form.name = scenario.name();
        form.description = scenario.description() == null ? "" : scenario.description();
        form.hazard = scenario.hazard().code();
        List<String> municipalities = new ArrayList<>();
        for (String area : scenario.areas()) {
            if (area.startsWith("VR")) {
                form.regions.add(area);
            } else {
                municipalities.add(area);
            }
        }
        form.municipalities = String.join(", ", municipalities);
        form.start = scenario.start() == null ? "" : LOCAL.format(scenario.start().atZoneSameInstant(ApplicationClock.NETHERLANDS));
        form.durationHours = String.valueOf(scenario.durationHours());
        form.helpSeekingShare = percent(scenario.helpSeekingShare());
        form.selfRelianceShare = percent(scenario.selfRelianceShare());
        Map<String, BigDecimal> chosen = new LinkedHashMap<>();
        scenario.items().forEach(need -> chosen.put(need.item(), need.perPersonPerDay()));
        for (Item item : catalogue) {
            if (item.dailyNormPerPerson() != null || chosen.containsKey(item.code())) {
                BigDecimal amount = chosen.getOrDefault(item.code(), item.dailyNormPerPerson());
                form.items.add(new ItemRow(item.code(), item.name(), item.unit(), chosen.containsKey(item.code()), plain(amount),
                        plain(item.dailyNormPerPerson())));
            }
        }
        form.tiers = new ArrayList<>(scenario.tiers());
        form.refuelling = scenario.refuelling();
        form.walkingDistanceKm = plain(scenario.walkingDistanceKm());
        form.visitsPerPlacePerDay = String.valueOf(scenario.visitsPerPlacePerDay());
        form.detourFactor = plain(scenario.detourFactor());
        form.vehicleCapacityPerDepotPerDay = scenario.vehicleCapacityPerDepotPerDay() == null ? ""
                : String.valueOf(scenario.vehicleCapacityPerDepotPerDay());
        form.fairness = scenario.fairness().code();
        form.deliverTo = scenario.deliverTo().code();
        for (Scenario.ExtraStock extra : scenario.extraStock()) {
            form.extraStock.add(new ExtraRow(String.valueOf(extra.depot()), extra.item(), plain(extra.quantity())));
        }
        form.excludedPoints = scenario.excludedPoints() == null ? List.of() : scenario.excludedPoints();
        form.generatorPoints = scenario.generatorPoints();
        form.version = String.valueOf(version);
        form.padExtraRows();
        return form;
    }

    /** The form as posted. */
    static PlanScenarioForm read(MultiValueMap<String, String> params, List<Item> catalogue) {
        PlanScenarioForm form = new PlanScenarioForm();
        form.name = text(params, "name");
        form.description = text(params, "description");
        form.hazard = text(params, "hazard");
        form.regions = new ArrayList<>(params.getOrDefault("regions", List.of()));
        form.municipalities = text(params, "municipalities");
        form.start = text(params, "start");
        form.durationHours = text(params, "durationHours");
        form.helpSeekingShare = text(params, "helpSeekingShare");
        form.selfRelianceShare = text(params, "selfRelianceShare");
        List<String> chosen = params.getOrDefault("items", List.of());
        for (Item item : catalogue) {
            String amount = params.getFirst("amount." + item.code());
            if (item.dailyNormPerPerson() != null || amount != null) {
                form.items.add(new ItemRow(item.code(), item.name(), item.unit(), chosen.contains(item.code()),
                        amount == null ? "" : amount.strip(), plain(item.dailyNormPerPerson())));
            }
        }
        form.tiers = new ArrayList<>(params.getOrDefault("tiers", List.of()));
        form.refuelling = params.containsKey("refuelling");
        form.walkingDistanceKm = text(params, "walkingDistanceKm");
        form.visitsPerPlacePerDay = text(params, "visitsPerPlacePerDay");
        form.detourFactor = text(params, "detourFactor");
        form.vehicleCapacityPerDepotPerDay = text(params, "vehicleCapacityPerDepotPerDay");
        form.fairness = text(params, "fairness");
        form.deliverTo = text(params, "deliverTo");
        for (int row = 0; params.containsKey("extra" + row + ".depot"); row++) {
            form.extraStock.add(new ExtraRow(text(params, "extra" + row + ".depot"), text(params, "extra" + row + ".item"),
                    text(params, "extra" + row + ".quantity")));
        }
        String excluded = text(params, "excludedPoints");
        if (!excluded.isBlank()) {
            form.excludedPoints = java.util.Arrays.stream(excluded.split("[,\\s]+")).filter(s -> s.matches("[0-9]+"))
                    .map(Long::valueOf).toList();
        }
        form.generatorPoints = ids(text(params, "generatorPoints"));
        form.version = text(params, "version");
        form.padExtraRows();
        return form;
    }

    /** Adds an extra-stock row in front, e.g. for "what if 100,000 more at this depot". */
    void prependExtra(String depot, String item, String quantity) {
        extraStock.removeIf(row -> row.depot().isBlank() && row.item().isBlank() && row.quantity().isBlank());
        extraStock.addFirst(new ExtraRow(depot, item, quantity));
        padExtraRows();
    }

    private void padExtraRows() {
        long empty = extraStock.stream().filter(r -> r.depot().isBlank() && r.quantity().isBlank()).count();
        for (long i = empty; i < 2 && extraStock.size() < 20; i++) {
            extraStock.add(new ExtraRow("", "", ""));
        }
        while (extraStock.size() < EXTRA_ROWS) {
            extraStock.add(new ExtraRow("", "", ""));
        }
    }

    /**
     * What the planning service takes; numbers that are no numbers are named as the form's fields
     * and sent as absent, so the checker can name everything else at the same time.
     */
    ScenarioInput toInput() {
        problems.clear();
        sentItems.clear();
        sentExtraRows.clear();
        List<String> areas = new ArrayList<>(regions);
        for (String code : municipalities.split("[,;\\s]+")) {
            if (!code.isBlank()) {
                areas.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        List<ScenarioInput.ItemNeedInput> needs = new ArrayList<>();
        for (ItemRow row : items) {
            if (row.chosen()) {
                sentItems.add(row.code());
                needs.add(new ScenarioInput.ItemNeedInput(row.code(), decimal(row.amount(), "item." + row.code())));
            }
        }
        List<ScenarioInput.ExtraStockInput> extra = new ArrayList<>();
        for (int i = 0; i < extraStock.size(); i++) {
            ExtraRow row = extraStock.get(i);
            if (row.depot().isBlank() && row.quantity().isBlank()) {
                continue;
            }
            sentExtraRows.add(i);
            Long depot = null;
            if (!row.depot().isBlank()) {
                try {
                    depot = Long.valueOf(row.depot().strip());
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInputException.InvalidParam("extra." + i, "choose a depot"));
                }
            }
            extra.add(new ScenarioInput.ExtraStockInput(depot, row.item().isBlank() ? null : row.item(),
                    decimal(row.quantity(), "extra." + i)));
        }
        Double seeking = share(helpSeekingShare, "helpSeekingShare");
        Double selfReliant = share(selfRelianceShare, "selfRelianceShare");
        BigDecimal hours = decimal(durationHours, "durationHours");
        BigDecimal visits = decimal(visitsPerPlacePerDay, "visitsPerPlacePerDay");
        BigDecimal walking = decimal(walkingDistanceKm, "walkingDistanceKm");
        BigDecimal detour = decimal(detourFactor, "detourFactor");
        BigDecimal vehicles = decimal(vehicleCapacityPerDepotPerDay, "vehicleCapacityPerDepotPerDay");
        return new ScenarioInput(name, description.isBlank() ? null : description, hazard, areas,
                start.isBlank() ? null : start, whole(hours, "durationHours"), seeking, selfReliant, needs,
                tiers.isEmpty() ? List.of("none") : tiers, excludedPoints, refuelling,
                walking == null ? null : walking.doubleValue(), whole(visits, "visitsPerPlacePerDay"),
                detour == null ? null : detour.doubleValue(), wholeLong(vehicles, "vehicleCapacityPerDepotPerDay"), fairness, extra,
                generatorPoints, deliverTo.isBlank() ? null : deliverTo);
    }

    /** Problems found in the text itself (numbers that are no numbers), as the form names its fields. */
    List<InvalidInputException.InvalidParam> problems() {
        return problems;
    }

    /**
     * The service's field names as this form's: {@code items[1].perPersonPerDay} is the row of the
     * second chosen item, {@code extraStock[0].depot} the first filled extra-stock row.
     */
    String formField(String serviceField) {
        Matcher m = INDEXED.matcher(serviceField);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(2));
            if (m.group(1).equals("items") && index < sentItems.size()) {
                return "item." + sentItems.get(index);
            }
            if (m.group(1).equals("extraStock") && index < sentExtraRows.size()) {
                return "extra." + sentExtraRows.get(index);
            }
            return m.group(1).equals("items") ? "items" : "extraStock";
        }
        return serviceField;
    }

    /** Codes of the chosen regions and municipalities together, for the region map. */
    Set<String> chosenAreas() {
        Set<String> chosen = new java.util.HashSet<>(regions);
        for (String code : municipalities.split("[,;\\s]+")) {
            if (!code.isBlank()) {
                chosen.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        return chosen;
    }

    private Double share(String percent, String field) {
        BigDecimal value = decimal(percent, field);
        return value == null ? null : value.doubleValue() / 100;
    }

    private Integer whole(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(new InvalidInputException.InvalidParam(field, "'" + value.toPlainString() + "' is not a whole number"));
            return null;
        }
    }

    private Long wholeLong(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(new InvalidInputException.InvalidParam(field, "'" + value.toPlainString() + "' is not a whole number"));
            return null;
        }
    }

    private BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.InvalidParam(field, "'" + text + "' is not a number"));
            return null;
        }
    }

    private static List<Item> normed(List<Item> catalogue) {
        return catalogue.stream().filter(i -> i.dailyNormPerPerson() != null).toList();
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value.strip();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    private static String percent(double share) {
        return plain(BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(100)));
    }
}
