package nl.weerbaar.bulletins;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import nl.weerbaar.system.DomainException.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /berichten} and {@code /berichten/{id}}: what the authorities tell residents, in full
 * (text, instruction, area, times, who signed it), with a link to check it is genuine. Plain
 * HTML that prints on one sheet and works without JavaScript.
 */
@Controller
class PublicBulletinPages {

    /** Short, so a cancellation shows within a minute; stale-if-error, so an outage still shows the last word. */
    private static final CacheControl SHARED = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic()
            .staleIfError(Duration.ofHours(24));

    private final Bulletins bulletins;

    PublicBulletinPages(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/berichten")
    String inForce(@RequestParam(required = false) String area, Model model, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) {
        String code = area == null || !area.strip().matches("(?i)NL|VR[0-9]{2}|GM[0-9]{4}") ? null : area.strip().toUpperCase();
        model.addAttribute("area", code);
        model.addAttribute("areaName", code == null ? null : bulletins.areaName(code, locale));
        model.addAttribute("bulletins", bulletins.inForceForResidents(code, locale));
        cache(request, response);
        return "bulletins/in-force";
    }

    @GetMapping("/berichten/{id}")
    String bulletin(@PathVariable String id, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Bulletin bulletin = parse(id).flatMap(bulletins::find).filter(Bulletin::published).orElseThrow(() ->
                new NotFound("no published bulletin " + id));
        model.addAttribute("b", bulletins.forResidents(bulletin, locale));
        cache(request, response);
        return "bulletins/bulletin";
    }

    private static void cache(HttpServletRequest request, HttpServletResponse response) {
        CacheControl control = request.getUserPrincipal() != null || response.containsHeader(HttpHeaders.SET_COOKIE)
                ? CacheControl.noStore().cachePrivate() : SHARED;
        response.setHeader(HttpHeaders.CACHE_CONTROL, control.getHeaderValue());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
