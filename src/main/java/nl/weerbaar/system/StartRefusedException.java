package nl.weerbaar.system;

/**
 * A setting or a state that makes starting unsafe, said in one sentence that names the problem and
 * what to do. The launcher prints the sentence instead of a stack trace and exits 1.
 */
public class StartRefusedException extends RuntimeException {

    public StartRefusedException(String sentence) {
        super(sentence);
    }

    public StartRefusedException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** The refusal somewhere in the causes of a failed start, if one is there. */
    public static java.util.Optional<StartRefusedException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefusedException refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }
}
