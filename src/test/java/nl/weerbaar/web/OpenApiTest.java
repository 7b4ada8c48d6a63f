package nl.weerbaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is served without login, with CORS open, and passes the NL GOV API
 * Design Rules linter (shared/specs/adr-spectral.yml, copied into the test resources) with no errors.
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

    @Test
    void corsPreflightAllowsAnyOriginToRead() throws Exception {
        var preflight = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + "/api/v1/openapi.json"))
                        .header("Origin", "https://example.org")
                        .header("Access-Control-Request-Method", "GET")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void openApiDocumentPassesTheNlApiDesignRulesLinter() throws Exception {
        Path document = Path.of("target", "openapi.json");
        Files.writeString(document, new ApiClient(port).get("/api/v1/openapi.json").body());
        Path ruleset = Path.of("src", "test", "resources", "adr-spectral.yml");

        Process lint = new ProcessBuilder(List.of("npx", "--yes", "@stoplight/spectral-cli@6.16.3", "lint",
                "--ruleset", ruleset.toString(), "--fail-severity", "error", "--format", "text", document.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(lint.exitValue()).as("spectral says:\n%s", output).isZero();
    }
}
