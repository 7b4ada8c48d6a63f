package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.system.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors found before any controller is chosen (an unknown path, a method the path does not take,
 * a media type none of its operations reads): on {@code /api} problem+json like every other API
 * error, with {@code Allow} on a 405; elsewhere the error page, as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> unrouted(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        ErrorResponse error = (ErrorResponse) e;
        HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
        String detail = e instanceof NoResourceFoundException ? "there is no such resource; the operations are listed in /api/v1/openapi.json"
                : error.getBody().getDetail();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(error.getHeaders());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(ProblemWriter.problem(status, detail, request.getRequestURI()), headers, status);
    }
}
