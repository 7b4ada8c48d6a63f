package nl.weerbaar.planning;

/** Where a run is, for a progress bar; and whether someone asked to stop it. */
public interface PlanProgress {

    /** {@code done} from 0 to 1; {@code stage} what the planner is doing. */
    void report(double done, PlanStage stage);

    boolean cancelRequested();

    PlanProgress NONE = new PlanProgress() {
        @Override
        public void report(double done, PlanStage stage) {}

        @Override
        public boolean cancelRequested() {
            return false;
        }
    };
}
