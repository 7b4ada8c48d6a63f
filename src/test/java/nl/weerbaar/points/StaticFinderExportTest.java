package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.PostcodeArea;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@TimeDependent
class StaticFinderExportTest {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("nl"));

    @LocalServerPort
    int port;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    StaticFinderExport export;
    @Autowired
    Areas areas;
    @Autowired
    Clock clock;

    @Test
    void everyPostcodeGetsAPageWithItsNearestPointsLinkedRelativelyFromTheIndex(@TempDir Path folder) throws Exception {
        PostcodeArea dam = areas.postcodeArea("1012").orElseThrow();
        ApiClient api = new ApiClient(port);
        Map<String, Object> point = PointFixtures.amsterdamPoint("Statisch Damplein");
        point.put("lat", dam.lat());
        point.put("lon", dam.lon());
        new PointFixtures(api, api.token("admin", adminPassword)).create(point);

        List<String> progress = new ArrayList<>();
        LocalDate before = LocalDate.now(clock);
        int files = export.export(folder, progress::add);
        LocalDate after = LocalDate.now(clock);

        assertThat(files).isEqualTo(areas.postcodeAreas().size() + 3
                + (int) areas.postcodeAreas().stream().map(p -> p.postcode().substring(0, 2)).distinct().count());
        assertThat(progress).last().asString().contains(String.format("%,d of %,d", areas.postcodeAreas().size(), areas.postcodeAreas().size()));
        String index = Files.readString(folder.resolve("index.html"));
        assertThat(index).contains("href=\"pc/10.html\"", "src=\"search.js\"", "href=\"weerbaar.css\"")
                .containsAnyOf("Stand van " + before.format(DUTCH_DATE), "Stand van " + after.format(DUTCH_DATE));
        assertThat(Files.readString(folder.resolve("pc/10.html"))).contains("href=\"1012.html\"", "href=\"../weerbaar.css\"");
        String dampage = Files.readString(folder.resolve("pc/1012.html"));
        assertThat(dampage).contains("Statisch Damplein", "0 m", "Informatie", "href=\"../index.html\"")
                .doesNotContain("href=\"/", "src=\"/");
        assertThat(Files.exists(folder.resolve("search.js"))).isTrue();
    }
}
