package nl.weerbaar.web;

import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PrintedLinks;
import org.springframework.http.HttpStatus;

/**
 * The one place where a kind of domain refusal becomes an HTTP status, for the API's problem+json
 * ({@link ApiExceptionHandler}) and the error page ({@link DomainErrorPages}) alike. The switch is
 * exhaustive over the sealed kinds: a new kind does not compile until it has its status.
 */
final class DomainStatus {

    private DomainStatus() {}

    static HttpStatus of(DomainException refused) {
        return switch (refused) {
            case InvalidInputException invalid -> HttpStatus.BAD_REQUEST;
            case DomainException.NotFound notFound -> HttpStatus.NOT_FOUND;
            case DomainException.Conflict conflict -> HttpStatus.CONFLICT;
            case DomainException.Unusable unusable -> HttpStatus.UNPROCESSABLE_CONTENT;
            case DomainException.VersionMismatch stale -> stale.missing() ? HttpStatus.PRECONDITION_REQUIRED
                    : HttpStatus.PRECONDITION_FAILED;
            case PrintedLinks.PrintingOffException off -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
