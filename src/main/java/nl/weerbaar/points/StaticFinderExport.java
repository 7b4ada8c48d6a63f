package nl.weerbaar.points;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.system.ApplicationClock;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public finder as plain files: an index, a page per postcode range, and a page per 4-digit
 * postcode with its nearest public points, as they stood at export. Any web server, a CDN or a
 * USB stick can serve them; when this server is down or overloaded, residents still find a point.
 */
@Component
class StaticFinderExport {

    private static final int POINTS_PER_POSTCODE = 10;
    /** As the live finder: an open point a little farther off may come before a closed one nearby. */
    private static final int CANDIDATES = 30;
    private static final Locale DUTCH = Locale.of("nl");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", DUTCH);

    private final SupportPoints points;
    private final Areas areas;
    private final ObjectProvider<AreaNotices> notices;
    private final FinderRanking ranking;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    StaticFinderExport(SupportPoints points, Areas areas, ObjectProvider<AreaNotices> notices, FinderRanking ranking,
                       ITemplateEngine templates, MessageSource messages, Clock clock) {
        this.messages = messages;
        this.points = points;
        this.areas = areas;
        this.notices = notices;
        this.ranking = ranking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Writes the finder into a folder (created when missing); returns the number of files written. */
    int export(Path folder, Consumer<String> progress) throws IOException {
        Files.createDirectories(folder.resolve("pc"));
        String exportedAt = ZonedDateTime.ofInstant(clock.instant(), ApplicationClock.NETHERLANDS).format(STAMP);
        boolean anyDemo = points.anyDemo();
        int files = 0;
        copy("static/css/weerbaar.css", folder.resolve("weerbaar.css"));
        copy("static/js/static-search.js", folder.resolve("search.js"));
        files += 2;

        // The official notices of each municipality, in full: a page on a USB stick cannot link to them.
        Map<String, List<AreaNotices.Notice>> noticesByMunicipality = new java.util.HashMap<>();
        Map<String, List<PostcodeArea>> byPrefix = new TreeMap<>();
        areas.postcodeAreas().forEach(pc -> byPrefix.computeIfAbsent(pc.postcode().substring(0, 2), p -> new java.util.ArrayList<>()).add(pc));

        write(folder.resolve("index.html"), page(title("points.static.title.index"), "", exportedAt, anyDemo, Map.of("prefixes", byPrefix.keySet())));
        files++;
        int done = 0;
        for (Map.Entry<String, List<PostcodeArea>> prefix : byPrefix.entrySet()) {
            write(folder.resolve("pc").resolve(prefix.getKey() + ".html"), page(title("points.static.title.prefix", prefix.getKey()),
                    "../", exportedAt, anyDemo, Map.of("postcodes", prefix.getValue())));
            files++;
            for (PostcodeArea postcode : prefix.getValue()) {
                SupportPoints.NearestResult nearest = points.nearest(new SupportPoints.NearestQuery(postcode.postcode(),
                        null, null, CANDIDATES, null, null));
                List<SupportPointPages.PointView> results = ranking.ranked(nearest.origin(), nearest.points(), POINTS_PER_POSTCODE);
                write(folder.resolve("pc").resolve(postcode.postcode() + ".html"), page(title("points.static.title.postcode",
                        postcode.postcode() + (postcode.place() == null ? "" : " " + postcode.place())), "../", exportedAt, anyDemo,
                        Map.of("results", results, "notices", noticesByMunicipality.computeIfAbsent(postcode.municipalityCode(),
                                m -> notices.orderedStream().flatMap(provider -> provider.inForce(m, DUTCH).stream()).toList()))));
                files++;
                if (++done % 500 == 0) {
                    progress.accept(String.format("Static finder: %,d of %,d postcodes", done, areas.postcodeAreas().size()));
                }
            }
        }
        progress.accept(String.format("Static finder: %,d of %,d postcodes", done, areas.postcodeAreas().size()));
        return files;
    }

    private String title(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DUTCH);
    }

    private String page(String title, String root, String exportedAt, boolean anyDemo, Map<String, Object> variables) {
        Context context = new Context(DUTCH);
        context.setVariable("title", title);
        context.setVariable("root", root);
        context.setVariable("exportedAt", exportedAt);
        context.setVariable("anyDemo", anyDemo);
        context.setVariables(variables);
        return templates.process("points/static-page", context);
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Files.write(target, in.readAllBytes());
        }
    }

    private static void write(Path file, String html) throws IOException {
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }
}
