package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup while the application serves and writes, restore into a new data folder, and every table
 * has the rows it had in the snapshot; the restored database starts and its checks hold.
 */
class BackupRestoreTest {

    private static final String ADMIN_PASSWORD = "backup-test-admin-password";

    @TempDir
    Path work;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : open.reversed()) {
            resource.close();
        }
    }

    @Test
    void aBackupTakenWhileWritingRestoresIntoANewFolderWithEveryTableAsItWas() throws Exception {
        ConfigurableApplicationContext source = start(work.resolve("source"));
        ApiClient api = new ApiClient(Integer.parseInt(source.getEnvironment().getProperty("local.server.port")));
        String admin = api.token("admin", ADMIN_PASSWORD);
        long depot = api.post("/api/v1/depots", admin, ApiClient.json(Map.of("name", "Backup depot", "level", "national",
                "municipality", "GM0363", "lat", 52.37, "lon", 4.89))).json().get("id").asLong();
        String expiry = LocalDate.now(source.getBean(Clock.class)).plusYears(1).toString();
        AtomicInteger receipts = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                ApiClient.Response answer = api.post("/api/v1/stock-events", admin, ApiClient.json(Map.of("type", "receipt",
                        "depot", depot, "item", "drinking-water", "lot", "BACKUP-" + receipts.get() % 3, "expiry", expiry, "quantity", 5)));
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                receipts.incrementAndGet();
            }
        });
        while (receipts.get() < 20) {
            Thread.sleep(20);
        }

        Path file = work.resolve("weerbaar.backup");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BackupArchive.Manifest manifest = new DatabaseBackup(source.getBean(DataSource.class), source.getBean(Clock.class),
                JsonMapper.builder().build()).write(file, new PrintStream(console, true, StandardCharsets.UTF_8));
        writing.set(false);
        writer.join();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("from one snapshot", "stock_event: ");
        assertThat(receipts.get()).as("receipts were written after the snapshot too").isGreaterThan(20);

        Path target = work.resolve("restored");
        ByteArrayOutputStream restoreConsole = new ByteArrayOutputStream();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.open(target, true)) {
            new DatabaseRestore().restore(file, new DatabaseRestore.Target(server.jdbcUrl(), server.user(), null),
                    new PrintStream(restoreConsole, true, StandardCharsets.UTF_8));
            Map<String, Long> restored = rowCounts(JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    server.jdbcUrl(), server.user(), "")));
            Map<String, Long> inBackup = new TreeMap<>();
            manifest.tables().forEach(t -> inBackup.put(t.name(), t.rows()));
            restored.remove(BackupArchive.SCHEMA_HISTORY);
            assertThat(restored).as("every table with the rows of the snapshot").isEqualTo(inBackup);
            assertThat(inBackup.get("stock_event")).isPositive().isLessThan(receipts.get());
            assertThat(inBackup.get("signing_key")).isPositive();
            assertThat(inBackup).containsKeys("audit_entry", "municipality", "support_point");

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThatThrownBy(() -> new DatabaseRestore().restore(file, new DatabaseRestore.Target(server.jdbcUrl(), server.user(), null),
                    new PrintStream(again, true, StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the database is not empty");
        }
        assertThat(restoreConsole.toString(StandardCharsets.UTF_8)).contains("schema: migrating to version", "stock_event: ",
                "every table has the rows the backup counted");

        // The whole source table by table, now that nothing writes: the restored folder has a subset of it, as of the snapshot.
        Map<String, Long> sourceNow = rowCounts(source.getBean(JdbcClient.class));
        assertThat(sourceNow.get("stock_event")).isEqualTo(receipts.get());

        // A backup holds no master key: it is copied apart, as an operator keeps it apart.
        java.nio.file.Files.copy(work.resolve("source/keys/master.key"), java.nio.file.Files.createDirectories(target.resolve("keys")).resolve("master.key"));
        ConfigurableApplicationContext restored = start(target);
        ByteArrayOutputStream checks = new ByteArrayOutputStream();
        int exit = restored.getBean(CheckCommand.class).run(List.of(), new PrintStream(checks, true, StandardCharsets.UTF_8), System.err);
        assertThat(checks.toString(StandardCharsets.UTF_8)).as("exit %d", exit)
                .contains("OK     audit trail: intact", "OK     stock balances: all ", "Every check holds.");
        assertThat(exit).isZero();
        ApiClient restoredApi = new ApiClient(Integer.parseInt(restored.getEnvironment().getProperty("local.server.port")));
        assertThat(restoredApi.token("admin", ADMIN_PASSWORD)).as("the restored users log in").isNotBlank();
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WeerbaarApplication.class).run(
                "--weerbaar.data-dir=" + dataDir, "--server.port=0", "--weerbaar.db.url=", "--weerbaar.master-key-file=",
                "--weerbaar.master-key=", "--weerbaar.admin-password=" + ADMIN_PASSWORD,
                "--weerbaar.demo.load-on-first-start=false", "--logging.level.root=WARN");
        open.add(context);
        return context;
    }

    private static Map<String, Long> rowCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = current_schema()").query(String.class).list()) {
            counts.put(table, jdbc.sql("select count(*) from " + BackupArchive.quoted(table)).query(Long.class).single());
        }
        return counts;
    }
}
