package nl.weerbaar.points;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.areas.AreaMap;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.areas.SpatialIndex;
import nl.weerbaar.system.PrintedDocuments;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import nl.weerbaar.system.ApplicationClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printed pack of a municipality: its public support points grouped by postcode area, a map
 * with their numbers, what they offer and when they open, and per point a QR code to its live
 * page. For notice boards, town halls and the day the network is down.
 */
@Component
class MunicipalityPack {

    /** One point on paper: its number on the map and the QR code (base64 PNG) to its live page. */
    public record PackedPoint(int number, SupportPoint point, String qrPng, String link) {}

    public record PostcodeGroup(String postcode, String place, List<PackedPoint> points) {}

    private final SupportPoints points;
    private final Areas areas;
    private final AreaMap map;
    private final TemplateEngine templates;
    private final ObjectProvider<AreaNotices> notices;
    private final Clock clock;

    MunicipalityPack(SupportPoints points, Areas areas, AreaMap map, TemplateEngine templates, ObjectProvider<AreaNotices> notices,
                     Clock clock) {
        this.points = points;
        this.areas = areas;
        this.map = map;
        this.templates = templates;
        this.notices = notices;
        this.clock = clock;
    }

    /** The pack with absolute links under {@code publicUrl} ({@link nl.weerbaar.system.PrintedLinks}). */
    byte[] render(Municipality municipality, Locale locale, String publicUrl) {
        List<SupportPoint> public_ = points.list(new SupportPoints.ListFilter(municipality.code(), null, null)).stream()
                .filter(SupportPoint::isPublic)
                .toList();
        List<PostcodeArea> postcodes = areas.postcodeAreas().stream()
                .filter(p -> p.municipalityCode().equals(municipality.code()))
                .toList();
        SpatialIndex<PostcodeArea> postcodeIndex = SpatialIndex.of(postcodes, PostcodeArea::lat, PostcodeArea::lon);
        Map<String, List<SupportPoint>> byPostcode = new TreeMap<>();
        for (SupportPoint point : public_) {
            String postcode = postcodeIndex.size() == 0 ? "" : postcodeIndex.nearest(point.lat(), point.lon(), 1).getFirst().item().postcode();
            byPostcode.computeIfAbsent(postcode, p -> new ArrayList<>()).add(point);
        }
        List<PostcodeGroup> groups = new ArrayList<>();
        List<AreaMap.Marker> markers = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, List<SupportPoint>> entry : byPostcode.entrySet()) {
            List<PackedPoint> packed = new ArrayList<>();
            for (SupportPoint point : entry.getValue()) {
                number++;
                String link = publicUrl + "/steunpunten/" + point.id();
                packed.add(new PackedPoint(number, point, PrintedDocuments.qrPngBase64(link, 180), link));
                markers.add(new AreaMap.Marker(point.lat(), point.lon(), String.valueOf(number), point.tier() == Tier.HUB));
            }
            String place = areas.postcodeArea(entry.getKey()).map(PostcodeArea::place).orElse(null);
            groups.add(new PostcodeGroup(entry.getKey(), place, packed));
        }
        Context context = new Context(locale);
        context.setVariable("municipality", municipality);
        context.setVariable("groups", groups);
        context.setVariable("notices", notices.orderedStream()
                .flatMap(provider -> provider.inForce(municipality.code(), locale).stream()).toList());
        context.setVariable("count", number);
        context.setVariable("anyDemo", public_.stream().anyMatch(SupportPoint::demo));
        context.setVariable("mapPng", Base64.getEncoder().encodeToString(map.municipalityPng(municipality.code(), markers, 900)));
        context.setVariable("finderLink", publicUrl + "/steunpunten");
        context.setVariable("asOf", ZonedDateTime.ofInstant(clock.instant(), ApplicationClock.NETHERLANDS)
                .format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale)));
        context.setVariable("finderQr", PrintedDocuments.qrPngBase64(publicUrl + "/steunpunten", 240));
        return PrintedDocuments.pdf(templates.process("points/pack-pdf", context));
    }
}
