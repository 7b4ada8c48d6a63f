package nl.weerbaar.bulletins;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.DomainException;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.PageProblems;
import nl.weerbaar.system.Versioned;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /medewerkers/berichten}: coordinators draft a bulletin, read it as residents will (and its
 * CAP), the author edits the draft, a colleague approves it, it is published; a published one is
 * followed by an update, a cancellation or an all-clear that refers to it. The same rules as the
 * API (four eyes, scope). Works without JavaScript.
 */
@Controller
class BulletinsPage {

    /** The CAP enumerations, offered as choices; their Dutch labels are messages {@code bulletins.cap.<field>.<value>}. */
    static final List<String> CATEGORIES = List.of("Safety", "Security", "Infra", "Health", "Met", "Geo", "Env", "Fire",
            "Rescue", "Transport", "CBRNE", "Other");
    static final List<String> URGENCIES = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    static final List<String> SEVERITIES = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    static final List<String> CERTAINTIES = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    private final Bulletins bulletins;
    private final AccessControl access;
    private final Clock clock;
    private final PageProblems problems;

    BulletinsPage(Bulletins bulletins, AccessControl access, Clock clock, PageProblems problems) {
        this.bulletins = bulletins;
        this.access = access;
        this.clock = clock;
        this.problems = problems;
    }

    /**
     * The form's fields; the bulletin expires a number of hours after it is written. {@code kind}
     * and {@code references} are set for an update, cancellation or all-clear of a published one.
     */
    record DraftForm(String area, String kind, String references, String event, String category, String urgency, String severity,
                     String certainty, String headline, String description, String instruction, String headlineEn,
                     String descriptionEn, String instructionEn, Integer validHours) {

        Bulletins.Draft toDraft(Clock clock) {
            return new Bulletins.Draft(area, blank(kind) == null ? "alert" : kind, reference(), event, category, urgency, severity,
                    certainty, headline, description, blank(instruction), blank(headlineEn), blank(descriptionEn),
                    blank(instructionEn), null, validHours == null ? null : clock.instant().plus(validHours, ChronoUnit.HOURS));
        }

        /** The form of an existing bulletin: to edit it, or to follow it up with {@code kind}. */
        static DraftForm of(Bulletin b, String kind, UUID references, Clock clock) {
            Bulletin.Text en = b.english();
            long hours = Math.max(1, (Duration.between(clock.instant(), b.expires()).toMinutes() + 59) / 60);
            return new DraftForm(b.areaCode(), kind, references == null ? null : references.toString(), b.event(), b.category(),
                    b.urgency(), b.severity(), b.certainty(), b.dutch().headline(), b.dutch().description(), b.dutch().instruction(),
                    en == null ? null : en.headline(), en == null ? null : en.description(), en == null ? null : en.instruction(),
                    (int) Math.min(hours, 720));
        }

        private UUID reference() {
            if (blank(references) == null) {
                return null;
            }
            try {
                return UUID.fromString(references.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("references", "must be the id of a published bulletin");
            }
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    @GetMapping("/medewerkers/berichten")
    String list(Model model) {
        var actor = access.currentActor();
        model.addAttribute("actor", actor);
        model.addAttribute("bulletins", bulletins.list(null, false).stream().filter(b -> access.mayRead(actor, b.areaCode())).limit(50).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DraftForm(actor.organisation().matches(AreaLimits.AREA_CODE) ? actor.organisation() : "",
                    "alert", null, "", "Safety", "Immediate", "Severe", "Observed", "", "", "", "", "", "", 24));
        }
        choices(model);
        model.addAttribute("formAction", "/medewerkers/berichten");
        return "bulletins/staff";
    }

    /** The bulletin exactly as residents will read it, its CAP, and what the reader may do with it. */
    @GetMapping("/medewerkers/berichten/{id}")
    String preview(@PathVariable UUID id, Model model, Locale locale) {
        Bulletin bulletin = visible(id);
        var actor = access.currentActor();
        model.addAttribute("bulletin", bulletin);
        model.addAttribute("b", bulletins.forResidents(bulletin, locale));
        model.addAttribute("english", bulletin.english() == null ? null : bulletins.forResidents(bulletin, Locale.ENGLISH));
        model.addAttribute("cap", bulletins.capPreview(id).orElseThrow());
        boolean own = bulletin.organisation().equals(actor.organisation());
        model.addAttribute("mayEdit", own && !bulletin.published());
        model.addAttribute("mayApprove", own && bulletin.status() == Bulletin.Status.draft && !bulletin.author().equals(actor.username()));
        model.addAttribute("mayPublish", own && bulletin.status() == Bulletin.Status.approved);
        model.addAttribute("mayFollowUp", own && bulletin.inForceAt(clock.instant()));
        return "bulletins/staff-bulletin";
    }

    /** The form of a draft, filled in, for its author (or a colleague) to change before approval. */
    @GetMapping("/medewerkers/berichten/{id}/bewerken")
    String editForm(@PathVariable UUID id, Model model) {
        Bulletin bulletin = visible(id);
        if (bulletin.published()) {
            throw new Conflict("bulletin " + id + " is published and signed: follow it up instead", "bulletins.refusal.publishedSigned",
                    bulletin.dutch().headline());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DraftForm.of(bulletin, bulletin.kind().name(), bulletin.references(), clock));
        }
        return form(model, "/medewerkers/berichten/" + id, bulletin.version(), "bulletins.staff.edit");
    }

    /** A new draft that updates, cancels or ends a published bulletin: its text to start from, the reference kept. */
    @GetMapping("/medewerkers/berichten/{id}/vervolg")
    String followUpForm(@PathVariable UUID id, @RequestParam(defaultValue = "update") String kind, Model model) {
        Bulletin bulletin = visible(id);
        String chosen = List.of("update", "cancel", "allClear").contains(kind) ? kind : "update";
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", DraftForm.of(bulletin, chosen, id, clock));
        }
        return form(model, "/medewerkers/berichten", null, "bulletins.staff.followUp." + chosen);
    }

    @PostMapping("/medewerkers/berichten")
    String draft(DraftForm form, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.drafted", () -> bulletins.draft(form.toDraft(clock)), form, "/medewerkers/berichten");
    }

    @PostMapping("/medewerkers/berichten/{id}")
    String edit(@PathVariable UUID id, @RequestParam long version, DraftForm form, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.edited", () -> bulletins.edit(id, Versioned.etag(version), form.toDraft(clock)), form,
                "/medewerkers/berichten/" + id + "/bewerken");
    }

    @PostMapping("/medewerkers/berichten/{id}/goedkeuring")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.approved", () -> bulletins.approve(id, Versioned.etag(version)), null, "/medewerkers/berichten");
    }

    @PostMapping("/medewerkers/berichten/{id}/publicatie")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "bulletins.staff.published", () -> bulletins.publish(id), null, "/medewerkers/berichten");
    }

    private String form(Model model, String action, Long version, String heading) {
        choices(model);
        model.addAttribute("formAction", action);
        model.addAttribute("version", version);
        model.addAttribute("heading", heading);
        return "bulletins/staff-form";
    }

    private static void choices(Model model) {
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("urgencies", URGENCIES);
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("certainties", CERTAINTIES);
    }

    private Bulletin visible(UUID id) {
        return bulletins.find(id).orElseThrow(() -> new NotFound("no bulletin " + id, "bulletins.refusal.noBulletin"));
    }

    /**
     * Runs a change and goes to the bulletin's page with what happened; when refused, back to where
     * it came from ({@code refusedTo}) with why, in the page's language, and the form as it was filled in.
     */
    private String act(RedirectAttributes redirect, String done, Supplier<Bulletin> change, DraftForm form, String refusedTo) {
        try {
            Bulletin bulletin = change.get();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneHeadline", bulletin.dutch().headline());
            return "redirect:/medewerkers/berichten/" + bulletin.id();
        } catch (DomainException refused) {
            return refused(redirect, problems.sentence(refused, "bulletins"), form, refusedTo);
        } catch (AccessDeniedException refused) {
            return refused(redirect, problems.sentence(refused), form, refusedTo);
        }
    }

    private static String refused(RedirectAttributes redirect, String why, DraftForm form, String refusedTo) {
        redirect.addFlashAttribute("refused", why);
        if (form != null) {
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:" + refusedTo;
    }
}
