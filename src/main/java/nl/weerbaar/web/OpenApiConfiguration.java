package nl.weerbaar.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import nl.weerbaar.system.Release;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shapes the generated OpenAPI document to the NL GOV API Design Rules: a versioned server URL,
 * contact, the API-Version header on every success, and problem+json on every error.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PREFIX = "/api/v1";
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is invalid; invalidParams names each field and why",
            "401", "Authentication is required: an API token as 'Authorization: Bearer …'",
            "403", "The user's role or organisation scope does not allow this",
            "404", "Not found",
            "500", "Unexpected error; nothing was changed");

    @Bean
    OpenAPI weerbaarOpenApi(@Value("${weerbaar.public-url:http://localhost:8080}") String publicUrl, Release release) {
        return new OpenAPI()
                .info(new Info()
                        .title("Weerbaar API")
                        .version(release.version())
                        .description("Support points, strategic stock, signed crisis information and the reference data "
                                + "of the Netherlands for civil preparedness. Reference data: CBS, CC BY 4.0.")
                        .contact(new Contact().name("Weerbaar developers").email("developers@weerbaar.nl")
                                .url("https://weerbaar.nl"))
                        .license(new License().name("EUPL-1.2").url("https://eupl.eu/1.2/en/")))
                .servers(List.of(new Server().url(publicUrl.replaceAll("/+$", "") + PREFIX)))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer designRules(Release release) {
        return openApi -> {
            Paths relative = new Paths();
            openApi.getPaths().forEach((path, item) -> relative.addPathItem(
                    path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path, item));
            openApi.setPaths(relative);
            relative.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> shape(method, operation, release.version())));
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        };
    }

    private static void shape(PathItem.HttpMethod method, Operation operation, String version) {
        if (operation.getParameters() != null) {
            // An example like 1012 for a text parameter must stay text, or the document is invalid.
            operation.getParameters().stream()
                    .filter(p -> p.getExample() != null && !(p.getExample() instanceof String) && p.getSchema() != null
                            && "string".equals(p.getSchema().getType() != null ? p.getSchema().getType() : firstType(p.getSchema())))
                    .forEach(p -> p.setExample(String.valueOf(p.getExample())));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.entrySet().removeIf(e -> e.getKey().startsWith("4") || e.getKey().startsWith("5"));
        responses.forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("3")) {
                response.addHeaderObject(ApiVersionFilter.HEADER, new Header()
                        .description("The full version of the API").schema(new StringSchema().example(version)));
            }
        });
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        ERRORS.forEach((code, description) -> {
            if (!writes && (code.equals("401") || code.equals("403")) && operation.getSecurity() == null) {
                return;
            }
            responses.addApiResponse(code, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        });
        operation.setResponses(responses);
        if (writes) {
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
    }

    private static String firstType(Schema<?> schema) {
        return schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("requestId", new StringSchema())
                .addProperty("invalidParams", new ArraySchema().items(new ObjectSchema()
                        .addProperty("name", new StringSchema())
                        .addProperty("reason", new StringSchema())))
                .required(List.of("status", "title", "detail"));
    }
}
