package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags over the rendered content of the public reads other than the finder: point reads, lists,
 * exports and the public pages. Hashing after rendering is the one validator that is right for
 * them: what they show depends on the points, on the clock (how long ago a status was confirmed)
 * and on the language, and all three end up in the bytes. A matching If-None-Match gets a 304
 * without the body. The tags are weak: the server gzips these answers for residents on weak
 * connections, and a strong tag would have to differ per encoding (Tomcat does not compress an
 * answer with a strong tag at all). The finder API builds, gzips and hashes its answers once,
 * with strong tags per encoding ({@link FinderAnswers}), and is left out, so its busy path copies
 * nothing. Answers with {@code no-store} (signed-in staff) get no ETag; an ETag already set (a
 * point's version) is kept.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicReadEtags {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicReadEtagFilter() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
                return !read || request.getRequestURI().endsWith("/nearest");
            }
        };
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/support-points/*", "/steunpunten/*");
        registration.setName("publicReadEtags");
        return registration;
    }
}
