package nl.weerbaar.areas;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: the reference data every answer about a place needs is loaded. {@link Areas}
 * loads it while the application starts, so this reads memory, not the database.
 */
@Component
class ReferenceDataHealthIndicator implements HealthIndicator {

    private final Areas areas;

    ReferenceDataHealthIndicator(Areas areas) {
        this.areas = areas;
    }

    @Override
    public Health health() {
        int regions = areas.regions().size();
        int municipalities = areas.municipalities().size();
        int postcodes = areas.postcodeAreas().size();
        return (regions > 0 && municipalities > 0 && postcodes > 0 ? Health.up() : Health.outOfService())
                .withDetail("regions", regions)
                .withDetail("municipalities", municipalities)
                .withDetail("postcodeAreas", postcodes)
                .build();
    }
}
