package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository as public code: the licence text, publiccode.yml (standard 0.4: the keys it
 * requires, checked here by structure; no publiccode parser runs offline), SECURITY.md and a
 * CHANGELOG entry for the release that pom.xml builds.
 */
class PublicCodeTest {

    private static String release() throws IOException {
        Properties build = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("target/classes/META-INF/build-info.properties"))) {
            build.load(reader);
        }
        return build.getProperty("build.version");
    }

    @Test
    void theLicenceIsTheEuplOneTwoInFull() throws IOException {
        String licence = Files.readString(Path.of("LICENSE"));

        assertThat(licence).startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n");
        assertThat(licence).contains("15.Applicable Law", "Appendix", "European Union Public Licence (EUPL) v. 1.1, v. 1.2");
        assertThat(licence.length()).isGreaterThan(13_000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void publiccodeYmlHasWhatTheStandardRequiresAndNamesThisRelease() throws IOException {
        Map<String, Object> publiccode = new Yaml().load(Files.readString(Path.of("publiccode.yml")));

        assertThat(publiccode).containsKeys("publiccodeYmlVersion", "name", "url", "platforms", "categories",
                "developmentStatus", "softwareType", "description", "legal", "maintenance", "localisation");
        assertThat(publiccode.get("publiccodeYmlVersion")).isEqualTo("0.4");
        assertThat(publiccode.get("softwareVersion")).isEqualTo(release());
        assertThat(publiccode.get("developmentStatus")).isIn("concept", "development", "beta", "stable", "obsolete");
        assertThat(publiccode.get("softwareType")).isIn("standalone/mobile", "standalone/iot", "standalone/desktop",
                "standalone/web", "standalone/backend", "standalone/other", "addon", "library", "configurationFiles");
        assertThat(((Map<String, Object>) publiccode.get("legal")).get("license")).isEqualTo("EUPL-1.2");
        Map<String, Object> maintenance = (Map<String, Object>) publiccode.get("maintenance");
        assertThat(maintenance.get("type")).isIn("internal", "contract", "community", "none");
        assertThat((List<Object>) maintenance.get("contacts")).isNotEmpty();
        Map<String, Map<String, Object>> descriptions = (Map<String, Map<String, Object>>) publiccode.get("description");
        assertThat(descriptions).containsKeys("nl", "en");
        descriptions.forEach((language, description) -> {
            assertThat(((String) description.get("shortDescription")).length()).as(language).isLessThanOrEqualTo(150);
            assertThat(((String) description.get("longDescription")).length()).as(language).isBetween(150, 10_000);
            assertThat((List<Object>) description.get("features")).as(language).isNotEmpty();
        });
    }

    @Test
    void securityPolicyAndChangelogCoverThisRelease() throws IOException {
        String release = release();

        assertThat(Files.readString(Path.of("CHANGELOG.md"))).contains("\n## " + release + " - ");
        String minor = release.substring(0, release.lastIndexOf('.')) + ".x";
        assertThat(Files.readString(Path.of("SECURITY.md"))).contains("## Reporting a vulnerability", "| " + minor);
    }
}
