package nl.weerbaar.access;

import java.util.List;
import nl.weerbaar.system.PublicEndpoints;
import org.springframework.stereotype.Component;

/** Anyone may keep the audit log's signed tree head and check that a later one extends it. */
@Component
class AccessPublicEndpoints implements PublicEndpoints {

    @Override
    public List<String> reads() {
        return List.of("/api/v1/audit/tree-head", "/api/v1/audit/consistency-proof");
    }
}
