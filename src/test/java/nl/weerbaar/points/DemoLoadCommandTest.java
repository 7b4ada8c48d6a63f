package nl.weerbaar.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.system.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./weerbaar demo load} as a user runs it: its own context without a web server, its own database; the
 * other modules' demo data (the demo stock) follows the network.
 */
class DemoLoadCommandTest {

    @Test
    void loadsTheDemoNetworkWithProgressOnceAndThenChangesNothing(@TempDir Path data) {
        assertThat(run("demo", "load", "--data", data.toString()))
                .contains("Demo network: 9,562 of 9,562 points", "Loaded the demo network: 9,562 support points",
                        "Demo stock: 68 of 68 depots", "Loaded the demo stock: 68 depots");
        assertThat(run("demo", "load", "--data", data.toString())).contains("loaded already (9,562 demo points); nothing changed",
                "The demo stock is loaded already (68 demo depots); nothing changed.");
    }

    /**
     * In the data folder's own embedded database also when the suite runs against a server, whose
     * database the other tests share: the demo network would crowd their points.
     */
    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty("weerbaar.db.url", "");
        try {
            assertThat(Launcher.run(WeerbaarApplication.class, args)).as("exit code").hasValue(0);
        } finally {
            System.clearProperty("weerbaar.db.url");
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
