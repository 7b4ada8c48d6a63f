package nl.weerbaar.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages that belong to no module: home, about, staff login and the staff start page. */
@Controller
class PageController {

    @GetMapping("/")
    String home() {
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
