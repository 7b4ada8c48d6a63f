package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@TimeDependent
class AuditTrailTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifyCommand verifyCommand;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Clock clock;

    private long recordTestEntry(int value) {
        transaction.executeWithoutResult(status -> audit.record(Actor.SYSTEM,
                new AuditTrail.Change("test.recorded", "test", "entry-" + value, "GM0363", null, Map.of("value", value))));
        return jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
    }

    @Test
    void anEditedEntryBreaksTheChainExactlyThere() throws Exception {
        long first = recordTestEntry(1);
        recordTestEntry(2);
        assertThat(audit.verify().intact()).isTrue();

        String original = jdbc.sql("select after::text from audit_entry where seq = :seq").param("seq", first).query(String.class).single();
        tamper("update audit_entry set after = '{\"value\": 1000}' where seq = " + first);
        try {
            AuditTrail.Verification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().orElseThrow().seq()).isEqualTo(first);
            assertThat(result.firstBroken().orElseThrow().problem()).contains("altered");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = verifyCommand.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry " + first);
        } finally {
            tamper("update audit_entry set after = '" + original + "' where seq = " + first);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryIsReportedAsMissing() {
        long removed = recordTestEntry(3);
        recordTestEntry(4);
        jdbc.sql("create temporary table removed_entry as select * from audit_entry where seq = " + removed).update();
        tamper("delete from audit_entry where seq = " + removed);
        try {
            AuditTrail.Verification result = audit.verify();
            assertThat(result.firstBroken().orElseThrow().seq()).isEqualTo(removed);
            assertThat(result.firstBroken().orElseThrow().problem()).contains("missing");
        } finally {
            tamper("insert into audit_entry select * from removed_entry");
            jdbc.sql("drop table removed_entry").update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEntryIsTimedByTheApplicationClockAndTheChainHolds() {
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = recordTestEntry(6);
        Instant after = clock.instant();

        Instant at = jdbc.sql("select at from audit_entry where seq = :seq").param("seq", seq).query(Timestamp.class).single()
                .toInstant();
        assertThat(at).isBetween(before, after);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEntries() {
        recordTestEntry(5);
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        long before = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writers = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(w -> pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            recordTestEntry(w * 100 + i);
                        }
                    }))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(before + 200);
        AuditTrail.Verification result = audit.verify();
        assertThat(result.intact()).as(result.firstBroken().map(AuditTrail.BrokenLink::problem).orElse("")).isTrue();
    }

    /** Changes rows as someone with direct database access would: past the append-only trigger. */
    private void tamper(String sql) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update_or_delete").update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_update_or_delete").update();
        });
    }
}
