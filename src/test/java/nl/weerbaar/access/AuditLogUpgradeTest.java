package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.weerbaar.support.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A database with a hash-chained trail from before the log: its entries stay, and enter the log first, in their order. */
@IntegrationTest
class AuditLogUpgradeTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void existingEntriesAreKeptAndQueuedInTheirOldOrder() {
        String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            migrate(schema, "60");
            for (long seq = 1; seq <= 3; seq++) {
                jdbc.sql("""
                        insert into %1$s.audit_entry (seq, at, actor, action, entity_type, entity_id, after, prev_hash, hash)
                        values (%2$d, timestamptz '2026-11-30 10:00:00+00' + %2$d * interval '1 minute', 'system', 'user.created',
                                'user', 'old-%2$d', '{"n": %2$d}', repeat('0', 64), 'chained-%2$d')""".formatted(schema, seq)).update();
            }
            migrate(schema, "latest");

            assertThat(jdbc.sql("select entity_id from " + schema + ".audit_entry order by seq").query(String.class).list())
                    .containsExactly("old-1", "old-2", "old-3");
            assertThat(jdbc.sql("select seq from " + schema + ".audit_pending order by seq").query(Long.class).list())
                    .containsExactly(1L, 2L, 3L);
            List<Boolean> hashesHold = jdbc.sql("""
                    select leaf_hash = audit_entry_leaf_hash(seq, at, actor, organisation, area_code, action, entity_type,
                                                             entity_id, before, after, request_id)
                    from %s.audit_entry order by seq""".formatted(schema)).query(Boolean.class).list();
            assertThat(hashesHold).containsExactly(true, true, true);
            assertThat(jdbc.sql("select nextval('" + schema + ".audit_entry_seq')").query(Long.class).single()).isEqualTo(4);
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration").target(target)
                .load().migrate();
    }
}
