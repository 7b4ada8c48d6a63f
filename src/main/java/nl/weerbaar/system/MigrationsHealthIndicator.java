package nl.weerbaar.system;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: every migration in this release has run. A replica of an older release
 * behind a newer schema is still ready (expand-then-contract keeps it working); one that finds
 * a pending or failed migration is not.
 */
@Component
class MigrationsHealthIndicator implements HealthIndicator {

    private final BriefCache<DatabaseState.Migrations> migrations;

    MigrationsHealthIndicator(DatabaseState database) {
        this.migrations = BriefCache.keeping(Duration.ofSeconds(5), database::migrations);
    }

    @Override
    public Health health() {
        DatabaseState.Migrations state = migrations.get();
        return (state.done() ? Health.up() : Health.outOfService())
                .withDetail("current", state.current())
                .withDetail("pending", state.pending())
                .withDetail("failed", state.failed())
                .build();
    }
}
