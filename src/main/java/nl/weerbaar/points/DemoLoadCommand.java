package nl.weerbaar.points;

import java.io.PrintStream;
import java.util.List;
import nl.weerbaar.system.CliCommand;
import nl.weerbaar.system.DemoDataSet;
import nl.weerbaar.system.RequestId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code ./weerbaar demo load}: the demo network of support points, once; then the other modules' demo data. */
@Component
class DemoLoadCommand implements CliCommand {

    private final DemoNetworkLoader loader;
    private final ObjectProvider<DemoDataSet> demoData;

    DemoLoadCommand(DemoNetworkLoader loader, ObjectProvider<DemoDataSet> demoData) {
        this.loader = loader;
        this.demoData = demoData;
    }

    @Override
    public String name() {
        return "demo load";
    }

    @Override
    public String summary() {
        return "build the demo network of support points on real polling-station buildings, and demo depots and stock "
                + "(once; marked demo)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("weerbaar: demo load takes no arguments, not: " + String.join(" ", args));
            return 2;
        }
        DemoNetworkLoader.Outcome[] outcome = new DemoNetworkLoader.Outcome[1];
        RequestId.runAs("cli-demo-load", () -> outcome[0] = loader.load(out::println));
        if (outcome[0].loaded()) {
            out.printf("Loaded the demo network: %,d support points, %,d of them hubs, all marked demo.%n",
                    outcome[0].points(), outcome[0].hubs());
        } else {
            out.printf("The demo network is loaded already (%,d demo points); nothing changed.%n", outcome[0].points());
        }
        RequestId.runAs("cli-demo-load", () -> demoData.orderedStream()
                .forEach(set -> out.println(set.load(false, out::println).message())));
        return 0;
    }
}
