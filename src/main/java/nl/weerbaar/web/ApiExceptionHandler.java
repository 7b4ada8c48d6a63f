package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json} (RFC 9457) with {@code status}, {@code title}
 * and {@code detail}; input errors also list {@code invalidParams} (name and reason per field),
 * as the NL API Design Rules ask.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return respond(ProblemWriter.invalid(e, request.getRequestURI()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return respond(ProblemWriter.problem(HttpStatus.FORBIDDEN, "not allowed: " + e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"weerbaar\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemWriter.problem(HttpStatus.UNAUTHORIZED, "authentication required: " + e.getMessage(),
                        request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; nothing was changed. Quote the requestId when reporting it.",
                request.getRequestURI()));
    }

    /** Framework errors (unreadable body, wrong parameter type, 404, 405 …) in the same shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            String path = request.getDescription(false).replaceFirst("^uri=", "");
            ProblemDetail shaped = ProblemWriter.problem(HttpStatus.valueOf(status.value()),
                    problem.getDetail() == null ? HttpStatus.valueOf(status.value()).getReasonPhrase() : problem.getDetail(), path);
            if (problem.getProperties() != null) {
                problem.getProperties().forEach(shaped::setProperty);
            }
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(shaped, withType, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
