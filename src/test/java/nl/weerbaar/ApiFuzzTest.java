package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps what the hostile probe of issue 13 found, found: reads the API's own OpenAPI document and
 * sends a corpus of bad values to every operation, into every path and query parameter and every
 * body field by its type, and whole bad bodies, as an anonymous caller and as the national admin.
 * It passes only if no answer is a 5xx, every 4xx is problem+json, and the audit log and every
 * table it can count are unchanged. A new operation is covered without a new case being written.
 *
 * <p>Path parameters that are not under attack name nothing that exists (999999999,
 * {@code no-such-thing}), so no write can reach a real row. Query values stay under the server's
 * header size limit (8 KiB), which Tomcat enforces before the application; the 10 kB and 1 MB
 * strings go into bodies.
 */
@IntegrationTest
@TimeDependent
class ApiFuzzTest {

    /** Tables a background job or the login itself may change while the corpus runs. */
    private static final Set<String> UNCOUNTED = Set.of("api_token", "login_throttle", "idempotent_request", "audit_pending",
            "audit_leaf", "audit_tree_node", "audit_tree_head", "flyway_schema_history");

    /** Giving up one's own token would end the admin's run; its refusals are tested in TokenAndUserLifecycleTest. */
    private static final Set<String> SKIPPED = Set.of("DELETE /tokens/current");

    private static final String KB10 = "x".repeat(10_000);
    private static final String MB1 = "y".repeat(1_048_600);

    /** Already percent-encoded, so a lone surrogate can be sent as the bytes a careless client sends. */
    private static final List<String> QUERY_TEXT = List.of("%00", "GM0363%00", "a%01b", "%7F", "%ED%A0%80", "%C0%80",
            enc("x".repeat(4000)), enc("' or 1=1 --"), enc("<script>alert(1)</script>"), "", "%25", enc("../../etc/passwd"));
    private static final List<String> QUERY_NUMBER = List.of("NaN", "Infinity", "-Infinity", "1e400", "-1", "0", "1.5",
            "2147483648", "9223372036854775808", "-9223372036854775809", "abc", "", "%00", "1e15");
    private static final List<String> QUERY_BOOLEAN = List.of("yes", "2", "", "%00");

    private static final List<String> JSON_TEXT = List.of("\"\\u0000\"", "\"GM0363\\u0000\"", "\"a\\u0001b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"" + KB10 + "\"", "\"" + MB1 + "\"", "\"\\u200b\\u200b\"", "\"=cmd|' /C calc'!A0\"", "\"\"",
            "1", "true", "[]", "{}", "null");
    private static final List<String> JSON_NUMBER = List.of("1e15", "-1e15", "1e400", "1.5", "-1", "0", "2147483648",
            "9223372036854775808", "\"abc\"", "\"NaN\"", "NaN", "true", "[]", "{}", "null", "\"\\u0000\"");
    private static final List<String> JSON_BOOLEAN = List.of("\"yes\"", "2", "null", "[]", "{}");
    private static final List<String> JSON_ARRAY = List.of("[null]", "[1.5]", "[\"\\u0000\"]", "[[[]]]", "{}", "\"x\"", "null",
            "[" + "1,".repeat(10_000) + "1]");
    private static final List<String> JSON_OBJECT = List.of("null", "[]", "\"x\"", "1", "{\"unknown\":1}");

    private static final List<String> WHOLE_BODIES = List.of("null", "", "[]", "\"x\"", "1.5", "{", "{\"a\":1,\"a\":2}",
            "{\"unknownField\":1}", "{\"events\":[null]}", "{\"events\":[{\"quantity\":1e15}]}", "{\"events\":\"x\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":" .repeat(2000) + "1" + "}".repeat(2000), "\"" + MB1 + "\"",
            "\uFEFF{}", "{\"name\":\"\\u0000\"}");
    private static final List<String> CSV_BODIES = List.of("", "type,depot\n\"unclosed", "a,b\n1e20,\u0000\n",
            "name,tier\n" + "x,".repeat(50) + "\n", "type,depot,item,lot,expiry,quantity\nreceipt,1,x,L,,1e20\n",
            "\u0000\u0001", "year,region,amountEur\n2030,VR13,1e20\n");
    private static final List<String> XML_BODIES = List.of("", "<alert>\u0000</alert>", "<alert",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><a>&d;</a>",
            "<alert>" + MB1 + "</alert>");

    /**
     * Forms an SMS gateway might post, none of them a message that can be taken; each is sent as the
     * gateway would, signed with the shared secret, so the parser behind the signature is what is tried.
     */
    private static final List<String> FORM_BODIES = List.of("", "=", "&&&", "id=%ZZ&from=x&text=x", "id=a%00&from=x&text=x",
            "id=&from=x&text=x", "id=" + "i".repeat(300) + "&from=x&text=x", "id=a&from=" + "1".repeat(50) + "&text=x",
            "id=a&from=x&text=" + "t".repeat(2000), "id=a&from=x&text=x&time=yesterday", "id=a&from=x", "text=%ED%A0%80",
            "id=a&from=x&text=%01", "id=a&from=x&to=" + "9".repeat(50) + "&text=x");

    @LocalServerPort
    int port;
    @Value("${weerbaar.sms.secret}")
    String smsSecret;
    @Value("${weerbaar.admin-password}")
    String adminPassword;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int clientErrors;
    private int serverErrors;

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void noInputToAnyOperationGetsA5xxOrAnAnswerThatIsNotAProblemAndNothingIsWritten() throws Exception {
        String admin = new ApiClient(port).token("admin", adminPassword);
        JsonNode document = JsonMapper.builder().build().readTree(new ApiClient(port).get("/api/v1/openapi.json").body());
        Map<String, Long> before = countRows();

        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        || SKIPPED.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                for (String token : new String[] {null, admin}) {
                    attack(document, method, path.getKey(), operation.getValue(), token);
                }
            }
        }

        System.out.printf("API fuzz: %d operations, %d requests, %d answered 4xx, %d answered 5xx%n",
                operations, requests, clientErrors, serverErrors);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "api-fuzz-failures.txt"), failures);
        assertThat(operations).isGreaterThan(100);
        assertThat(failures).as("answers that break the rules (of %d requests)", requests).isEmpty();
        assertThat(countRows()).as("rows per table").isEqualTo(before);
    }

    private void attack(JsonNode document, String method, String template, JsonNode operation, String token) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);

        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asString();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            for (String bad : queryCorpus(parameter.path("schema"))) {
                String name = parameter.path("name").asString();
                String url = in.equals("path") ? fill(template, parameters, name, bad.isEmpty() ? "%20" : bad)
                        + required(parameters, null) : fill(template, parameters, null, null) + required(parameters, name)
                        + (required(parameters, name).isEmpty() ? "?" : "&") + enc(name) + "=" + bad;
                send(method, url, token, method.equals("GET") || method.equals("DELETE") ? null : "application/json", "{}");
            }
        }

        String url = fill(template, parameters, null, null) + required(parameters, null);
        JsonNode content = operation.path("requestBody").path("content");
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            String type = media.getKey();
            if (type.contains("json")) {
                WHOLE_BODIES.forEach(body -> send(method, url, token, type, body));
                JsonNode schema = resolve(document, media.getValue().path("schema"));
                for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                    for (String bad : jsonCorpus(resolve(document, field.getValue()))) {
                        send(method, url, token, type, "{\"" + field.getKey() + "\":" + bad + "}");
                    }
                }
            } else if (type.contains("csv") || type.equals("text/plain")) {
                CSV_BODIES.forEach(body -> send(method, url, token, type, body));
            } else if (type.contains("xml") || type.equals("application/octet-stream")) {
                XML_BODIES.forEach(body -> send(method, url, token, type, body));
            } else if (type.equals("application/x-www-form-urlencoded")) {
                FORM_BODIES.forEach(body -> send(method, url, token, type, body, Map.of("X-Weerbaar-Signature", signed(body))));
            }
        }
    }

    /** The path with every parameter naming nothing that exists, except {@code attacked}, which gets {@code value}. */
    private static String fill(String template, List<JsonNode> parameters, String attacked, String value) {
        String path = template;
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.path("name").asString();
                String filler = name.equals(attacked) ? value
                        : isNumber(parameter.path("schema")) ? "999999999" : "no-such-thing";
                path = path.replace("{" + name + "}", filler);
            }
        }
        return "/api/v1" + path;
    }

    /** Valid values for required query parameters other than {@code attacked}, so the attack is what is judged. */
    private static String required(List<JsonNode> parameters, String attacked) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)
                    && !name.equals(attacked)) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(isNumber(parameter.path("schema")) ? "2030" : "GM0363");
            }
        }
        return query.toString();
    }

    /** A schema's type; of a nullable one (OpenAPI 3.1: ["string", "null"]) the type besides null. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.valueStream().map(JsonNode::asString).filter(t -> !t.equals("null")).findFirst().orElse("")
                : type.asString();
    }

    private static boolean isNumber(JsonNode schema) {
        return Set.of("integer", "number").contains(type(schema));
    }

    private static List<String> queryCorpus(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> QUERY_NUMBER;
            case "boolean" -> QUERY_BOOLEAN;
            default -> QUERY_TEXT;
        };
    }

    private static List<String> jsonCorpus(JsonNode schema) {
        return switch (type(schema)) {
            case "integer", "number" -> JSON_NUMBER;
            case "boolean" -> JSON_BOOLEAN;
            case "array" -> JSON_ARRAY;
            case "object" -> JSON_OBJECT;
            default -> schema.has("properties") ? JSON_OBJECT : JSON_TEXT;
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.get("$ref").asString().replace("#/components/schemas/", "");
            resolved = document.path("components").path("schemas").path(name);
        }
        return resolved;
    }

    /** The HMAC-SHA256 signature a gateway with the shared secret puts on a body. */
    private String signed(String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(smsSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String method, String url, String token, String contentType, String body) {
        send(method, url, token, contentType, body, Map.of());
    }

    private void send(String method, String url, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null || contentType == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        String what = method + " " + (url.length() > 150 ? url.substring(0, 150) + "…" : url)
                + (token == null ? " (anonymous)" : " (admin)")
                + (body == null || contentType == null ? "" : " " + (body.length() > 80 ? body.substring(0, 80) + "…" : body));
        requests++;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            try {
                ApiContract.check(port, response);
            } catch (AssertionError undocumented) {
                failures.add(undocumented.getMessage());
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                serverErrors++;
                failures.add(status + " for " + what + ": " + response.body());
            } else if (status >= 400) {
                clientErrors++;
                if (!type.startsWith("application/problem+json")) {
                    failures.add(status + " as " + type + " for " + what);
                }
            }
        } catch (IOException e) {
            failures.add("no answer (" + e + ") for " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> countRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        for (Iterator<String> it = tables.iterator(); it.hasNext(); ) {
            String table = it.next();
            if (!UNCOUNTED.contains(table)) {
                counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
            }
        }
        return counts;
    }
}
