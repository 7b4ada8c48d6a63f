package nl.weerbaar.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import nl.weerbaar.bulletins.Bulletins;
import nl.weerbaar.bulletins.PublicBulletin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages that belong to no module: home, about, staff login and the staff start page. */
@Controller
class PageController {

    /** The home page shows the few most severe bulletins in force; the rest are one link away. */
    private static final int HOME_BULLETINS = 3;

    private final Bulletins bulletins;

    PageController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        List<PublicBulletin> inForce = bulletins.inForceForResidents(null, locale);
        model.addAttribute("bulletins", inForce.stream().limit(HOME_BULLETINS).toList());
        model.addAttribute("moreBulletins", inForce.size() > HOME_BULLETINS);
        return "web/home";
    }

    @GetMapping("/over")
    String about() {
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
        return "web/staff";
    }
}
