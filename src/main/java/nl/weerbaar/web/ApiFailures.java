package nl.weerbaar.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.weerbaar.system.DatabaseBusy;
import nl.weerbaar.system.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A failure that escapes the filters themselves on {@code /api} (no connection for the token check
 * while the pool is exhausted, a database switching over) is answered like a failure in a
 * controller: 503 with {@code Retry-After} when the database was only busy or away, else 500, both
 * problem+json, instead of the servlet container's error page. Runs just inside the request id, so
 * the answer names it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiFailures extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiFailures.class);

    private final ProblemWriter problems;

    ApiFailures(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            if (DatabaseBusy.among(e)) {
                log.warn("Database busy or away on {} {}; answered 503: {}", request.getMethod(), request.getRequestURI(), e.toString());
                problems.writeBusy(response, request.getRequestURI());
                return;
            }
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
            problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR,
                    "an unexpected error occurred; nothing was changed. Quote the requestId when reporting it.",
                    request.getRequestURI());
        }
    }
}
