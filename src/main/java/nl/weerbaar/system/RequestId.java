package nl.weerbaar.system;

import org.slf4j.MDC;

/** The id that ties a request's log lines, its response and its audit entries together. */
public final class RequestId {

    public static final String HEADER = "X-Request-ID";
    static final String MDC_KEY = "requestId";
    /** The request attribute that keeps the id for the error page, which is rendered after the request's own filters. */
    public static final String ATTRIBUTE = RequestId.class.getName();

    private RequestId() {}

    /** The current request's id, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Runs work outside HTTP (a command, a start-up task) under an id of its own. */
    public static void runAs(String id, Runnable work) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
