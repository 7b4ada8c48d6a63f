package nl.weerbaar.system;

import java.util.function.Consumer;

/**
 * Demo data of a module that belongs with the demo network of support points, such as demo depots
 * and their stock. The points module loads every set right after its network: on the first
 * {@code serve} (unless {@code weerbaar.demo.load-on-first-start=false}) and by
 * {@code ./weerbaar demo load}. A set is generated, marked demo wherever it shows, and loaded once.
 * Modules contribute sets as beans, so the points module needs to know none of them.
 */
public interface DemoDataSet {

    /** What a load did, and one line that says so (what it loaded, or why it changed nothing). */
    record Outcome(boolean loaded, String message) {}

    /**
     * Loads the set unless it is there already, in its own transaction, audited.
     *
     * @param firstStart the first start of a demo installation: load only when the module never held
     *                   data of its own, so demo data is never mixed into real data
     * @param progress   lines for the log or the terminal while it loads
     */
    Outcome load(boolean firstStart, Consumer<String> progress);
}
