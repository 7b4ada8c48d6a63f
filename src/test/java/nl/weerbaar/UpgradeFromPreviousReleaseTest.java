package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import nl.weerbaar.access.AuditLogVerifier;
import nl.weerbaar.access.SignedTreeHead;
import nl.weerbaar.support.ApiClient;
import nl.weerbaar.support.TimeDependent;
import nl.weerbaar.system.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database as the previous release (main at 5d26763) left it, with data in every module
 * ({@code upgrade/previous-release.sql.gz}, see its README), is taken over by the current
 * application: its Flyway migrates it on start exactly as on a deployed server, and the data,
 * the audit log, the signing keys and the previous release's read statements all survive.
 *
 * <p>Its own embedded PostgreSQL, also when the suite runs against a server: restoring needs a
 * database of its own. Time-dependent because the application that takes over rotates keys and
 * expires what is old by its clock.
 */
@TimeDependent
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeFromPreviousReleaseTest {

    /** The fixture's master key (fixture only): it encrypts the previous release's private signing keys. */
    static final String FIXTURE_MASTER_KEY = "dXBncmFkZS1maXh0dXJlLW1hc3Rlci1rZXktMDAwMSE=";
    static final String FIXTURE_BULLETIN = "96045772-c43e-4b68-a00c-564a6059346c";

    EmbeddedPostgresServer postgres;
    ConfigurableApplicationContext application;
    JdbcClient jdbc;
    Map<String, Long> rowsBefore;
    SignedTreeHead headBefore;
    String capBefore;
    List<PreviousReleaseReads.Read> reads;
    Map<PreviousReleaseReads.Read, PreviousReleaseReads.Answer> readsBefore;

    @BeforeAll
    void restoreThePreviousReleaseAndStartTheCurrentOne(@TempDir Path folder) throws Exception {
        postgres = EmbeddedPostgresServer.open(folder.resolve("db"), true);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(fixture());
        }
        try (Connection connection = connect()) {
            JdbcClient old = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(old.sql("select max(version::int) from flyway_schema_history").query(Integer.class).single())
                    .as("the fixture is the previous release's schema").isEqualTo(95);
            rowsBefore = rowCounts(old);
            headBefore = old.sql("select * from audit_tree_head order by tree_size desc limit 1")
                    .query((rs, n) -> new SignedTreeHead(rs.getLong("tree_size"), rs.getBytes("root_hash"),
                            rs.getTimestamp("at").toInstant(), rs.getString("key_id"), rs.getBytes("signature")))
                    .single();
            capBefore = old.sql("select cap_xml from bulletin where id = cast(:id as uuid)").param("id", FIXTURE_BULLETIN)
                    .query(String.class).single();
            reads = PreviousReleaseReads.load();
            readsBefore = PreviousReleaseReads.run(connection, reads);
        }
        // Command-line arguments, so that they win over a WEERBAAR_DB_URL the suite may run with.
        application = new SpringApplicationBuilder(WeerbaarApplication.class).profiles("test").run(
                "--weerbaar.db.url=" + postgres.jdbcUrl(), "--weerbaar.db.user=" + postgres.user(), "--weerbaar.db.password=",
                "--weerbaar.master-key=" + FIXTURE_MASTER_KEY, "--weerbaar.master-key-file=", "--server.port=0",
                "--weerbaar.data-dir=" + folder.resolve("data"));
        jdbc = application.getBean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyMigrationOfTheCurrentReleaseRanOnTopOfThePreviousOnes() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single()).isZero();
        List<String> versions = jdbc.sql("select version from flyway_schema_history where version is not null order by installed_rank")
                .query(String.class).list();
        assertThat(versions).startsWith("1", "2", "3", "4", "10").contains("95");
        assertThat(versions.size()).as("migrations after the previous release's V95").isGreaterThan(21);
    }

    @Test
    void noRowOfAnyTableIsLost() {
        Map<String, Long> after = rowCounts(jdbc);
        List<String> lost = new ArrayList<>();
        rowsBefore.forEach((table, rows) -> {
            if (!after.containsKey(table) || after.get(table) < rows) {
                lost.add(table + ": " + rows + " before, " + after.get(table) + " after");
            }
        });
        assertThat(lost).isEmpty();
        assertThat(rowsBefore).containsEntry("support_point", 9563L).containsEntry("depot", 69L).containsKey("household_kit_count");
    }

    @Test
    void theDataOfEveryModuleReadsAsBefore() {
        // points: the statuses set, with their history
        assertThat(jdbc.sql("select status || ' ' || occupancy from support_point where id = 2998").query(String.class).single())
                .isEqualTo("full 80");
        assertThat(jdbc.sql("select count(*) from support_point_status where point_id in (2998, 2999, 3000)").query(Long.class).single())
                .isEqualTo(6);
        // stock: the ledger and its balances, and every balance still equals its events
        assertThat(jdbc.sql("""
                select b.quantity from stock_balance b join stock_lot l on l.id = b.lot_id
                where l.lot_number = 'UPG-2026-1' order by b.depot_id""").query(Long.class).list()).containsExactly(280L, 100L);
        assertThat(jdbc.sql("""
                select count(*) from stock_balance b
                where b.quantity <> (select coalesce(sum(e.quantity), 0) from stock_event e
                                     where e.depot_id = b.depot_id and e.lot_id = b.lot_id)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select support_point_id from depot where id = 69").query(Long.class).single()).isEqualTo(9563);
        // bulletins: the signed message byte for byte, the claim that it rebuts
        assertThat(jdbc.sql("select cap_xml from bulletin where id = cast(:id as uuid)").param("id", FIXTURE_BULLETIN)
                .query(String.class).single()).isEqualTo(capBefore);
        assertThat(jdbc.sql("select rebuttal_bulletin_id::text from claim").query(String.class).single()).isEqualTo(FIXTURE_BULLETIN);
        // funding, planning, household, access
        assertThat(jdbc.sql("select status from funding_allocation where id = 1").query(String.class).single()).isEqualTo("adopted");
        assertThat(jdbc.sql("select count(*) from funding_region_budget where allocation_id = 1").query(Long.class).single()).isEqualTo(25);
        assertThat(jdbc.sql("select status from planning_run where id = 1").query(String.class).single()).isEqualTo("done");
        assertThat(jdbc.sql("select sum(kits) from household_kit_count").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select enabled from user_account where username = 'leaver-ams'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from idempotent_request").query(Long.class).single()).isPositive();
    }

    @Test
    void theAuditLogIsIntactAndStillExtendsTheHeadSignedBeforeTheUpgrade() {
        AuditLogVerifier.Verification verification = application.getBean(AuditLogVerifier.class).verify(Optional.of(headBefore));
        assertThat(verification.firstProblem()).isEmpty();
        assertThat(verification.treeSize()).isGreaterThanOrEqualTo(headBefore.treeSize());
        assertThat(verification.entries()).isGreaterThanOrEqualTo(rowsBefore.get("audit_entry"));
    }

    @Test
    void thePreviousReleasesReadStatementsStillRunAndAnswerAlike() throws SQLException {
        assertThat(reads).hasSizeGreaterThan(40);
        List<String> broken = new ArrayList<>();
        readsBefore.forEach((read, answer) -> {
            if (answer.error() != null) {
                broken.add("fails on the previous release's own schema (a fixture defect): " + read.firstLine() + ": " + answer.error());
            }
        });
        try (Connection connection = connect()) {
            PreviousReleaseReads.run(connection, reads).forEach((read, after) -> {
                PreviousReleaseReads.Answer before = readsBefore.get(read);
                if (after.error() != null) {
                    broken.add(read.firstLine() + ": " + after.error());
                } else if (!after.columns().containsAll(before.columns())) {
                    List<String> gone = new ArrayList<>(before.columns());
                    gone.removeAll(after.columns());
                    broken.add(read.firstLine() + ": no longer answers the columns " + gone);
                } else if (after.rows() < before.rows()) {
                    broken.add(read.firstLine() + ": " + before.rows() + " rows became " + after.rows());
                }
            });
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aBulletinIsSignedWithThePreviousReleasesKeysAndTheLogStaysIntact() throws InterruptedException {
        ApiClient api = new ApiClient(((WebServerApplicationContext) application).getWebServer().getPort());
        String author = api.token("coord-ams-1", "upgrade-fixture-coord-ams-1");
        String approver = api.token("coord-ams-2", "upgrade-fixture-coord-ams-2");
        Instant now = application.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response draft = api.post("/api/v1/bulletins", author, """
                {"area": "GM0363", "kind": "update", "event": "Drinkwaterstoring (demo)", "category": "Infra",
                 "urgency": "Expected", "severity": "Moderate", "certainty": "Observed",
                 "headline": "Drinkwater na de upgrade (demo)", "description": "Na de upgrade getekend.",
                 "effective": "%s", "expires": "%s", "references": "%s"}""".formatted(
                now, now.plus(Duration.ofDays(7)), FIXTURE_BULLETIN));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        String etag = api.get("/api/v1/bulletins/" + id, approver).header("ETag");
        assertThat(api.sendIfMatch("POST", "/api/v1/bulletins/" + id + "/approval", approver, "", etag).status()).isEqualTo(200);
        ApiClient.Response published = api.post("/api/v1/bulletins/" + id + "/publication", author, "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        waitUntilSequenced();
        AuditLogVerifier.Verification verification = application.getBean(AuditLogVerifier.class).verify(Optional.of(headBefore));
        assertThat(verification.firstProblem()).isEmpty();
        assertThat(verification.treeSize()).isGreaterThan(headBefore.treeSize());
    }

    private void waitUntilSequenced() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from audit_pending").query(Long.class).single() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private Connection connect() throws SQLException {
        // The simple protocol sends the fixture's thousand statements as one message instead of one round trip each.
        return DriverManager.getConnection(postgres.jdbcUrl() + "?preferQueryMode=simple", postgres.user(), "");
    }

    private static Map<String, Long> rowCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by 1").query(String.class).list()) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static String fixture() throws IOException {
        try (InputStream in = new GZIPInputStream(UpgradeFromPreviousReleaseTest.class.getResourceAsStream("/upgrade/previous-release.sql.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
