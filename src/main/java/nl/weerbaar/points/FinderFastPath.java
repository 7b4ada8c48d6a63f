package nl.weerbaar.points;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.weerbaar.access.ApiResponseHeaders;
import nl.weerbaar.system.PublicApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The finder's busy path. In a surge nearly every finder request is an anonymous GET whose answer
 * {@link FinderAnswers} keeps already; sending it is then a few percent of the request, and
 * Spring Security's chain and Spring MVC's dispatch nearly all the rest. This filter sends such an
 * answer before both, and leaves every other request to them, so that answers are built in one
 * place and every error is answered in one place. It sends only when all of these hold:
 * <ul>
 * <li>GET or HEAD to exactly the finder's path, without an {@code Authorization} header. The API
 *     chain is stateless (a session cookie signs nobody in on {@code /api}), so such a caller is
 *     anonymous there too and gets the public answer.</li>
 * <li>The parameters are the controller's, each given once, in the plain forms clients send
 *     ({@link #query}); anything else (a parameter twice, a number as {@code 1e1}, one the finder
 *     does not know) goes the normal way, which reads it as Spring binds it.</li>
 * <li>The finder's own check accepts the search and its answer is kept and still servable.</li>
 * </ul>
 * The filters before it still run for these answers: the request id, API-Version, the answers to
 * failures, the request timing ({@code http.server.requests}, told the finder's path here as Spring
 * MVC would tell it), the body limit and the query character check. What it skips, and why that is
 * right: the security chain, because the call is open to anyone (checked at start) and the caller
 * sent no credentials, while the chain's headers and CORS come from {@link ApiResponseHeaders} as
 * the chain writes them; {@link FinderWhileLoading}, because only the normal path keeps answers and
 * it is closed until the network is settled, which it then stays; {@link PublicReadEtags}, which
 * leaves the finder out; the request context and form-body filters, which nothing here reads; and
 * MVC's interceptors (language switch, navigation), which leave the API out anyway. No rate limit
 * or access log runs in the application for public reads (Tomcat's access log, when on, sees every
 * request).
 */
class FinderFastPath extends HttpFilter {

    private static final String PATH = "/api/v1/support-points/nearest";
    /** Just after {@code system.QueryCharacterCheck}, the last of the filters that run for every request; before the security chain. */
    private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 4;

    private static final Set<String> PARAMETERS = Set.of("postcode", "lat", "lon", "limit", "status", "capability");
    private static final Pattern DEGREES = Pattern.compile("-?\\d{1,3}(\\.\\d{1,17})?");
    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final Pattern CODES = Pattern.compile("[a-z]+(-[a-z]+)*(,[a-z]+(-[a-z]+)*)*");

    private final SupportPoints points;
    private final FinderAnswers answers;
    private final Counter sent;

    FinderFastPath(SupportPoints points, FinderAnswers answers, Counter sent) {
        this.points = points;
        this.answers = answers;
        this.sent = sent;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        FinderAnswers.Answer answer = keptAnswer(request);
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(timing -> timing.setPathPattern(PATH));
        ApiResponseHeaders.around(request, response, (headed, headedResponse) -> {
            FinderAnswerSending.send((HttpServletRequest) headed, (HttpServletResponse) headedResponse, answer);
            sent.increment();
        });
    }

    private FinderAnswers.Answer keptAnswer(HttpServletRequest request) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || !PATH.equals(request.getRequestURI())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        SupportPoints.NearestQuery query = query(request.getParameterMap());
        if (query == null) {
            return null;
        }
        try {
            return answers.kept(points.check(query));
        } catch (RuntimeException refused) {
            // A bad search, or a failure: the normal path answers it, as it answers every error.
            return null;
        }
    }

    /**
     * The query as the controller gets it from Spring's binding, for the forms where that is plain
     * to see: a decimal number, a whole number, a comma-separated list of codes; null for anything else.
     */
    private static SupportPoints.NearestQuery query(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey()) || parameter.getValue().length != 1 || parameter.getValue()[0].isEmpty()) {
                return null;
            }
        }
        String lat = value(parameters, "lat");
        String lon = value(parameters, "lon");
        String limit = value(parameters, "limit");
        String status = value(parameters, "status");
        String capability = value(parameters, "capability");
        if (!matches(DEGREES, lat) || !matches(DEGREES, lon) || !matches(COUNT, limit) || !matches(CODES, status)
                || !matches(CODES, capability)) {
            return null;
        }
        return new SupportPoints.NearestQuery(value(parameters, "postcode"), lat == null ? null : Double.valueOf(lat),
                lon == null ? null : Double.valueOf(lon), limit == null ? null : Integer.valueOf(limit), codes(status), codes(capability));
    }

    private static String value(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    private static boolean matches(Pattern form, String value) {
        return value == null || form.matcher(value).matches();
    }

    private static List<String> codes(String list) {
        return list == null ? null : List.of(list.split(","));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Registration {

        @Bean
        FilterRegistrationBean<FinderFastPath> finderFastPath(SupportPoints points, FinderAnswers answers, PublicApi api,
                                                              MeterRegistry meters) {
            if (!api.isPublic("GET", PATH) || !api.isPublic("HEAD", PATH)) {
                throw new IllegalStateException(PATH + " is no longer open to anyone, but FinderFastPath answers it "
                        + "before the security chain could ask for a login");
            }
            Counter sent = Counter.builder("weerbaar.finder.fast.answers")
                    .description("finder answers (200 and 304) sent by the fast path, before Spring Security and Spring MVC; "
                            + "they count in http.server.requests too, under the finder's uri")
                    .register(meters);
            FilterRegistrationBean<FinderFastPath> registration = new FilterRegistrationBean<>(new FinderFastPath(points, answers, sent));
            registration.setName("finderFastPath");
            registration.addUrlPatterns(PATH);
            registration.setOrder(ORDER);
            return registration;
        }
    }
}
