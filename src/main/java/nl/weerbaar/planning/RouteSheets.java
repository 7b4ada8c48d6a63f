package nl.weerbaar.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.system.Csv;
import nl.weerbaar.system.PrintedDocuments;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Route sheets for the drivers: one A4 page per vehicle with a numbered map, the stops in order
 * with address, opening time, arrival and what to unload; a first page with the day's figures. The
 * PDF carries everything (map included), so it can be printed or read offline. Also the CSV.
 */
@Component
class RouteSheets {

    static final List<String> CSV_HEADER = List.of("route", "stop", "point", "name", "address", "arrives", "opens", "closes",
            "late", "kmFromPrevious", "item", "quantity", "unit", "kg", "litres");

    private final TemplateEngine templates;
    private final AreaMap map;
    private final Clock clock;

    RouteSheets(TemplateEngine templates, AreaMap map, Clock clock) {
        this.templates = templates;
        this.map = map;
        this.clock = clock;
    }

    /** A route with its map as a base64 PNG. */
    record Sheet(RoutePlan.Route route, String mapPng) {}

    public byte[] pdf(String scenarioName, LocalDate date, RoutePlan plan, boolean demo, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("scenarioName", scenarioName);
        context.setVariable("date", date);
        context.setVariable("plan", plan);
        context.setVariable("demo", demo);
        List<Sheet> sheets = new ArrayList<>();
        for (RoutePlan.Route route : plan.routes()) {
            sheets.add(new Sheet(route, Base64.getEncoder().encodeToString(map.routePng(markers(plan, route), 900))));
        }
        context.setVariable("sheets", sheets);
        context.setVariable("generatedOn", LocalDate.now(clock).toString());
        return PrintedDocuments.pdf(templates.process("planning/route-sheets-pdf", context));
    }

    /** The depot (red, "D") and the stops numbered in order. */
    static List<AreaMap.Marker> markers(RoutePlan plan, RoutePlan.Route route) {
        List<AreaMap.Marker> markers = new ArrayList<>();
        markers.add(new AreaMap.Marker(plan.depot().lat(), plan.depot().lon(), "D", true));
        route.visits().forEach(v -> markers.add(new AreaMap.Marker(v.lat(), v.lon(), String.valueOf(v.sequence()), false)));
        return markers;
    }

    /** One row per route, stop and item; deliveries no route takes follow with route "missed". */
    public String csv(RoutePlan plan) {
        List<List<?>> rows = new ArrayList<>();
        for (RoutePlan.Route route : plan.routes()) {
            for (RoutePlan.Visit visit : route.visits()) {
                for (RouteProblem.Load load : visit.loads()) {
                    rows.add(java.util.Arrays.asList(route.vehicle(), visit.sequence(), visit.point(), visit.name(), visit.address(),
                            visit.arrives(), visit.opens(), visit.closes(), visit.late(), visit.kmFromPrevious(), load.item(),
                            load.quantity(), load.unit(), Math.round(load.kg() * 10) / 10.0, Math.round(load.litres() * 10) / 10.0));
                }
            }
        }
        for (RoutePlan.Missed missed : plan.missed()) {
            for (RouteProblem.Load load : missed.loads()) {
                rows.add(java.util.Arrays.asList("missed", null, missed.point(), missed.name(), null, null, null, null, null, null,
                        load.item(), load.quantity(), load.unit(), Math.round(load.kg() * 10) / 10.0,
                        Math.round(load.litres() * 10) / 10.0));
            }
        }
        return Csv.write(CSV_HEADER, rows);
    }
}
