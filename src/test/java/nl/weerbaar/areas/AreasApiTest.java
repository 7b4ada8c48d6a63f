package nl.weerbaar.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.support.ApiContract;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AreasApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    AreasController controller;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        ApiContract.check(port, response);
        return response;
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> codes(JsonNode items) {
        List<String> codes = new ArrayList<>();
        items.forEach(item -> codes.add(item.get("code").asString()));
        return codes;
    }

    @Test
    void listsTheSafetyRegions() throws Exception {
        HttpResponse<String> response = get("/api/v1/regions");
        JsonNode items = json.readTree(response.body()).get("items");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=3600").contains("public"));
        assertThat(items.size()).isEqualTo(25);
        JsonNode vr13 = items.get(12);
        assertThat(vr13.get("code").asString()).isEqualTo("VR13");
        assertThat(vr13.get("name").asString()).isEqualTo("Amsterdam-Amstelland");
        assertThat(vr13.get("province").asString()).isEqualTo("Noord-Holland");
        assertThat(vr13.get("population").longValue()).isEqualTo(1_138_700L);
        assertThat(vr13.get("landAreaKm2").doubleValue()).isEqualTo(303.35);
        assertThat(vr13.get("municipalityCount").intValue()).isEqualTo(6);
    }

    @Test
    void showsOneSafetyRegionWithItsMunicipalities() throws Exception {
        JsonNode region = getJson("/api/v1/regions/vr13");

        assertThat(region.get("code").asString()).isEqualTo("VR13");
        assertThat(region.get("municipalities").valueStream().map(JsonNode::asString).toList())
                .containsExactly("GM0358", "GM0362", "GM0363", "GM0384", "GM0437", "GM0451");
        assertThat(get("/api/v1/regions/VR26").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/regions/Amsterdam").statusCode()).isEqualTo(400);
    }

    @Test
    void listsAllMunicipalities() throws Exception {
        JsonNode items = getJson("/api/v1/municipalities").get("items");

        assertThat(items.size()).isEqualTo(342);
        long population = 0;
        for (JsonNode item : items) {
            population += item.get("population").longValue();
        }
        assertThat(population).isEqualTo(17_942_942L);
    }

    @Test
    void listsTheMunicipalitiesOfOneRegion() throws Exception {
        JsonNode items = getJson("/api/v1/municipalities?region=VR13").get("items");

        assertThat(codes(items)).containsExactly("GM0358", "GM0362", "GM0363", "GM0384", "GM0437", "GM0451");
        JsonNode amsterdam = items.get(2);
        assertThat(amsterdam.get("name").asString()).isEqualTo("Amsterdam");
        assertThat(amsterdam.get("province").asString()).isEqualTo("Noord-Holland");
        assertThat(amsterdam.get("region").asString()).isEqualTo("VR13");
        assertThat(amsterdam.get("lat").doubleValue()).isBetween(52.2, 52.5);
        assertThat(amsterdam.get("lon").doubleValue()).isBetween(4.7, 5.1);
    }

    @Test
    void rejectsAnUnknownRegionFilter() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/municipalities?region=VR99");
        HttpResponse<String> malformed = get("/api/v1/municipalities?region=north");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(malformed.statusCode()).isEqualTo(400);
        // The problem names the parameter (the body is rendered by the application's error handling).
        assertThatThrownBy(() -> controller.municipalities("VR99"))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getReason()).isEqualTo("region 'VR99' is not a safety region: expected VR01 to VR25"));
    }

    @Test
    void showsOneMunicipality() throws Exception {
        JsonNode amsterdam = getJson("/api/v1/municipalities/gm0363");

        assertThat(amsterdam.get("code").asString()).isEqualTo("GM0363");
        assertThat(amsterdam.get("population").longValue()).isEqualTo(931_298L);
        assertThat(get("/api/v1/municipalities/GM9999").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/municipalities/Amsterdam").statusCode()).isEqualTo(400);
    }

    @Test
    void servesBoundariesAsGeoJson() throws Exception {
        HttpResponse<String> one = get("/api/v1/municipalities/GM0363/boundary");
        HttpResponse<String> all = get("/api/v1/municipalities/boundaries");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/geo+json"));
        JsonNode feature = json.readTree(one.body());
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("properties").get("code").asString()).isEqualTo("GM0363");
        assertThat(feature.get("properties").get("region").asString()).isEqualTo("VR13");
        assertThat(feature.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");

        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode collection = json.readTree(all.body());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features").size()).isEqualTo(342);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1012", "1012AB", "1012%20ab"})
    void resolvesPostcode1012InEverySpelling(String spelling) throws Exception {
        JsonNode postcode = getJson("/api/v1/postcodes/" + spelling);

        assertThat(postcode.get("postcode").asString()).isEqualTo("1012");
        assertThat(postcode.get("place").asString()).isEqualTo("Amsterdam");
        assertThat(postcode.get("municipality").asString()).isEqualTo("GM0363");
        assertThat(postcode.get("municipalityName").asString()).isEqualTo("Amsterdam");
        assertThat(postcode.get("region").asString()).isEqualTo("VR13");
        assertThat(postcode.get("lat").doubleValue()).isEqualTo(52.37339);
        assertThat(postcode.get("lon").doubleValue()).isEqualTo(4.89406);
        assertThat(postcode.get("population").intValue()).isEqualTo(8_545);
        assertThat(postcode.get("populationYear").intValue()).isEqualTo(2021);
    }

    @Test
    void rejectsMalformedPostcodesAndReportsUnknownOnes() throws Exception {
        assertThat(get("/api/v1/postcodes/12").statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> controller.postcode("12"))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> assertThat(e.getReason()).isEqualTo(
                        "postcode '12' is not a Dutch postcode: expected 4 digits (1000 to 9999), "
                                + "optionally followed by 2 letters, as in 1012 or 1012 AB"));
        assertThat(get("/api/v1/postcodes/ABCD").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/postcodes/1012ABC").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/postcodes/1000").statusCode()).isEqualTo(404);
    }

    @Test
    void locatesCoordinates() throws Exception {
        JsonNode location = getJson("/api/v1/locations?lat=52.3731&lon=4.8922");

        assertThat(location.get("municipality").asString()).isEqualTo("GM0363");
        assertThat(location.get("municipalityName").asString()).isEqualTo("Amsterdam");
        assertThat(location.get("region").asString()).isEqualTo("VR13");
        assertThat(location.get("regionName").asString()).isEqualTo("Amsterdam-Amstelland");
        assertThat(get("/api/v1/locations?lat=52.6&lon=4.0").statusCode()).as("North Sea").isEqualTo(404);
        assertThat(get("/api/v1/locations?lat=95&lon=4.0").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/locations?lat=52&lon=181").statusCode()).isEqualTo(400);
    }

    @Test
    void documentsTheEndpointsInOpenApi() throws Exception {
        JsonNode paths = getJson("/api/v1/openapi.json").get("paths");

        assertThat(paths.get("/regions").get("get").get("operationId").asString()).isEqualTo("listRegions");
        assertThat(paths.get("/postcodes/{postcode}").get("get").get("operationId").asString()).isEqualTo("getPostcode");
        assertThat(paths.get("/locations").get("get").get("operationId").asString()).isEqualTo("locate");
        assertThat(paths.get("/municipalities/boundaries").get("get").get("tags").get(0).asString()).isEqualTo("Areas");
    }
}
