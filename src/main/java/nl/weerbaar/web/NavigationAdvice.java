package nl.weerbaar.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the main navigation with the current section marked, so the layout can set
 * {@code aria-current} without each controller knowing about navigation.
 */
@ControllerAdvice
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

    @ModelAttribute("navigation")
    List<NavItem> navigation(HttpServletRequest request) {
        String path = request.getServletPath();
        return ENTRIES.stream()
                .map(entry -> new NavItem(entry.path(), entry.label(), isWithin(path, entry.path())))
                .toList();
    }

    private static boolean isWithin(String path, String section) {
        return section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
    }
}
