package nl.weerbaar.planning;

/** Where a run is, for a progress bar; and whether someone asked to stop it. */
public interface PlanProgress {

    /** {@code done} from 0 to 1; {@code stage} in words, e.g. "Drinking water: solving day 1 to 3". */
    void report(double done, String stage);

    boolean cancelRequested();

    PlanProgress NONE = new PlanProgress() {
        @Override
        public void report(double done, String stage) {}

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };
}
