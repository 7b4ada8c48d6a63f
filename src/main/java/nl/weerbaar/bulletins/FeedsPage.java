package nl.weerbaar.bulletins;

import java.util.UUID;
import java.util.function.Supplier;
import nl.weerbaar.system.DomainException;
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
 * {@code /medewerkers/feeds}: the feeds of other authorities subscribed to in the staff member's areas,
 * failing ones first with their last success and last error; coordinators subscribe and end
 * subscriptions here, under the same rules as the API. Works without JavaScript.
 */
@Controller
class FeedsPage {

    private final FeedSubscriptions subscriptions;
    private final PageProblems problems;

    FeedsPage(FeedSubscriptions subscriptions, PageProblems problems) {
        this.subscriptions = subscriptions;
        this.problems = problems;
    }

    @GetMapping("/medewerkers/feeds")
    String feeds(Model model) {
        model.addAttribute("feeds", subscriptions.list());
        return "bulletins/feeds";
    }

    @PostMapping("/medewerkers/feeds")
    String subscribe(@RequestParam(required = false) String name, @RequestParam(required = false) String url,
                     @RequestParam(required = false) String area, @RequestParam(required = false) Integer pollIntervalMinutes,
                     RedirectAttributes redirect) {
        return act(redirect, "bulletins.feeds.subscribed",
                () -> subscriptions.subscribe(new FeedSubscriptions.NewSubscription(name, url, area, pollIntervalMinutes)));
    }

    @PostMapping("/medewerkers/feeds/{id}/beeindigen")
    String end(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        return act(redirect, "bulletins.feeds.ended", () -> subscriptions.end(id, Versioned.etag(version)));
    }

    private String act(RedirectAttributes redirect, String done, Supplier<FeedSubscription> change) {
        try {
            FeedSubscription feed = change.get();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneName", feed.name());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("refused", problems.sentence(refused, "bulletins"));
        } catch (AccessDeniedException refused) {
            redirect.addFlashAttribute("refused", problems.sentence(refused));
        }
        return "redirect:/medewerkers/feeds";
    }
}
