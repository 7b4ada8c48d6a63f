package nl.weerbaar.planning;

/** Thrown out of a run when someone cancelled it; nothing of it is kept. */
class PlanCancelledException extends RuntimeException {

    public PlanCancelledException() {
        super("The run was cancelled");
    }
}
