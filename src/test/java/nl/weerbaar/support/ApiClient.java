package nl.weerbaar.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running application, as an outside client would call it. Every
 * answer from the API is checked against its OpenAPI document ({@link ApiContract}).
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final int port;

    public ApiClient(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path, null).GET());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response send(String method, String path, String token, String jsonBody) {
        return send(method, path, token, jsonBody, "application/json");
    }

    /** A request with a body of another type, e.g. {@code text/csv} for an import. */
    public Response send(String method, String path, String token, String body, String contentType) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(request(path, token).header("Content-Type", contentType).method(method, publisher));
    }

    /** A JSON request with an {@code If-Match} header (none when null), for changes to versioned resources. */
    public Response sendIfMatch(String method, String path, String token, String jsonBody, String ifMatch) {
        return send(method, path, token, jsonBody, ifMatch == null ? java.util.Map.of() : java.util.Map.of("If-Match", ifMatch));
    }

    /** A request with extra headers, e.g. If-Match or Idempotency-Key. */
    public Response send(String method, String path, String token, String jsonBody, java.util.Map<String, String> headers) {
        HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody);
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json").method(method, body);
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response post(String path, String token, String jsonBody) {
        return send("POST", path, token, jsonBody);
    }

    /** Exchanges a username and password for an API token, as a machine client would. */
    public String token(String username, String password) {
        Response response = requestToken(username, password);
        if (response.status() != 201) {
            throw new IllegalStateException("no token for " + username + ": " + response.status() + " " + response.body());
        }
        return response.json().get("token").asString();
    }

    /**
     * Creates a user through the API, as an admin would; returns its username, unique in this
     * run so tests sharing one database never collide.
     */
    public String createUser(String adminToken, String organisation, String role, String password) {
        String username = "u" + System.nanoTime() % 100_000 + "-" + USERS.incrementAndGet() + "-" + role;
        Response response = post("/api/v1/users", adminToken, json(java.util.Map.of(
                "username", username, "password", password, "organisation", organisation, "role", role)));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create " + role + " of " + organisation + ": " + response.body());
        }
        return username;
    }

    /** POST /api/v1/tokens with HTTP Basic credentials, whatever the answer. */
    public Response requestToken(String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.check(port, response);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
