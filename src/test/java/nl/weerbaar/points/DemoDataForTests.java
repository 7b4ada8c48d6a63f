package nl.weerbaar.points;

import nl.weerbaar.system.DemoDataSet;
import org.springframework.context.ApplicationContext;

/** Loads the demo network and every module's demo data set into a test's database (once; later calls change nothing). */
public final class DemoDataForTests {

    private DemoDataForTests() {}

    public static void load(ApplicationContext context) {
        context.getBean(DemoNetworkLoader.class).load(line -> {});
        context.getBeansOfType(DemoDataSet.class).values().forEach(set -> set.load(false, line -> {}));
    }
}
