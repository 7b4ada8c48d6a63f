package nl.weerbaar.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: real PostgreSQL binaries run on a data folder of our own.
 *
 * <p>One process at a time owns a data folder, marked by an OS file lock that dies with its
 * process, also on {@code kill -9}. The PostgreSQL server outlives a killed JVM; the next owner
 * stops that orphan cleanly (smart shutdown, so it checkpoints) before starting its own. A
 * command that runs while another process serves the folder uses that process's server and
 * leaves it running.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, int port) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.port = port;
    }

    /**
     * Opens the server for a data folder.
     *
     * @param exclusive true for {@code serve}: fail when another process already serves the folder
     */
    public static EmbeddedPostgresServer open(Path dataDirectory, boolean exclusive) {
        try {
            Files.createDirectories(dataDirectory);
            Path pgData = dataDirectory.resolve("postgres");
            FileChannel channel = FileChannel.open(dataDirectory.resolve("weerbaar.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                if (exclusive) {
                    throw new IllegalStateException("Another Weerbaar process is serving from " + dataDirectory.toAbsolutePath()
                            + ": stop it first, or pass another --data folder");
                }
                int port = runningServer(pgData).map(RunningServer::port).orElseThrow(() -> new IllegalStateException(
                        "Another Weerbaar process holds " + dataDirectory.toAbsolutePath() + " but its database is not running"));
                log.info("Using the database of the Weerbaar process serving {} (port {})", dataDirectory, port);
                return new EmbeddedPostgresServer(null, null, port);
            }
            stopOrphan(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // Acknowledged means on disk: no asynchronous commit, whatever the defaults.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .start();
            return new EmbeddedPostgresServer(postgres, channel, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record RunningServer(ProcessHandle process, int port) {}

    /** Reads postmaster.pid: line 1 is the server's pid, line 4 its port. */
    private static Optional<RunningServer> runningServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        int port = Integer.parseInt(lines.get(3).trim());
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .map(p -> new RunningServer(p, port));
    }

    private static void stopOrphan(Path pgData) throws IOException {
        Optional<RunningServer> orphan = runningServer(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get().process();
        log.warn("PostgreSQL (pid {}) was left running by a Weerbaar process that ended abruptly; stopping it cleanly",
                process.pid());
        process.destroy(); // SIGTERM: smart shutdown, with a checkpoint
        try {
            process.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") on " + pgData
                    + " did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds() + " s; stop it by hand", e);
        }
    }
}
