package nl.weerbaar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command in the README's command table, run as a user runs it: {@code ./weerbaar COMMAND --data DIR}
 * on a fresh data folder, the packaged application behind the launcher script. A command added to the README
 * without a case here fails the test. ({@code serve} is {@link CrashRecoveryIT}'s; {@code test} is this run.)
 */
class ReadmeCommandsIT {

    private static final Path README = Path.of("README.md");
    private static final Set<String> COVERED_ELSEWHERE = Set.of("serve", "test");
    private static final Pattern COMMAND_ROW = Pattern.compile("^\\| `\\./weerbaar ([^`]*)`");

    @TempDir
    Path work;

    @Test
    void everyCommandInTheReadmeRunsAsDocumented() throws Exception {
        Path data = work.resolve("data");
        Set<String> exercised = new LinkedHashSet<>(COVERED_ELSEWHERE);

        // As after the README's `serve`: the jar the suite packaged gets its fast start, and every command below uses it.
        Result build = weerbaar("build");
        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("Weerbaar is up to date").doesNotContain("could not prepare the fast start");
        assertThat(Path.of("target/fast-start/stamp")).exists();
        exercised.add("build");

        Result help = weerbaar("help", "--data", data.toString());
        assertThat(help.exit()).as(help.output()).isZero();
        for (String command : readmeCommands()) {
            assertThat(help.output()).as("help lists %s", command).contains("  " + command + " ");
        }
        exercised.add("help");

        Result user = weerbaar("user", "add", "--username", "readme-viewer", "--organisation", "GM0363", "--role", "viewer",
                "--data", data.toString());
        assertThat(user.exit()).as(user.output()).isZero();
        assertThat(user.output()).contains("Created user readme-viewer: viewer of GM0363");
        exercised.add("user add");

        Result disable = weerbaar("user", "disable", "readme-viewer", "--data", data.toString());
        assertThat(disable.exit()).as(disable.output()).isZero();
        assertThat(disable.output()).contains("User readme-viewer is disabled");
        exercised.add("user disable");

        Result enable = weerbaar("user", "enable", "readme-viewer", "--data", data.toString());
        assertThat(enable.exit()).as(enable.output()).isZero();
        assertThat(enable.output()).contains("User readme-viewer is enabled");
        Result unknown = weerbaar("user", "enable", "no-such-user", "--data", data.toString());
        assertThat(unknown.exit()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("no user with username 'no-such-user'");
        exercised.add("user enable");

        Result rotate = weerbaar("keys", "rotate", "GM0363", "--data", data.toString());
        assertThat(rotate.exit()).as(rotate.output()).isZero();
        assertThat(rotate.output()).contains("New signing key", "GM0363");
        exercised.add("keys rotate");

        Path keySet = work.resolve("keyset.json");
        Result export = weerbaar("keys", "export", keySet.toString(), "--data", data.toString());
        assertThat(export.exit()).as(export.output()).isZero();
        assertThat(Files.readString(keySet)).contains("\"keys\"", "GM0363");
        exercised.add("keys export");

        Path unsigned = Path.of("src/test/resources/cap-examples/oasis-cap12-appendixA2-severe-thunderstorm.xml");
        Result verify = weerbaar("verify", unsigned.toString(), "--data", data.toString());
        Result verifyOffline = weerbaar("verify", unsigned.toString(), "--keys", keySet.toString());
        for (Result verdict : List.of(verify, verifyOffline)) {
            assertThat(verdict.exit()).as("an unsigned message is not genuine: %s", verdict.output()).isEqualTo(1);
            assertThat(verdict.output()).doesNotContain("GENUINE", "Exception");
        }
        exercised.add("verify");

        Result demo = weerbaar("demo", "load", "--data", data.toString());
        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Loaded the demo network", "Loaded the demo stock");
        exercised.add("demo load");

        Path site = work.resolve("site");
        Result staticSite = weerbaar("export", "static", site.toString(), "--data", data.toString());
        assertThat(staticSite.exit()).as(staticSite.output()).isZero();
        assertThat(site.resolve("index.html")).exists();
        exercised.add("export static");

        Path reports = work.resolve("reports");
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples/scenarios"))) {
            examples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Path example : examples) {
            Result plan = weerbaar("scenario", "run", example.toString(), "--out", reports.toString(), "--data", data.toString());
            assertThat(plan.exit()).as("%s: %s", example, plan.output()).isZero();
            assertThat(plan.output()).as(example.toString()).contains("Solver:", "Wrote ").doesNotContain("Exception");
        }
        try (Stream<Path> written = Files.list(reports)) {
            assertThat(written.map(f -> f.getFileName().toString()))
                    .filteredOn(n -> n.endsWith(".csv") || n.endsWith(".pdf")).hasSize(2 * examples.size());
        }
        exercised.add("scenario run");

        Result routes = weerbaar("scenario", "routes", "examples/scenarios/blackout-72h-vr13.json", "--day", "1", "--seconds", "1",
                "--out", reports.toString(), "--data", data.toString());
        assertThat(routes.exit()).as(routes.output()).isZero();
        assertThat(routes.output()).contains("lower bound", "nearest neighbour", "wrote ").doesNotContain("Exception");
        exercised.add("scenario routes");

        Result audit = weerbaar("audit", "verify", "--data", data.toString());
        assertThat(audit.exit()).as(audit.output()).isZero();
        assertThat(audit.output()).contains("Audit trail intact");
        Path head = data.resolve("tree-head.json");
        Result saved = weerbaar("audit", "verify", "--save-head", head.toString(), "--data", data.toString());
        assertThat(saved.exit()).as(saved.output()).isZero();
        Result extended = weerbaar("audit", "verify", "--head", head.toString(), "--data", data.toString());
        assertThat(extended.exit()).as(extended.output()).isZero();
        assertThat(extended.output()).contains("extends the saved tree head");
        exercised.add("audit verify");

        Result check = weerbaar("check", "--data", data.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("OK     audit trail: intact", "OK     stock balances: all", "Every check holds.");
        exercised.add("check");

        Path backupFile = work.resolve("weerbaar.backup");
        Result backup = weerbaar("backup", backupFile.toString(), "--data", data.toString());
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("from one snapshot", "Backup complete: ");
        exercised.add("backup");

        Path restored = work.resolve("restored");
        Result withoutKey = weerbaar("restore", backupFile.toString(), "--data", restored.toString());
        assertThat(withoutKey.exit()).as(withoutKey.output()).isEqualTo(2);
        assertThat(withoutKey.output()).contains("a backup holds no master key");
        Files.createDirectories(restored.resolve("keys"));
        Files.copy(data.resolve("keys/master.key"), restored.resolve("keys/master.key"));
        Result restore = weerbaar("restore", backupFile.toString(), "--data", restored.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("every table has the rows the backup counted", "Every check holds.").doesNotContain(" INFO ");
        exercised.add("restore");

        Path newMasterKey = work.resolve("new-master.key");
        Result rotateMaster = weerbaar("keys", "rotate-master", "--new-key-file", newMasterKey.toString(), "--data", data.toString());
        assertThat(rotateMaster.exit()).as(rotateMaster.output()).isZero();
        assertThat(rotateMaster.output()).contains("Made a new master key in", "Re-encrypted", "The new key replaced");
        assertThat(Files.readString(data.resolve("keys/master.key"))).isEqualTo(Files.readString(newMasterKey).trim());
        Result rotateAfter = weerbaar("keys", "rotate", "GM0363", "--data", data.toString());
        assertThat(rotateAfter.exit()).as("signing keys open under the new master key: %s", rotateAfter.output()).isZero();
        exercised.add("keys rotate-master");

        assertThat(exercised).as("commands with a case here").containsAll(readmeCommands());
    }

    /** The words of each command in the README's command-line table: "user add" for "./weerbaar user add --username U …". */
    static List<String> readmeCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Command line");
                continue;
            }
            Matcher row = COMMAND_ROW.matcher(line);
            if (inSection && row.find()) {
                List<String> words = new ArrayList<>();
                for (String word : row.group(1).split(" ")) {
                    if (!word.matches("[a-z][a-z-]*")) {
                        break;
                    }
                    words.add(word);
                }
                commands.add(String.join(" ", words));
            }
        }
        assertThat(commands).as("commands in the README's command table").hasSizeGreaterThanOrEqualTo(10);
        return commands;
    }

    record Result(int exit, String output) {}

    /** Runs the launcher script as a user types it, without the suite's database settings. */
    private Result weerbaar(String... words) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of(Path.of("weerbaar").toAbsolutePath().toString()));
        commandLine.addAll(List.of(words));
        Path log = Files.createTempFile(work, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WEERBAAR_") && !name.equals(ApplicationClock.ENVIRONMENT_VARIABLE));
        // A shifted clock starts again at its moment in every new process: each command starts where this
        // run's clock is now, so time never runs back between commands (a tree head signed before its key).
        builder.environment().computeIfPresent(ApplicationClock.ENVIRONMENT_VARIABLE,
                (name, moment) -> ApplicationClock.fromEnvironment().instant().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", words) + " did not finish within 5 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).as("%s runs with the fast start made by build", String.join(" ", words))
                .doesNotContain("no fast-start cache");
        return new Result(process.exitValue(), output);
    }
}
