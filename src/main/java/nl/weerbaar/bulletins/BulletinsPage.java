package nl.weerbaar.bulletins;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.Versioned;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/bulletins}: coordinators draft a bulletin, a colleague approves it, and it is
 * published, with the same rules as the API (four eyes, scope). Works without JavaScript.
 */
@Controller
class BulletinsPage {

    private final Bulletins bulletins;
    private final AccessControl access;
    private final Clock clock;

    BulletinsPage(Bulletins bulletins, AccessControl access, Clock clock) {
        this.bulletins = bulletins;
        this.access = access;
        this.clock = clock;
    }

    /** The form's fields; the bulletin expires a number of hours after it is written. */
    record DraftForm(String area, String event, String category, String urgency, String severity, String certainty,
                     String headline, String description, String instruction, String headlineEn, String descriptionEn,
                     Integer validHours) {

        Bulletins.Draft toDraft(Clock clock) {
            return new Bulletins.Draft(area, "alert", null, event, category, urgency, severity, certainty, headline, description,
                    blank(instruction), blank(headlineEn), blank(descriptionEn), null, null,
                    validHours == null ? null : clock.instant().plus(validHours, ChronoUnit.HOURS));
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    @GetMapping("/staff/bulletins")
    String list(Model model) {
        var actor = access.currentActor();
        model.addAttribute("actor", actor);
        model.addAttribute("bulletins", bulletins.list(null, false).stream().filter(b -> access.mayRead(actor, b.areaCode())).limit(50).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DraftForm(actor.organisation().matches(AreaLimits.AREA_CODE) ? actor.organisation() : "",
                    "", "Safety", "Immediate", "Severe", "Observed", "", "", "", "", "", 24));
        }
        return "bulletins/staff";
    }

    @PostMapping("/staff/bulletins")
    String draft(DraftForm form, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.drafted", () -> bulletins.draft(form.toDraft(clock)), form);
    }

    @PostMapping("/staff/bulletins/{id}/approval")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.approved", () -> bulletins.approve(id, Versioned.etag(version)), null);
    }

    @PostMapping("/staff/bulletins/{id}/publication")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.published", () -> bulletins.publish(id), null);
    }

    /** Runs a change and comes back to the list with what happened, or why it was refused. */
    private static String act(RedirectAttributes redirect, String done, java.util.function.Supplier<Bulletin> change, DraftForm form) {
        try {
            Bulletin bulletin = change.get();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneHeadline", bulletin.dutch().headline());
        } catch (InvalidInputException | AccessDeniedException | ResponseStatusException refused) {
            redirect.addFlashAttribute("refused", refused instanceof ResponseStatusException status ? status.getReason() : refused.getMessage());
            if (form != null) {
                redirect.addFlashAttribute("form", form);
            }
        }
        return "redirect:/staff/bulletins";
    }
}
