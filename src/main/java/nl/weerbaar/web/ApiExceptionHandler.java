package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.weerbaar.system.BodyTooLargeException;
import nl.weerbaar.system.DatabaseBusy;
import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.JsonInputProblems;
import nl.weerbaar.system.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API error as {@code application/problem+json} (RFC 9457) with {@code status}, {@code title}
 * and {@code detail}; input errors also list {@code invalidParams} (name and reason per field),
 * as the NL API Design Rules ask.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** A refusal of the domain: its status ({@link DomainStatus}), its English detail, and for input each bad field. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        return respond(e instanceof InvalidInputException invalid ? ProblemWriter.invalid(invalid, path)
                : ProblemWriter.problem(DomainStatus.of(e), e.getMessage(), path));
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
        if (DatabaseBusy.among(e)) {
            log.warn("Database busy or away on {} {}; answered 503: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseBusy.RETRY_AFTER_SECONDS))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(DatabaseBusy.problem(request.getRequestURI()));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; nothing was changed. Quote the requestId when reporting it.",
                request.getRequestURI()));
    }

    /**
     * A body that cannot be read: too large (413), or JSON that does not fit, named by field, what was
     * given and what is expected ({@link JsonInputProblems}), never just "Failed to read request".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String path = path(request);
        BodyTooLargeException tooLarge = BodyTooLargeException.among(e);
        if (tooLarge != null) {
            return problem(ProblemWriter.problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.detail(), path));
        }
        JacksonException jackson = jacksonCause(e);
        InvalidInputException.InvalidParam param = jackson != null ? JsonInputProblems.describe(jackson, "body")
                : new InvalidInputException.InvalidParam("body", e.getMessage() != null && e.getMessage().startsWith("Required request body")
                        ? "is required and may not be null" : "cannot be read in the content type sent");
        return problem(ProblemWriter.invalid(new InvalidInputException(List.of(param)), path));
    }

    /** A query or path parameter of the wrong form, e.g. {@code ?limit=abc}: named, with what was given. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String expected = JsonInputProblems.expected(e.getRequiredType());
        String given = String.valueOf(e.getValue());
        return problem(ProblemWriter.invalid(new InvalidInputException(name == null ? "parameter" : name,
                "is '" + (given.length() > 60 ? given.substring(0, 60) + "…" : given) + "'; expected " + expected), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(ProblemWriter.invalid(new InvalidInputException(e.getParameterName(),
                "is required (" + e.getParameterType() + ")"), path(request)));
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(WebRequest request) {
        return request.getDescription(false).replaceFirst("^uri=", "");
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
