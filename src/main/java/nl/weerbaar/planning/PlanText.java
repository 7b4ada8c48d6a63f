package nl.weerbaar.planning;

import nl.weerbaar.system.ApplicationClock;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.stock.Depot;
import nl.weerbaar.stock.Item;
import nl.weerbaar.stock.StockCatalogue;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names and numbers as the planning pages and the PDF show them: area, item and depot names for
 * codes, days counted from 1 with their date ("dag 2 (zo 3 dec)"), counts with thousands separators.
 * Templates call it as {@code ${names.…}}, so its methods are public.
 */
@Component
class PlanText {

    private final Areas areas;
    private final StockCatalogue catalogue;
    private final MessageSource messages;

    PlanText(Areas areas, StockCatalogue catalogue, MessageSource messages) {
        this.areas = areas;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    public String areaName(String code) {
        if (code == null) {
            return "";
        }
        return code.startsWith("VR") ? areas.region(code).map(r -> r.name()).orElse(code)
                : areas.municipality(code).map(m -> m.name()).orElse(code);
    }

    public String areaList(List<String> codes) {
        return codes.stream().map(this::areaName).reduce((a, b) -> a + ", " + b).orElse("");
    }

    public String itemName(String code) {
        return catalogue.item(code).map(Item::name).orElse(code);
    }

    public String itemUnit(String code) {
        return catalogue.item(code).map(Item::unit).orElse("");
    }

    public String depotName(long id) {
        return catalogue.depot(id).map(Depot::name).orElse("#" + id);
    }

    /** "dag 2 (zo 3 dec)"; {@code day} counts from 0, people count from 1. */
    public String day(Integer day, LocalDate date, Locale locale) {
        if (day == null) {
            return "";
        }
        return date == null ? message(locale, "planning.dayNumber", day + 1)
                : message(locale, "planning.dayLabel", day + 1, PlanFigures.shortDate(date, locale));
    }

    public String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A share of 0 to 1 as "12.5 %" in the locale's notation. */
    public String percent(double share, Locale locale) {
        return String.format(locale, "%.1f %%", share * 100);
    }

    public String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atZone(ApplicationClock.NETHERLANDS));
    }

    public String start(Scenario scenario, Locale locale) {
        return scenario.start() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(locale).format(scenario.start().atZoneSameInstant(ApplicationClock.NETHERLANDS));
    }

    public String amount(java.math.BigDecimal value) {
        return PlanScenarioForm.plain(value);
    }

    public String items(Scenario scenario) {
        return scenario.items().stream()
                .map(i -> itemName(i.item()) + " " + PlanScenarioForm.plain(i.perPersonPerDay()) + " " + itemUnit(i.item()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    public String extraStock(Scenario scenario) {
        return scenario.extraStock().stream()
                .map(e -> depotName(e.depot()) + ": " + PlanScenarioForm.plain(e.quantity()) + " " + itemName(e.item()))
                .reduce((a, b) -> a + ", " + b).orElse("–");
    }

    /** "1 extra eenheid hier helpt: Amsterdam, dag 2 (zo 3 dec)" or "helpt niet". */
    public String marginal(PlanFigures.DepotRow row, Locale locale) {
        return row.helps() ? message(locale, "planning.marginal.helps", row.helpsMunicipalityName(),
                day(row.helpsDay(), row.helpsDate(), locale)) : message(locale, "planning.marginal.none");
    }

    /** "Slechtst bediende eerst: vandaag voor morgen, …". */
    public String fairness(Fairness fairness, Locale locale) {
        return message(locale, "planning.fairness." + fairness.code()) + ": " + message(locale, "planning.fairness." + fairness.code() + ".help");
    }

    /** How the plan was computed: solver, proven optimal or the gap, the greedy baseline, time. */
    public String statistics(PlanResult.Statistics statistics, Locale locale) {
        if (statistics == null) {
            return "";
        }
        String quality = statistics.optimal() ? message(locale, "planning.statistics.optimal")
                : statistics.optimalityGap() == null ? message(locale, "planning.statistics.notProven")
                : message(locale, "planning.statistics.gap", percent(statistics.optimalityGap(), locale));
        return message(locale, "planning.statistics.text", statistics.solver(), quality, number(statistics.baselineSupplied(), locale),
                String.format(locale, "%.1f", statistics.totalSeconds()));
    }

    public String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
