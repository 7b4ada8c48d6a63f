package nl.weerbaar.areas;

import java.util.List;
import nl.weerbaar.system.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Reference data is public: regions, municipalities, postcodes and place lookups. */
@Component
class AreasPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> reads() {
        return List.of("/api/v1/regions", "/api/v1/regions/**", "/api/v1/municipalities", "/api/v1/municipalities/**",
                "/api/v1/postcodes/**", "/api/v1/locations");
    }
}
