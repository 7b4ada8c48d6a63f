package nl.weerbaar.points;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PageProblems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Coordinators register the phone numbers of operators who may report a status by text message. */
@Controller
class TextMessagePages {

    private final TextMessageSenders senders;
    private final PageProblems problems;

    TextMessagePages(TextMessageSenders senders, PageProblems problems) {
        this.senders = senders;
        this.problems = problems;
    }

    @GetMapping("/medewerkers/steunpunten/sms")
    String list(Model model) {
        model.addAttribute("senders", senders.visible());
        model.addAttribute("phoneNumber", "");
        model.addAttribute("username", "");
        return "points/sms";
    }

    @PostMapping("/medewerkers/steunpunten/sms")
    String register(@RequestParam(required = false) String phoneNumber, @RequestParam(required = false) String username,
                    Model model, HttpServletResponse response) {
        try {
            senders.register(new TextMessageSenders.Registration(phoneNumber, username));
            return "redirect:/medewerkers/steunpunten/sms?saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.invalidParams().stream().collect(Collectors.toMap(
                    InvalidInputException.InvalidParam::name, InvalidInputException.InvalidParam::reason, (a, b) -> a)));
        } catch (Conflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", Map.of("phoneNumber", problems.sentence(e, "points")));
        }
        model.addAttribute("senders", senders.visible());
        model.addAttribute("phoneNumber", phoneNumber == null ? "" : phoneNumber);
        model.addAttribute("username", username == null ? "" : username);
        return "points/sms";
    }

    @PostMapping("/medewerkers/steunpunten/sms/verwijderen")
    String remove(@RequestParam String phoneNumber) {
        senders.remove(phoneNumber);
        return "redirect:/medewerkers/steunpunten/sms?removed";
    }
}
