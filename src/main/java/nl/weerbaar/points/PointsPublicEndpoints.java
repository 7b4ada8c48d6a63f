package nl.weerbaar.points;

import java.util.List;
import nl.weerbaar.system.PublicEndpoints;
import org.springframework.stereotype.Component;

/**
 * Anyone may find support points (shelters for vulnerable people are left out by the API itself);
 * an SMS gateway reports status with its shared secret, not as a user.
 */
@Component
class PointsPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> reads() {
        return List.of("/api/v1/support-points", "/api/v1/support-points/**");
    }

    @Override
    public List<String> selfAuthenticatedWrites() {
        return List.of("/api/v1/sms/inbound");
    }
}
