package nl.weerbaar.access;

import nl.weerbaar.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /medewerkers/gebruikers}: an admin disables and enables the users within its scope. */
@Controller
class UserPages {

    private final UserAccounts users;

    UserPages(UserAccounts users) {
        this.users = users;
    }

    @GetMapping("/medewerkers/gebruikers")
    String list(Model model) {
        model.addAttribute("users", users.visibleToCurrentActor());
        return "access/users";
    }

    @PostMapping("/medewerkers/gebruikers/{username}/uitschakelen")
    String disable(@PathVariable String username, Model model) {
        try {
            users.disable(username);
        } catch (InvalidInputException refused) {
            model.addAttribute("problem", refused.invalidParams().getFirst().reason());
            return list(model);
        }
        return "redirect:/medewerkers/gebruikers";
    }

    @PostMapping("/medewerkers/gebruikers/{username}/inschakelen")
    String enable(@PathVariable String username) {
        users.enable(username);
        return "redirect:/medewerkers/gebruikers";
    }
}
