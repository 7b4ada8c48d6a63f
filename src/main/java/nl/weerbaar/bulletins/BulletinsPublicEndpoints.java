package nl.weerbaar.bulletins;

import java.util.List;
import nl.weerbaar.system.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Published bulletins, their feeds and the keys to check them are public; so is checking a bulletin. */
@Component
class BulletinsPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> reads() {
        return List.of("/api/v1/bulletins", "/api/v1/bulletins/**", "/api/v1/organisations/*/keys",
                "/api/v1/areas/*/bulletins.atom");
    }

    @Override
    public List<String> checks() {
        return List.of("/api/v1/verification");
    }
}
