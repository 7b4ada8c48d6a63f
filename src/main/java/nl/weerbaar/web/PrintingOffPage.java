package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.system.PrintedLinks;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Tells whoever asked for a poster or pack why nothing was printed and what to ask for. */
@ControllerAdvice
class PrintingOffPage {

    @ExceptionHandler(PrintedLinks.PrintingOffException.class)
    String printingOff(HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return "web/printing-off";
    }
}
