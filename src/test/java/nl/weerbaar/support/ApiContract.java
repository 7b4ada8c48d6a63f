package nl.weerbaar.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every answer the tests receive from {@code /api/v1} against the application's own OpenAPI
 * document ({@code /api/v1/openapi.json}), so the code and its description cannot drift apart: the
 * status must be documented for the operation, the content type and body must fit, documented
 * required headers must be there, and the headers a client acts on ({@code ETag}, {@code Location},
 * {@code Idempotent-Replayed}, {@code Retry-After}) may only come where the document says they do.
 * A mismatch fails the test that received the answer, naming the operation, the status and what is wrong.
 * Answers to paths or methods the API does not have (404, 405) are not an operation's and are not checked.
 * Counts per test class are written to {@code target/api-contract.txt} when the test JVM ends.
 */
public final class ApiContract {

    private static final String PREFIX = "/api/v1";
    private static final String DOCUMENT = PREFIX + "/openapi.json";
    /** Headers a generated client reads: one that comes undocumented is a mismatch too. */
    private static final List<String> ACTED_ON = List.of("ETag", "Location", "Idempotent-Replayed", "Retry-After");
    /** Answers that belong to no operation: the path or method does not exist. */
    private static final Set<String> NOT_AN_OPERATION = Set.of("validation.response.path.missing",
            "validation.response.operation.notAllowed", "validation.request.path.missing", "validation.request.operation.notAllowed");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The document depends on the code only, not on which application context serves it: it is read
     * once per test JVM, from the first server asked, so a test that starts its own application (and
     * races its start, e.g. FinderWhileLoadingTest) does not wait for it to be generated again.
     */
    private static volatile Document document;
    private static final ConcurrentMap<String, AtomicInteger> CHECKED = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong NANOS = new java.util.concurrent.atomic.AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeCounts));
    }

    private ApiContract() {}

    private record Document(OpenApiInteractionValidator validator, JsonNode json) {}

    /** Checks one answer; {@code pathAndQuery} as sent, e.g. {@code /api/v1/items?limit=3}. */
    public static void check(int port, String method, String pathAndQuery, int status, HttpHeaders headers, String body) {
        String path = URI.create(pathAndQuery).getRawPath();
        if (!path.startsWith(PREFIX + "/") || path.equals(DOCUMENT)) {
            return;
        }
        long start = System.nanoTime();
        boolean anOperation;
        try {
            anOperation = checkAgainst(document(port), method, path, pathAndQuery, status, headers, body);
        } finally {
            NANOS.addAndGet(System.nanoTime() - start);
        }
        if (anOperation) {
            CHECKED.computeIfAbsent(testClass(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** False for an answer that belongs to no operation of the document. */
    private static boolean checkAgainst(Document document, String method, String path, String pathAndQuery, int status,
                                     HttpHeaders headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        ValidationReport report = document.validator().validateResponse(path, verb, response.build());
        if (report.getMessages().stream().anyMatch(m -> NOT_AN_OPERATION.contains(m.getKey()))) {
            return false;
        }
        String operation = method + " " + path;
        List<String> problems = new java.util.ArrayList<>(report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList());
        String template = report.getMessages().stream().flatMap(m -> operation(m).stream()).findFirst()
                .orElseGet(() -> template(document.json(), method, path));
        if (template != null) {
            operation = method + " " + template;
            problems.addAll(undocumentedHeaders(document.json(), method, template, status, headers));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + operation + " (" + method + " " + pathAndQuery + ") does not fit "
                    + DOCUMENT + ": status " + status + ", " + headers.firstValue("Content-Type").orElse("no Content-Type")
                    + "\n  " + String.join("\n  ", problems)
                    + "\n  body: " + (body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
        return true;
    }

    /** The same for an answer received with the JDK's HTTP client, as text or as bytes (a PDF, a gzipped body). */
    public static void check(int port, HttpResponse<?> response) {
        HttpRequest request = response.request();
        String body = switch (response.body()) {
            case String text -> text;
            case byte[] bytes when bytes.length == 0 -> null;
            case byte[] bytes when response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent() ->
                    gunzip(bytes);
            case byte[] bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            case null, default -> null;
        };
        check(port, request.method(), request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                : "?" + request.uri().getRawQuery()), response.statusCode(), response.headers(), body);
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> operation(com.atlassian.oai.validator.report.ValidationReport.Message message) {
        return message.getContext().flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(o -> o.getApiPath().original());
    }

    private static List<String> undocumentedHeaders(JsonNode document, String method, String template, int status,
                                                    HttpHeaders headers) {
        JsonNode responses = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses");
        JsonNode response = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.path("default");
        Set<String> documented = response.path("headers").propertyNames().stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return ACTED_ON.stream()
                .filter(h -> headers.firstValue(h).isPresent() && !documented.contains(h.toLowerCase(Locale.ROOT)))
                .map(h -> "header " + h + ": sent (" + headers.firstValue(h).get() + ") but not documented for status " + status)
                .toList();
    }

    /** The document's path template that {@code path} falls under, for a message about an answer that did fit. */
    private static String template(JsonNode document, String method, String path) {
        String relative = path.substring(PREFIX.length());
        String found = null;
        for (String template : document.path("paths").propertyNames()) {
            if (!document.path("paths").path(template).has(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String regex = java.util.regex.Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (relative.matches(regex) && (found == null || !template.contains("{"))) {
                found = template; // a literal path wins over a template, as in the application
            }
        }
        return found;
    }

    private static synchronized Document document(int port) {
        if (document == null) {
            document = load(port);
        }
        return document;
    }

    private static Document load(int port) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + DOCUMENT)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(answer.body());
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(asOpenApi30(answer.body()))
                    .withBasePathOverride(PREFIX)
                    .build();
            return new Document(validator, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The validator reads OpenAPI 3.0 only: with 3.1 it loses each schema's type and reads every header
     * as JSON. The document's one 3.1 form, "null" among a property's types, is said in 3.0 as
     * {@code nullable: true}; other 3.1-only keywords it does not use, which is checked here.
     */
    private static String asOpenApi30(String text) {
        for (String form : List.of("\"const\"", "\"prefixItems\"", "\"unevaluatedProperties\"", "\"$schema\"")) {
            if (text.contains(form)) {
                throw new IllegalStateException(DOCUMENT + " uses " + form + ", which the response validator cannot read");
            }
        }
        JsonNode document = JSON.readTree(text);
        nullableAs30(document);
        ((tools.jackson.databind.node.ObjectNode) document).put("openapi", "3.0.3");
        return JSON.writeValueAsString(document);
    }

    private static void nullableAs30(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object && object.get("type") instanceof
                tools.jackson.databind.node.ArrayNode types) {
            List<String> named = types.valueStream().map(JsonNode::asString).filter(t -> !t.equals("null")).toList();
            if (named.size() != 1) {
                throw new IllegalStateException(DOCUMENT + " has a schema of types " + types + ", which 3.0 cannot say");
            }
            object.put("type", named.getFirst());
            if (named.size() < types.size()) {
                object.put("nullable", true);
            }
        }
        node.values().forEach(ApiContract::nullableAs30);
    }

    /** The test class on the stack: the one whose answers these are. */
    private static String testClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .map(name -> name.contains("$") ? name.substring(0, name.indexOf('$')) : name)
                .filter(name -> name.startsWith("nl.weerbaar.") && !name.startsWith("nl.weerbaar.support.")
                        && (name.endsWith("Test") || name.endsWith("IT")))
                .findFirst().orElse("(other)"));
    }

    private static void writeCounts() {
        if (CHECKED.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new TreeMap<>();
        CHECKED.forEach((name, count) -> counts.put(name.substring(name.lastIndexOf('.') + 1), count.get()));
        String lines = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("\n"))
                + "\n" + counts.values().stream().mapToInt(Integer::intValue).sum() + " answers checked against " + DOCUMENT
                + " in " + NANOS.get() / 1_000_000 + " ms (loading the document included)\n";
        try {
            Path file = Path.of("target", "api-contract-" + ProcessHandle.current().pid() + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines);
        } catch (IOException e) {
            System.err.println("api-contract counts not written: " + e);
        }
    }
}
