package nl.weerbaar.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.PublicApi;
import nl.weerbaar.system.Release;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the generated OpenAPI document to the NL GOV API Design Rules and to what the code really
 * answers: a versioned server URL, contact, the security schemes, and per operation the rules of
 * {@link OperationContract} (status codes, media types, headers, problems, security).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PREFIX = "/api/v1";

    @Bean
    OpenAPI weerbaarOpenApi(@Value("${weerbaar.public-url:http://localhost:8080}") String publicUrl, Release release) {
        return new OpenAPI()
                .info(new Info()
                        .title("Weerbaar API")
                        .version(release.version())
                        .description("Support points, strategic stock, signed crisis information and the reference data "
                                + "of the Netherlands for civil preparedness. Reference data: CBS, CC BY 4.0.\n\n"
                                + "Writes take an `Idempotency-Key` (a retry with the same key gets the first answer again, "
                                + "marked `Idempotent-Replayed: true`); changes to a versioned resource need `If-Match` "
                                + "with the `ETag` last read (428 without it, 412 when stale). Every error is "
                                + "`application/problem+json` (RFC 9457).")
                        .contact(new Contact().name("Weerbaar developers").email("developers@weerbaar.nl")
                                .url("https://weerbaar.nl"))
                        .license(new License().name("EUPL-1.2").url("https://eupl.eu/1.2/en/")))
                .servers(List.of(new Server().url(publicUrl.replaceAll("/+$", "") + PREFIX)))
                .components(components());
    }

    @Bean
    OpenApiCustomizer designRules(Release release, PublicApi publicApi) {
        return openApi -> {
            Paths relative = new Paths();
            openApi.getPaths().forEach((path, item) -> relative.addPathItem(
                    path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path, item));
            openApi.setPaths(relative);
            OperationContract contract = new OperationContract(relative, release.version(), publicApi);
            relative.forEach((path, item) -> item.readOperationsMap().forEach(
                    (method, operation) -> contract.shape(path, method, operation)));
            Components components = components();
            components.getSchemas().forEach(openApi.getComponents()::addSchemas);
            components.getSecuritySchemes().forEach(openApi.getComponents()::addSecuritySchemes);
        };
    }

    static {
        // A JSON value of any shape (e.g. a GeoJSON geometry as read): any JSON, not the node's Java getters.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
                new Schema<>().description("Any JSON value"));
    }

    /** The refusals only the domain knows of, as the handler (or its class) declares them; {@link OperationContract} shapes them. */
    @Bean
    OperationCustomizer domainProblems() {
        return (operation, handler) -> {
            var declared = new java.util.ArrayList<>(List.of(handler.getBeanType().getAnnotationsByType(AnswersProblem.class)));
            declared.addAll(List.of(handler.getMethod().getAnnotationsByType(AnswersProblem.class)));
            for (AnswersProblem problem : declared) {
                if (operation.getResponses() == null) {
                    operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
                }
                operation.getResponses().addApiResponse(String.valueOf(problem.status()),
                        new io.swagger.v3.oas.models.responses.ApiResponse().description(problem.when()));
            }
            return operation;
        };
    }

    /**
     * A property of a reference type may be null in an answer (a record component of type String,
     * Integer, a list, a nested record), one of a primitive type never is: the document says so, as
     * OpenAPI 3.1 does, with "null" among its types, or for a nested record "the record or null".
     */
    @Bean
    PropertyCustomizer nullableUnlessPrimitive() {
        return (property, type) -> {
            boolean primitive = switch (type.getType()) {
                case Class<?> c -> c.isPrimitive();
                case com.fasterxml.jackson.databind.JavaType javaType -> javaType.isPrimitive();
                case null, default -> false;
            };
            if (primitive) {
                return property;
            }
            if (property.get$ref() != null) {
                // A nested record that may be absent: the record, or null.
                return new Schema<>().anyOf(List.of(property, new Schema<>().types(new java.util.LinkedHashSet<>(List.of("null")))));
            }
            if (property.getTypes() != null && !property.getTypes().isEmpty() && !property.getTypes().contains("null")) {
                property.addType("null");
            }
            return property;
        };
    }

    private static Components components() {
        return new Components()
                .addSecuritySchemes(OperationContract.BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token from POST /tokens, as 'Authorization: Bearer …'"))
                .addSecuritySchemes(OperationContract.BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Username and password; only to exchange them for an API token at POST /tokens"))
                .addSchemas(OperationContract.PROBLEM, problemSchema());
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("the request is invalid"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/items"))
                .addProperty("requestId", new StringSchema().example("5f0c2a9e7b1d4c3a"))
                .addProperty("invalidParams", new ArraySchema().items(new ObjectSchema()
                        .addProperty("name", new StringSchema().example("name"))
                        .addProperty("reason", new StringSchema().example("is required and may not be null"))))
                .required(List.of("status", "title", "detail"));
    }
}
