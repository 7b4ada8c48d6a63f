package nl.weerbaar.points;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the demo network loads after the first start, the support points answer 503 with
 * Retry-After: a resident told "no point near you" by a half-loaded finder would be told wrong.
 * Everything else (staff pages, the rest of the API, health) serves as usual meanwhile.
 */
@Component
class FinderWhileLoading extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;

    private final ObjectProvider<DemoNetworkStartup> startup;

    FinderWhileLoading(ObjectProvider<DemoNetworkStartup> startup) {
        this.startup = startup;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(isUnder(path, "/api/v1/support-points") || isUnder(path, "/steunpunten"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DemoNetworkStartup loading = startup.getIfAvailable();
        if (loading == null || !loading.networkLoading()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().contains("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Service Unavailable","status":503,\
                    "detail":"The support points are being loaded after the first start; try again in a few seconds."}""");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("De steunpunten worden geladen; probeer het over een paar seconden opnieuw.\n"
                    + "The support points are being loaded; try again in a few seconds.\n");
        }
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
