package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Gives every page the main navigation with the current section marked, so the layout can set
 * {@code aria-current} without each controller knowing about navigation. Added after the handler,
 * and only where a view is rendered: an API answer (the finder under load among them) does not pay
 * for a model it never shows, as it did with a {@code @ModelAttribute} advice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // commands run without a web server, and so without request mappings
class Navigation implements WebMvcConfigurer, HandlerInterceptor {

    /** One link in the main navigation; {@code label} is a message key. */
    record NavItem(String path, String label, boolean current) {}

    private record Entry(String path, String label) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("/", "nav.home"),
            new Entry("/steunpunten", "nav.points"),
            new Entry("/denk-vooruit", "nav.prepare"),
            new Entry("/controleren", "nav.verify"),
            // To the staff area, not to /inloggen: signed-in staff go straight in, anyone else is sent
            // to the login form and returns to /medewerkers after logging in.
            new Entry("/medewerkers", "nav.login"));

    /** The sections whose pages exist: a module that is not built yet gets no link. Read at the first page. */
    private volatile Set<String> sections;

    private static Set<String> existingSections(RequestMappingHandlerMapping mappings) {
        Set<String> pages = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .collect(Collectors.toSet());
        return ENTRIES.stream().map(Entry::path).filter(pages::contains).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        Set<String> existing = sections(request);
        page.addObject("sections", existing);
        page.addObject("navigation", navigation(request.getServletPath(), existing));
    }

    /** Looked up, not injected: the request mappings are made with this configuration's interceptor. */
    private Set<String> sections(HttpServletRequest request) {
        if (sections == null) {
            sections = existingSections(RequestContextUtils.findWebApplicationContext(request)
                    .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        }
        return sections;
    }

    private static List<NavItem> navigation(String path, Set<String> existing) {
        return ENTRIES.stream()
                .filter(entry -> existing.contains(entry.path()))
                .map(entry -> new NavItem(entry.path(), entry.label(), isWithin(path, entry.path())))
                .toList();
    }

    private static boolean isWithin(String path, String section) {
        return section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
    }
}
