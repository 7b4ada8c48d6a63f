package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is served without login, with CORS open, and passes with no errors both the
 * NL GOV API Design Rules linter (shared/specs/adr-spectral.yml, copied into the test resources) and
 * Redocly's recommended ruleset. That it describes what the API really answers is checked on every
 * answer the tests receive ({@link nl.weerbaar.support.ApiContract}).
 */
@IntegrationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentIsPublicAndDescribesTheApi() {
        var response = new ApiClient(port).get("/api/v1/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("API-Version")).isEqualTo("1.0.0");
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("servers").get(0).get("url").asString()).endsWith("/api/v1");
        assertThat(document.get("paths").has("/users")).isTrue();
    }

    /** Reads, HEAD included, are open to any web page; a write from another site is refused before it is read. */
    @ParameterizedTest
    @CsvSource({"GET, 200", "HEAD, 200", "POST, 403", "DELETE, 403"})
    void corsPreflightLetsOtherSitesReadButNotWrite(String method, int status) throws Exception {
        var preflight = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + "/api/v1/support-points"))
                        .header("Origin", "https://example.org")
                        .header("Access-Control-Request-Method", method)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(status);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEqualTo(
                status == 200 ? Optional.of("*") : Optional.empty());
    }

    @Test
    void openApiDocumentPassesTheNlApiDesignRulesAndRedoclysRecommendedRules() throws Exception {
        Path document = Path.of("target", "openapi.json");
        Files.writeString(document, new ApiClient(port).get("/api/v1/openapi.json").body());
        Path linters = installLinters();
        Path ruleset = Path.of("src", "test", "resources", "adr-spectral.yml").toAbsolutePath();

        Process spectral = run(linters, "spectral", "lint", "--ruleset", ruleset.toString(), "--fail-severity", "error",
                "--format", "text", document.toAbsolutePath().toString());
        Process redocly = run(linters, "redocly", "lint", "--extends", "recommended", "--format", "stylish",
                document.toAbsolutePath().toString());
        assertPasses(spectral, "spectral (NL GOV API Design Rules)");
        assertPasses(redocly, "redocly (recommended)");
    }

    /**
     * The linters at the versions pinned in src/test/api-lint (package.json, package-lock.json),
     * installed with 'npm ci' into target/api-lint once, and again only when the lock file changes.
     */
    private static Path installLinters() throws Exception {
        Path source = Path.of("src", "test", "api-lint");
        Path target = Path.of("target", "api-lint").toAbsolutePath();
        byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
        Path installed = target.resolve("node_modules").resolve(".package-lock.json");
        Path installedFrom = target.resolve("package-lock.json");
        if (!Files.exists(installed) || !Files.exists(installedFrom) || !Arrays.equals(lock, Files.readAllBytes(installedFrom))) {
            Files.createDirectories(target);
            Files.copy(source.resolve("package.json"), target.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.write(installedFrom, lock);
            Process install = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(target.toFile()).redirectErrorStream(true).start();
            assertPasses(install, "npm ci in " + target);
        }
        return target.resolve("node_modules").resolve(".bin");
    }

    private static Process run(Path bin, String tool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        return builder.start();
    }

    private static void assertPasses(Process process, String what) throws Exception {
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(what + " finished").isTrue();
        assertThat(process.exitValue()).as("%s says:%n%s", what, output).isZero();
    }
}
