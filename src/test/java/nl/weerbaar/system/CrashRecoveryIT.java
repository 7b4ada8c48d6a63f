package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as a user runs it: {@code serve} on the embedded PostgreSQL, killed
 * with SIGKILL after acknowledging writes, then started again on the same data folder.
 */
class CrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "crash-test-admin-password";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path data;
    private Process server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9AndTheOrphanedDatabaseIsTakenOver() throws Exception {
        int port = freePort();
        ApiClient api = new ApiClient(port);
        server = serve(port);
        String admin = api.token("admin", ADMIN_PASSWORD);
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            String username = "crash-user-" + i;
            var response = api.post("/api/v1/users", admin, ApiClient.json(Map.of(
                    "username", username, "password", "crash-user-password", "organisation", "GM0363", "role", "operator")));
            assertThat(response.status()).isEqualTo(201);
            acknowledged.add(username);
        }

        server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, PostgreSQL is orphaned
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("PostgreSQL outlives the killed JVM").isTrue();

        server = serve(port);
        admin = api.token("admin", ADMIN_PASSWORD);
        List<String> users = api.get("/api/v1/users", admin).json().get("items").valueStream()
                .map(u -> u.get("username").asString()).toList();
        assertThat(users).containsAll(acknowledged);
        var chain = api.get("/api/v1/audit/verification", admin).json();
        assertThat(chain.get("intact").asBoolean()).isTrue();
        assertThat(chain.get("entries").asLong()).isGreaterThanOrEqualTo(27);

        // A command while serve runs uses serve's database instead of starting a second one.
        assertThat(command("user", "add", "--username", "cli-user", "--organisation", "gm0363", "--role", "viewer"))
                .contains("Created user cli-user: viewer of GM0363");
        assertThat(api.get("/api/v1/users", admin).body()).contains("cli-user");

        server.destroy(); // SIGTERM: a clean stop also stops PostgreSQL
        assertThat(server.waitFor()).isIn(0, 143);
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped with the application").isFalse();

        // Without serve, a command starts and stops the embedded database itself.
        assertThat(command("audit", "verify")).contains("Audit trail intact");
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();
    }

    /** Runs a command as {@code ./weerbaar} would on this data folder; it must exit 0. */
    private String command(String... words) throws Exception {
        List<String> commandLine = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", jar()));
        commandLine.addAll(List.of(words));
        commandLine.addAll(List.of("--data", data.toString()));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("WEERBAAR_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jar() {
        return Path.of("target", "weerbaar.jar").toAbsolutePath().toString();
    }

    private Process serve(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar(),
                "serve", "--port", String.valueOf(port), "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-serve.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WEERBAAR_"));
        builder.environment().put("WEERBAAR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Instant started = Instant.now();
        Process process = builder.start();
        ApiClient api = new ApiClient(port);
        while (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            assertThat(process.isAlive()).as("serve exited early; see %s", builder.redirectOutput().file()).isTrue();
            try {
                if (api.get("/actuator/health").status() == 200) {
                    System.out.printf("serve answered after %d ms%n", Duration.between(started, Instant.now()).toMillis());
                    return process;
                }
            } catch (RuntimeException notYetListening) {
                // keep polling until the timeout
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve did not become healthy within " + START_TIMEOUT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
