package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.weerbaar.system.DomainException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A domain refusal a page controller did not answer on its own page (a bulletin that does not
 * exist, a plan run in another organisation) gets the error page of its status, as an HTTP
 * refusal would. Runs after the controller advice, so the API's problem+json
 * ({@link ApiExceptionHandler}) and pages with their own answer ({@link PrintingOffPage}) come first.
 */
@Component
class DomainErrorPages implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(e instanceof DomainException refused)) {
            return null;
        }
        try {
            response.sendError(DomainStatus.of(refused).value(), refused.getMessage());
        } catch (IOException gone) {
            // The client left before its answer: there is no one to show a page to.
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
