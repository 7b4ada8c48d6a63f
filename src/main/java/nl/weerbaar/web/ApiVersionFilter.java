package nl.weerbaar.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.weerbaar.system.Release;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** The full API version (the release, see {@link Release}) on every API response, errors from the security filters included. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiVersionFilter extends OncePerRequestFilter {

    static final String HEADER = "API-Version";

    private final String version;

    ApiVersionFilter(Release release) {
        this.version = release.version();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, version);
        chain.doFilter(request, response);
    }
}
