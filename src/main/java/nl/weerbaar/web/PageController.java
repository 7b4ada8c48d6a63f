package nl.weerbaar.web;

import java.security.Principal;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.Release;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages that belong to no module: home, about, staff login and the staff start page. */
@Controller
class PageController {

    private final Release release;
    private final AccessControl access;

    PageController(Release release, AccessControl access) {
        this.release = release;
        this.access = access;
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/over")
    String about(Model model) {
        model.addAttribute("version", release.version());
        return "web/about";
    }

    /** Only the form: Spring Security's formLogin handles the POST to the same URL. */
    @GetMapping("/login")
    String login() {
        return "web/login";
    }

    @GetMapping("/staff")
    String staff(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        Actor actor = access.currentActor();
        model.addAttribute("nationalAdmin", actor.role().includes(Role.ADMIN) && "NL".equals(actor.organisation()));
        return "web/staff";
    }
}
