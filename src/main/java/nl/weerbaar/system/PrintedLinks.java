package nl.weerbaar.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The web address printed on paper (links and QR codes of posters and packs). Paper cannot be
 * corrected once it hangs on a door, so without {@code weerbaar.public-url}
 * ({@code WEERBAAR_PUBLIC_URL}) nothing is printed, except in development: when the request
 * itself came to this machine by its loopback name, the default {@code http://localhost:8080}
 * is what the developer uses anyway. A staff warning instead would still let a volunteer print
 * a hundred posters that lead nowhere.
 */
@Component
public class PrintedLinks {

    static final String DEVELOPMENT_URL = "http://localhost:8080";

    private final String configured;

    PrintedLinks(@Value("${weerbaar.public-url:}") String configured) {
        this.configured = configured.strip().replaceAll("/+$", "");
    }

    /**
     * The absolute base for links on paper, e.g. {@code https://weerbaar.example.nl}.
     *
     * @throws PrintingOffException when no public address is configured and the request did not
     *                              come over loopback
     */
    public String base(HttpServletRequest request) {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (loopback(request.getServerName())) {
            return DEVELOPMENT_URL;
        }
        throw new PrintingOffException();
    }

    /** Printing is unavailable until configured (503), with a page that tells staff what to ask their administrator. */
    public static final class PrintingOffException extends DomainException {
        PrintingOffException() {
            super("printing is off: this server does not know its public address, so posters, "
                    + "packs and QR codes would lead to localhost. An administrator sets WEERBAAR_PUBLIC_URL "
                    + "(weerbaar.public-url), e.g. https://weerbaar.example.nl, and restarts.", null);
        }
    }

    private static boolean loopback(String host) {
        return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1"));
    }
}
