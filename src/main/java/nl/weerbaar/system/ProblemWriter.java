package nl.weerbaar.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem where no controller is involved (authentication and authorisation
 * in the filter chain), in the same shape the API's exception handler answers with.
 */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        String requestId = RequestId.current();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** 400 naming every bad field in {@code invalidParams}: the one shape of refused input, in filters and controllers alike. */
    public static ProblemDetail invalid(InvalidInputException e, String path) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), path);
        problem.setProperty("invalidParams", e.invalidParams().stream()
                .map(p -> Map.of("name", p.name(), "reason", p.reason())).toList());
        return problem;
    }

    public void writeInvalid(HttpServletResponse response, InvalidInputException e, String path) throws IOException {
        write(response, invalid(e, path));
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail, String path) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"weerbaar\"");
        }
        write(response, problem(status, detail, path));
    }

    /** 503 with {@code Retry-After}: see {@link DatabaseBusy}. */
    public void writeBusy(HttpServletResponse response, String path) throws IOException {
        response.setHeader("Retry-After", String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS));
        write(response, DatabaseBusy.problem(path));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
