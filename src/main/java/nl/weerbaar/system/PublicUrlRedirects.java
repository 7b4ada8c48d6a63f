package nl.weerbaar.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never point where the {@code Host} header says: a forged header would otherwise send
 * a user from our login page to someone else's site. A redirect to this application (a path, or
 * an absolute URL that the server built from the request's own host) goes to the configured
 * {@code weerbaar.public-url}, or, when none is configured, stays a path on the site the browser
 * is already on. Redirects to other sites are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PublicUrlRedirects extends OncePerRequestFilter {

    private final String publicUrl;

    PublicUrlRedirects(@Value("${weerbaar.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Redirects(request, response));
    }

    /** Where a redirect to {@code location} goes, for a request that came in as {@code request}. */
    String target(HttpServletRequest request, String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location.startsWith("/") && !location.startsWith("//") ? publicUrl + location : location;
        }
        if (uri.getHost() != null && !sameOrigin(request, uri)) {
            return location;
        }
        String path = uri.getHost() != null ? uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()) : location;
        if (!path.startsWith("/")) {
            String base = request.getRequestURI();
            path = base.substring(0, base.lastIndexOf('/') + 1) + path;
        }
        return publicUrl + path;
    }

    private static boolean sameOrigin(HttpServletRequest request, URI uri) {
        return request.getServerName().equalsIgnoreCase(uri.getHost());
    }

    private final class Redirects extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        Redirects(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            sendRedirect(location, SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, int sc) throws IOException {
            sendRedirect(location, sc, true);
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            sendRedirect(location, SC_FOUND, clearBuffer);
        }

        /** As the servlet container does, but with a Location it does not complete from the Host header. */
        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("the response was sent already: cannot redirect to " + location);
            }
            if (clearBuffer) {
                resetBuffer();
            }
            setStatus(sc);
            setHeader("Location", target(request, location));
            flushBuffer();
        }
    }
}
