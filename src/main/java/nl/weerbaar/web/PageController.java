package nl.weerbaar.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.Role;
import nl.weerbaar.bulletins.Bulletins;
import nl.weerbaar.bulletins.PublicBulletin;
import nl.weerbaar.system.Release;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages that belong to no module: home, about, staff login and the staff start page. */
@Controller
class PageController {

    /** The home page shows the few most severe bulletins in force; the rest are one link away. */
    private static final int HOME_BULLETINS = 3;

    private final Bulletins bulletins;
    private final Release release;
    private final AccessControl access;

    PageController(Bulletins bulletins, Release release, AccessControl access) {
        this.bulletins = bulletins;
        this.release = release;
        this.access = access;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        List<PublicBulletin> inForce = bulletins.inForceForResidents(null, locale);
        model.addAttribute("bulletins", inForce.stream().limit(HOME_BULLETINS).toList());
        model.addAttribute("moreBulletins", inForce.size() > HOME_BULLETINS);
        return "web/home";
    }

    @GetMapping("/over")
    String about(Model model) {
        model.addAttribute("version", release.version());
        return "web/about";
    }

    /** Only the form: Spring Security's formLogin handles the POST to the same URL. */
    @GetMapping("/inloggen")
    String login() {
        return "web/login";
    }

    @GetMapping("/medewerkers")
    String staff(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        Actor actor = access.currentActor();
        model.addAttribute("nationalAdmin", actor.role().includes(Role.ADMIN) && "NL".equals(actor.organisation()));
        return "web/staff";
    }
}
