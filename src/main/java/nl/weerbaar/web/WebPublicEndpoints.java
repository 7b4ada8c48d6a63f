package nl.weerbaar.web;

import java.util.List;
import nl.weerbaar.system.PublicEndpoints;
import org.springframework.stereotype.Component;

/** The API description is public. */
@Component
class WebPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> reads() {
        return List.of("/api/v1/openapi.json");
    }
}
