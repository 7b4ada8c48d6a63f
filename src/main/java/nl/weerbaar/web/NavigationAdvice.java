package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Gives every page the main navigation with the current section marked, so the layout can set
 * {@code aria-current} without each controller knowing about navigation.
 */
@ControllerAdvice
// Commands run without a web server, so without the handler mappings this reads.
@ConditionalOnWebApplication
class NavigationAdvice {

    /** One link in the main navigation; {@code label} is a message key. */
    record NavItem(String path, String label, boolean current) {}

    private record Entry(String path, String label) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("/", "nav.home"),
            new Entry("/steunpunten", "nav.points"),
            new Entry("/denk-vooruit", "nav.prepare"),
            new Entry("/verify", "nav.verify"),
            // To the staff area, not to /login: signed-in staff go straight in, anyone else is sent
            // to the login form and returns to /staff after logging in.
            new Entry("/staff", "nav.login"));

    /** The sections whose pages exist: a module that is not built yet gets no link. */
    private final Set<String> sections;

    NavigationAdvice(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        Set<String> pages = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .collect(Collectors.toSet());
        this.sections = ENTRIES.stream().map(Entry::path).filter(pages::contains).collect(Collectors.toUnmodifiableSet());
    }

    @ModelAttribute("sections")
    Set<String> sections() {
        return sections;
    }

    @ModelAttribute("navigation")
    List<NavItem> navigation(HttpServletRequest request) {
        String path = request.getServletPath();
        return ENTRIES.stream()
                .filter(entry -> sections.contains(entry.path()))
                .map(entry -> new NavItem(entry.path(), entry.label(), isWithin(path, entry.path())))
                .toList();
    }

    private static boolean isWithin(String path, String section) {
        return section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
    }
}
