package nl.weerbaar.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.weerbaar.support.IntegrationTest;
import nl.weerbaar.support.TimeDependent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log against someone with direct database access: each kind of tampering is found by
 * {@code audit verify}. While tampering, the test holds the sequencer's lease, as a second
 * sequencer would, so the application's own sequencer does not build on the forged state.
 */
@IntegrationTest
@TimeDependent
class AuditTrailTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditLogVerifier verifier;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditVerifyCommand verifyCommand;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditSequencingLag lag;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Clock clock;
    @TempDir
    Path temp;

    private long recordTestEntry(String entityId) {
        transaction.executeWithoutResult(status -> audit.record(Actor.SYSTEM,
                new AuditTrail.Change("test.recorded", "test", entityId, "GM0363", null, Map.of("value", entityId))));
        return jdbc.sql("select max(seq) from audit_entry where entity_id = :id").param("id", entityId).query(Long.class).single();
    }

    private long recordAndSequence(String entityId) {
        long seq = recordTestEntry(entityId);
        sequenceEverything();
        return seq;
    }

    private void sequenceEverything() {
        for (int round = 0; round < 200; round++) {
            if (sequencer.sequence().leaseHeld()
                    && jdbc.sql("select count(*) from audit_pending").query(Long.class).single() == 0) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the sequencer did not catch up");
    }

    @Test
    void anEditedEntryIsFoundByItsLeafHash() throws Exception {
        long edited = recordAndSequence("edited-" + UUID.randomUUID());
        assertIntact();
        String original = jdbc.sql("select after::text from audit_entry where seq = :seq").param("seq", edited).query(String.class).single();
        try (SequencerLease lease = holdSequencerLease()) {
            try {
                tamper("update audit_entry set after = '{\"value\": 1000}' where seq = " + edited);
                AuditLogVerifier.Problem problem = firstProblem();
                assertThat(problem.seq()).isEqualTo(edited);
                assertThat(problem.problem()).contains("altered");
                assertThat(runVerify()).startsWith("1:").contains("BROKEN").contains("entry " + edited + " ");
            } finally {
                tamper("update audit_entry set after = '" + original + "' where seq = " + edited);
            }
        }
        assertIntact();
    }

    @Test
    void aDeletedEntryIsReportedAsMissing() {
        long removed = recordTestEntry("deleted-" + UUID.randomUUID());
        recordAndSequence("after-deleted-" + UUID.randomUUID());
        stash("removed_entry", "select * from audit_entry where seq = " + removed);
        try (SequencerLease lease = holdSequencerLease()) {
            try {
                tamper("delete from audit_entry where seq = " + removed);
                AuditLogVerifier.Problem problem = firstProblem();
                assertThat(problem.seq()).isEqualTo(removed);
                assertThat(problem.problem()).contains("missing");
            } finally {
                tamper("insert into audit_entry select * from test_stash_removed_entry");
            }
        }
        assertIntact();
    }

    @Test
    void anEntryInsertedInThePastChangesTheSignedRoot() {
        recordTestEntry("before-insertion-" + UUID.randomUUID());
        recordAndSequence("after-insertion-" + UUID.randomUUID());
        long size = leafCount();
        long at = size - 1;
        stash("moved_leaf", "select * from audit_leaf where leaf_index >= " + at);
        long forged = jdbc.sql("select nextval('audit_entry_seq')").query(Long.class).single();
        try (SequencerLease lease = holdSequencerLease()) {
            try {
                // A forged entry with a correct leaf hash slips in at leaf size - 1; the last real
                // leaf goes back to the queue, so the size still matches the signed head.
                tamper("""
                        insert into audit_entry (seq, at, actor, organisation, area_code, action, entity_type, entity_id, leaf_hash)
                        select %d, at, 'mallory', 'NL', 'NL', 'user.created', 'user', 'mallory', audit_entry_leaf_hash(
                               %d, at, 'mallory', 'NL', 'NL', 'user.created', 'user', 'mallory', null, null, null)
                        from audit_entry where seq = (select seq from test_stash_moved_leaf)""".formatted(forged, forged));
                tamper("delete from audit_leaf where leaf_index >= " + at);
                tamper("insert into audit_leaf (leaf_index, seq) values (" + at + ", " + forged + ")");
                tamper("insert into audit_pending select seq from test_stash_moved_leaf");
                assertThat(leafCount()).isEqualTo(size);
                assertThat(firstProblem().problem()).contains("root of the signed tree head");
            } finally {
                tamper("delete from audit_pending where seq in (select seq from test_stash_moved_leaf)");
                tamper("delete from audit_leaf where leaf_index >= " + at);
                tamper("insert into audit_leaf select * from test_stash_moved_leaf");
                tamper("delete from audit_entry where seq = " + forged);
            }
        }
        assertIntact();
    }

    @Test
    void aTruncatedLogIsFoundAgainstAHeadSavedEarlier() throws Exception {
        recordAndSequence("kept-" + UUID.randomUUID());
        long keptSize = leafCount();
        recordTestEntry("cut-" + UUID.randomUUID());
        recordAndSequence("cut-" + UUID.randomUUID());
        Path savedHead = temp.resolve("head.json");
        assertThat(runVerify("--save-head", savedHead.toString())).startsWith("0:");
        assertThat(Files.readString(savedHead)).contains("\"treeSize\":" + leafCount());
        assertThat(runVerify("--head", savedHead.toString())).startsWith("0:").contains("extends the saved tree head");

        stash("cut_leaf", "select * from audit_leaf where leaf_index >= " + keptSize);
        stash("cut_entry", "select * from audit_entry where seq in (select seq from test_stash_cut_leaf)");
        stash("cut_head", "select * from audit_tree_head where tree_size > " + keptSize);
        try (SequencerLease lease = holdSequencerLease()) {
            try {
                tamper("delete from audit_tree_head where tree_size > " + keptSize);
                tamper("delete from audit_entry where seq in (select seq from test_stash_cut_leaf)");
                tamper("delete from audit_leaf where leaf_index >= " + keptSize);
                // Cut back to an earlier signed head, the log holds together in itself ...
                assertIntact();
                // ... but not against the head a reader kept.
                assertThat(runVerify("--head", savedHead.toString())).startsWith("1:").contains("cut off");
            } finally {
                tamper("insert into audit_leaf select * from test_stash_cut_leaf");
                tamper("insert into audit_entry select * from test_stash_cut_entry");
                tamper("insert into audit_tree_head select * from test_stash_cut_head");
            }
        }
        assertIntact();
        assertThat(runVerify("--head", savedHead.toString())).startsWith("0:");
    }

    @Test
    void aSavedHeadThatWasNotSignedIsRefused() throws Exception {
        recordAndSequence("forged-head-" + UUID.randomUUID());
        Path head = temp.resolve("forged.json");
        runVerify("--save-head", head.toString());
        String json = Files.readString(head);
        String root = json.replaceAll(".*\"rootHash\":\"([^\"]+)\".*", "$1");
        Files.writeString(head, json.replace(root, java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertThat(runVerify("--head", head.toString())).startsWith("1:").contains("not signed by a national key");
    }

    @Test
    void anEntryIsTimedByTheApplicationClockAndTheLogHolds() {
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = recordAndSequence("timed-" + UUID.randomUUID());
        Instant after = clock.instant();

        Instant at = jdbc.sql("select at from audit_entry where seq = :seq").param("seq", seq).query(Timestamp.class).single()
                .toInstant();
        assertThat(at).isBetween(before, after);
        assertIntact();
    }

    /** Called once per entry instead, the two functions took a quarter of a large import's time in the database. */
    @Test
    void theLeafHashIsWorkedOutInTheStatementNotCalledPerEntry() {
        String plan = String.join("\n", jdbc.sql("""
                explain (verbose) select audit_entry_leaf_hash(seq, at, actor, organisation, area_code, action, entity_type,
                                                               entity_id, before, after, request_id)
                from audit_entry""").query(String.class).list());

        assertThat(plan).contains("sha256(").contains("jsonb_build_array(")
                .doesNotContain("audit_entry_leaf_hash(").doesNotContain("audit_entry_canonical(");
    }

    @Test
    void theDatabaseRefusesToChangeTheLog() {
        recordAndSequence("refused-" + UUID.randomUUID());
        for (String statement : List.of("update audit_entry set actor = 'mallory'", "delete from audit_entry",
                "update audit_leaf set seq = seq + 1", "delete from audit_leaf", "delete from audit_tree_node",
                "update audit_tree_head set tree_size = 0", "truncate audit_tree_head")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement).hasMessageContaining("append-only");
        }
    }

    @Test
    void concurrentWritersAreEachSequencedExactlyOnce() throws Exception {
        String run = "concurrent-" + UUID.randomUUID();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writers = IntStream.range(0, 8)
                    .<Future<?>>mapToObj(w -> pool.submit(() -> IntStream.range(0, 50).forEach(i ->
                            transaction.executeWithoutResult(status -> audit.record(Actor.SYSTEM,
                                    new AuditTrail.Change("test.recorded", "test", run, "GM0363", null, Map.of("writer", w, "i", i)))))))
                    .toList();
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        // The scheduled sequencer alone must catch up: nobody calls it here.
        for (int wait = 0; wait < 300 && sequencedOf(run) < 400; wait++) {
            sleep();
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = :run").param("run", run).query(Long.class).single())
                .isEqualTo(400);
        assertThat(sequencedOf(run)).isEqualTo(400);
        assertThat(jdbc.sql("select count(distinct l.leaf_index) from audit_leaf l join audit_entry e using (seq) where e.entity_id = :run")
                .param("run", run).query(Long.class).single()).isEqualTo(400);
        sequenceEverything();
        assertIntact();
    }

    @Test
    void theSequencersLagIsAMetricAndAHealthDetail() {
        sequenceEverything();
        try (SequencerLease lease = holdSequencerLease()) {
            recordTestEntry("waiting-" + UUID.randomUUID());
            recordTestEntry("waiting-" + UUID.randomUUID());
            assertThat(meters.get("weerbaar.audit.unsequenced.entries").gauge().value()).isEqualTo(2);
            assertThat(meters.get("weerbaar.audit.unsequenced.oldest.age").gauge().value()).isNotNegative();
            assertThat(lag.health().getDetails()).containsEntry("unsequencedEntries", 2L).containsKey("oldestUnsequencedSeconds");
        }
        sequenceEverything();
        assertThat(meters.get("weerbaar.audit.unsequenced.entries").gauge().value()).isZero();
    }

    private long sequencedOf(String run) {
        return jdbc.sql("select count(*) from audit_leaf l join audit_entry e using (seq) where e.entity_id = :run")
                .param("run", run).query(Long.class).single();
    }

    private long leafCount() {
        return jdbc.sql("select count(*) from audit_leaf").query(Long.class).single();
    }

    private void assertIntact() {
        AuditLogVerifier.Verification result = verifier.verify(Optional.empty());
        assertThat(result.intact()).as(result.firstProblem().map(AuditLogVerifier.Problem::problem).orElse("")).isTrue();
    }

    private AuditLogVerifier.Problem firstProblem() {
        AuditLogVerifier.Verification result = verifier.verify(Optional.empty());
        assertThat(result.intact()).isFalse();
        return result.firstProblem().orElseThrow();
    }

    /** The exit code, a colon and what the command printed. */
    private String runVerify(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = verifyCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return exit + ":" + out.toString(StandardCharsets.UTF_8);
    }

    /** Keeps rows aside in a table of their own (not a temporary one: the next statement may run on another connection). */
    private void stash(String name, String select) {
        jdbc.sql("drop table if exists test_stash_" + name).update();
        jdbc.sql("create table test_stash_" + name + " as " + select).update();
    }

    /** Changes rows as someone with direct database access would: past the append-only triggers. */
    private void tamper(String sql) {
        List<String> tables = List.of("audit_entry", "audit_leaf", "audit_tree_head");
        transaction.executeWithoutResult(status -> {
            tables.forEach(t -> jdbc.sql("alter table " + t + " disable trigger user").update());
            jdbc.sql(sql).update();
            tables.forEach(t -> jdbc.sql("alter table " + t + " enable trigger user").update());
        });
    }

    /** A session lock on the lease, on a connection of its own, as a sequencer on another instance would hold it. */
    private SequencerLease holdSequencerLease() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + AuditLogRepository.SEQUENCER_LEASE + ")");
            }
            return new SequencerLease(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SequencerLease(Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            try (Connection c = connection; Statement statement = c.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + AuditLogRepository.SEQUENCER_LEASE + ")");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
