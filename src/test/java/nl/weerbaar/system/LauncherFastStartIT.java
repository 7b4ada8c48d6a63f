package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's fast start never makes a start fail: without a cache for the jar it starts without
 * one and says so; with a cache the JVM cannot use, the JVM starts without it. Runs the launcher
 * script on a copy of the packaged jar, in a folder of its own so the project's cache is untouched.
 */
class LauncherFastStartIT {

    @TempDir
    Path root;
    private Path jar;

    @BeforeEach
    void copyLauncherAndJar() throws Exception {
        Files.copy(Path.of("weerbaar"), root.resolve("weerbaar")).toFile().setExecutable(true);
        Files.createDirectories(root.resolve("target"));
        jar = Files.copy(Path.of("target", "weerbaar.jar"), root.resolve("target/weerbaar.jar"));
        // Sources older than the jar: the launcher must not try to build.
        Files.createDirectories(root.resolve("src/main"));
        Files.setLastModifiedTime(root.resolve("src/main"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), "<project/>"),
                FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void withoutACacheForTheJarItStartsWithoutOneAndSaysSo() throws Exception {
        Result help = weerbaar();
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: ./weerbaar COMMAND", "note: no fast-start cache for this build");
    }

    @Test
    void aCacheTheJvmCannotUseIsSkippedAndTheStartGoesOn() throws Exception {
        Path fast = root.resolve("target/fast-start");
        Process extract = new ProcessBuilder(javaHome().resolve("bin/java").toString(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", fast.toString()).inheritIO().start();
        assertThat(extract.waitFor()).isZero();
        String cacheName = Runtime.version().feature() >= 25 ? "weerbaar.aot" : "weerbaar.jsa";
        Files.writeString(fast.resolve(cacheName), "not a cache: a JDK update or a torn write leaves such a file");
        // The stamp the launcher writes after training: jar size, jar modification time in seconds, JDK.
        Files.writeString(fast.resolve("stamp"), Files.size(jar) + " " + Files.getLastModifiedTime(jar).toInstant().getEpochSecond()
                + " " + javaHome() + "\n");

        Result help = weerbaar();
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: ./weerbaar COMMAND").doesNotContain("no fast-start cache");
    }

    /** The JDK running this test, named to the launcher so the stamp names the same one. */
    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    record Result(int exit, String output) {}

    private Result weerbaar() throws Exception {
        Path log = root.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("weerbaar").toString(), "help", "--data",
                root.resolve("data").toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WEERBAAR_") && !name.equals(ApplicationClock.ENVIRONMENT_VARIABLE));
        builder.environment().put("WEERBAAR_JAVA_HOME", javaHome().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
