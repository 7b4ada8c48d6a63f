package nl.weerbaar.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.weerbaar.system.IdempotencyFilter;
import nl.weerbaar.system.PublicApi;

/**
 * What an operation really answers, derived once for all operations from facts the code states
 * itself: the HTTP method, the path (a path parameter can be unknown: 404), the request body
 * (too large: 413, wrong type: 415), an {@code If-Match} header parameter (428, 412, and the
 * {@code ETag} of the version), the security configuration's public calls, the filters that every
 * API call passes (query characters: 400, bearer tokens: 401, idempotency keys: 400, 422 and the
 * replayed answer, the API-Version header), and the success status springdoc reads from
 * {@code @ResponseStatus}. Codes only the domain knows (409, a 404 without path parameter, a
 * second success status) are declared on the handler with {@code @ApiResponse}; they are kept and
 * given the problem shape here. Every error is {@code application/problem+json}.
 */
final class OperationContract {

    static final String PROBLEM = "Problem";
    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    static final String ETAG = "ETag";
    static final String IF_MATCH = "If-Match";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Set<String> versionedPaths;
    /** The release, as the {@code API-Version} header carries it. */
    private final String version;

    private final Paths paths;
    private final PublicApi publicApi;

    OperationContract(Paths paths, String version, PublicApi publicApi) {
        this.version = version;
        this.paths = paths;
        this.publicApi = publicApi;
        // A resource is versioned when a change to it needs If-Match.
        this.versionedPaths = paths.entrySet().stream()
                .filter(path -> path.getValue().readOperations().stream().anyMatch(OperationContract::takesIfMatch))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    void shape(String path, PathItem.HttpMethod method, Operation operation) {
        textExamplesStayText(operation);
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean open = publicApi.isPublic(method.name(), OpenApiConfiguration.PREFIX + path);
        boolean passwords = method == PathItem.HttpMethod.POST && path.equals("/tokens");
        boolean idempotent = writes && !open && !passwords; // the idempotency filter acts on signed-in API writes
        boolean ifMatch = takesIfMatch(operation);
        boolean body = operation.getRequestBody() != null;

        if (passwords) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
        } else if (open) {
            // Anyone may call it; a caller who sends a token is known (and may get more, e.g. an ETag to edit with).
            operation.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)));
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        if (idempotent) {
            operation.addParametersItem(idempotencyKey());
        }
        if (ifMatch) {
            operation.getParameters().stream().filter(p -> "header".equals(p.getIn()) && IF_MATCH.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("The ETag of the version this change was made to; without it 428, "
                            + "when another change came first 412").example("\"3\""));
        }
        // Public reads may carry a tag of their bytes to revalidate with (If-None-Match, then 304).
        boolean mayAnswerEtag = open && method == PathItem.HttpMethod.GET;
        boolean answersEtag = ifMatch
                || (method == PathItem.HttpMethod.GET && versionedPaths.contains(path))
                || (method == PathItem.HttpMethod.POST && versionedPaths.stream().anyMatch(v -> isItemOf(v, path)))
                || (method == PathItem.HttpMethod.POST && answersVersionedResource(path, operation));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, ApiResponse> declaredProblems = new LinkedHashMap<>();
        responses.entrySet().removeIf(e -> {
            boolean problem = e.getKey().startsWith("4") || e.getKey().startsWith("5");
            if (problem) {
                declaredProblems.put(e.getKey(), e.getValue());
            }
            return problem;
        });
        responses.forEach((code, response) -> success(code, response, writes, idempotent, answersEtag));
        if (method == PathItem.HttpMethod.GET && (answersEtag || mayAnswerEtag)) {
            responses.addApiResponse("304", new ApiResponse()
                    .description("Not modified: the If-None-Match sent names the current ETag; no body")
                    .addHeaderObject(ETAG, etag(true, "The current tag"))
                    .addHeaderObject(ApiVersionFilter.HEADER, apiVersion()));
        }
        if (mayAnswerEtag && !answersEtag) {
            responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).forEach(e -> e.getValue()
                    .addHeaderObject(ETAG, etag(false, "A tag of this answer, where it carries one, for If-None-Match")));
        }

        Map<String, String> problems = new TreeMap<>();
        problems.put("400", "The request is invalid; invalidParams names each field and the form it must have");
        problems.put("401", passwords ? "The username or password is wrong, or the user is disabled"
                : open ? "The API token sent is unknown, expired or revoked (send none to read anonymously)"
                : "Authentication is required: an API token as 'Authorization: Bearer …'");
        if (!open) {
            problems.put("403", "The user's role or organisation scope does not allow this");
        }
        if (path.contains("{")) {
            problems.put("404", "Not found, or not in the caller's scope");
        }
        if (ifMatch) {
            problems.put("412", "If-Match names a version that is no longer current; the detail names the current one");
            problems.put("428", "If-Match is missing: send the ETag of the version this change was made to");
        }
        if (writes) {
            problems.put("413", "The request body is larger than allowed");
        }
        if (body) {
            problems.put("415", "The request body is of a content type this operation does not take");
        }
        if (idempotent) {
            problems.put("422", "The Idempotency-Key was used before for a different request");
        }
        problems.put("500", "Unexpected error; nothing was changed");
        declaredProblems.forEach((code, declared) -> problems.put(code,
                declared.getDescription() == null || declared.getDescription().isBlank() ? problems.getOrDefault(code, code)
                        : declared.getDescription()));
        problems.forEach((code, description) -> {
            ApiResponse problem = new ApiResponse()
                    .description(description)
                    .addHeaderObject(ApiVersionFilter.HEADER, apiVersion())
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (code.equals("503")) {
                problem.addHeaderObject("Retry-After", new Header().required(true)
                        .description("Seconds to wait before asking again").schema(new StringSchema().example("5")));
            }
            responses.addApiResponse(code, problem);
        });
        operation.setResponses(sorted(responses));
    }

    private void success(String code, ApiResponse response, boolean writes, boolean idempotent, boolean answersEtag) {
        if (response.getContent() != null && response.getContent().containsKey("*/*")) {
            // Without a declared 'produces' the handlers answer JSON: say so, not "anything".
            Content content = new Content();
            response.getContent().forEach((type, media) -> content.addMediaType(type.equals("*/*") ? JSON : type, media));
            response.setContent(content);
        }
        response.addHeaderObject(ApiVersionFilter.HEADER, apiVersion());
        if (answersEtag && code.startsWith("2") && !code.equals("204")) {
            response.addHeaderObject(ETAG, etag(true, "The version of the resource, for If-Match on a change"));
        }
        if (code.equals("201") || code.equals("202")) {
            response.addHeaderObject("Location", new Header()
                    .description("The URL of what was made, where it has one of its own")
                    .schema(new StringSchema().format("uri-reference").example("/api/v1/items/WATER-5L")));
        }
        if (code.equals("202")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before asking for the result")
                    .schema(new StringSchema().example("1")));
        }
        if (writes && idempotent && code.startsWith("2")) {
            response.addHeaderObject(REPLAYED, new Header()
                    .description("'true' on the stored answer to an earlier request with the same Idempotency-Key; "
                            + "nothing was done again")
                    .schema(new StringSchema()._enum(List.of("true")).example("true")));
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static Header etag(boolean required, String description) {
        return new Header().required(required).description(description).schema(new StringSchema().example("\"3\""));
    }

    private Header apiVersion() {
        return new Header().required(true).description("The full version of the API")
                .schema(new StringSchema().example(version));
    }

    private static Parameter idempotencyKey() {
        return new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
                .description("Makes a retry safe: a second request with the same key (by the same user, within the retry "
                        + "window) gets the first answer again and changes nothing; the same key for a different "
                        + "request is refused with 422")
                .schema(new StringSchema().minLength(1).maxLength(200))
                .example("8b0c6d0e-3f4a-4c1e-9a77-2f5b1d7e9c10");
    }

    /**
     * An action on a versioned resource (e.g. publishing a bulletin, copying a scenario) that answers
     * with the resource as its GET does, and so with its version.
     */
    private boolean answersVersionedResource(String path, Operation operation) {
        return versionedPaths.stream().filter(v -> path.startsWith(v + "/")).anyMatch(v -> {
            Operation read = paths.get(v).getGet();
            return read != null && successSchema(read) != null && successSchema(read).equals(successSchema(operation));
        });
    }

    private static String successSchema(Operation operation) {
        return operation.getResponses() == null ? null : operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null)
                .flatMap(e -> e.getValue().getContent().values().stream())
                .map(media -> media.getSchema() == null ? null : media.getSchema().get$ref())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && IF_MATCH.equalsIgnoreCase(p.getName()));
    }

    /** Whether {@code item} is one element of the collection {@code collection}, e.g. /items/{code} of /items. */
    private static boolean isItemOf(String item, String collection) {
        return item.startsWith(collection + "/{") && item.indexOf('/', collection.length() + 1) < 0;
    }

    /** An example like 1012 for a text parameter must stay text, or the document is invalid. */
    private static void textExamplesStayText(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> p.getExample() != null && !(p.getExample() instanceof String) && p.getSchema() != null
                        && "string".equals(p.getSchema().getType() != null ? p.getSchema().getType() : firstType(p.getSchema())))
                .forEach(p -> p.setExample(String.valueOf(p.getExample())));
    }

    private static String firstType(Schema<?> schema) {
        return schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
    }
}
