package nl.weerbaar.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The headers every API answer gets on its way through the API's security chains: the security
 * headers the NL API Design Rules ask for, and CORS that lets any web page read. One copy, for the
 * chains ({@link SecurityConfiguration}) and for an answer sent before them ({@link #around}), so
 * that an answer looks the same whichever way it went.
 */
public final class ApiResponseHeaders {

    /**
     * Spring Security's defaults (no-sniff, X-XSS-Protection 0, no caching unless the answer says
     * otherwise, HSTS on HTTPS, no framing) and the policies the API adds, written out in full:
     * a chain takes exactly this list, with its defaults off.
     */
    private static final List<HeaderWriter> WRITERS = List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(31_536_000, true),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter("default-src 'none'; frame-ancestors 'none'"),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

    private static final CorsConfigurationSource CORS = publicReadsCors();

    /** The chain's own kinds of filter: they write when the answer commits, and refuse a CORS request as it would. */
    private static final HeaderWriterFilter HEADERS = new HeaderWriterFilter(WRITERS);
    private static final CorsFilter CORS_FILTER = new CorsFilter(CORS);

    private ApiResponseHeaders() {}

    /** Sends an answer with the headers the API chains would give it; for answers sent before those chains run. */
    public static void around(HttpServletRequest request, HttpServletResponse response, FilterChain answer)
            throws IOException, ServletException {
        HEADERS.doFilter(request, response, (headed, headedResponse) -> CORS_FILTER.doFilter(headed, headedResponse, answer));
    }

    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        headers.defaultsDisabled();
        WRITERS.forEach(headers::addHeaderWriter);
    }

    static CorsConfigurationSource cors() {
        return CORS;
    }

    /** Anyone may read public data from any web page; nothing is sent with credentials cross-origin. */
    private static CorsConfigurationSource publicReadsCors() {
        CorsConfiguration reads = new CorsConfiguration();
        reads.addAllowedOrigin("*");
        reads.addAllowedMethod(HttpMethod.GET);
        reads.addAllowedMethod(HttpMethod.HEAD);
        reads.addAllowedHeader("*");
        reads.addExposedHeader("API-Version");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", reads);
        return source;
    }
}
