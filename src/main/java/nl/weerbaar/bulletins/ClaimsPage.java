package nl.weerbaar.bulletins;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.system.ApplicationClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /medewerkers/beweringen}: the claims register of an area with its weekly trend, for staff. */
@Controller
class ClaimsPage {

    private static final int WEEKS = 12;

    private final Claims claims;
    private final AccessControl access;
    private final Bulletins bulletins;
    private final Clock clock;

    ClaimsPage(Claims claims, AccessControl access, Bulletins bulletins, Clock clock) {
        this.claims = claims;
        this.access = access;
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @GetMapping("/medewerkers/beweringen")
    String claims(@RequestParam(required = false) String area, Model model, Locale locale) {
        String areaCode = (area == null || area.isBlank() ? access.currentActor().organisation() : area).toUpperCase();
        model.addAttribute("area", areaCode);
        model.addAttribute("areaName", bulletins.areaName(areaCode, locale));
        model.addAttribute("claims", claims.list(areaCode));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ApplicationClock.NETHERLANDS);
        model.addAttribute("chart", TrendChart.of(claims.weeklyTrend(areaCode, WEEKS), WEEKS, today));
        return "bulletins/claims";
    }
}
