package nl.weerbaar.system;

import java.io.IOException;

/** A request body went over its limit; reading stopped there. Answered as 413 problem+json. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** What the API says: the limit, in bytes and in MiB. */
    public String detail() {
        return "the request body is larger than the limit of " + limit + " bytes (" + limit / (1024 * 1024)
                + " MiB) for this operation; nothing was read beyond it and nothing was changed";
    }

    /** The limit exceeded, if {@code e} or one of its causes is this exception. */
    public static BodyTooLargeException among(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
