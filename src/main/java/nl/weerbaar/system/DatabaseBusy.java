package nl.weerbaar.system;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A write that failed only because of the moment it came: the database chose it as the victim of a
 * deadlock or a serialisation conflict, or was briefly unreachable (a failover). Its transaction was
 * rolled back, or, when the connection broke at the commit, may have landed: either way the same
 * request with the same {@code Idempotency-Key} is safe to send again. The answer is 503 with
 * {@code Retry-After}, never a 500 that reads as a defect of the request.
 */
public final class DatabaseBusy {

    public static final int RETRY_AFTER_SECONDS = 1;
    private static final String DETAIL = "the database could not take this request at this moment (a conflict with another"
            + " request, or a switch of database server): send the same request again, with the same Idempotency-Key, after"
            + " the Retry-After seconds; with the key it takes effect at most once";

    private DatabaseBusy() {}

    /** True when {@code failure} or one of its causes says the database was busy or away, not that the request was wrong. */
    public static boolean among(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem(String path) {
        return ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, path);
    }

    /** 40001 serialisation failure, 40P01 deadlock, 08… connection lost, 57P01–57P03 server shutting down or starting. */
    private static boolean isTransientState(String state) {
        return state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                || state.startsWith("57P0"));
    }
}
