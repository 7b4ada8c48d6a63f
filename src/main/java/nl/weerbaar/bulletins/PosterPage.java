package nl.weerbaar.bulletins;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import nl.weerbaar.access.Organisation;
import nl.weerbaar.access.Organisations;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.PrintedLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /berichten/{id}/affiche.pdf}: the printable poster of a published bulletin. */
@Controller
class PosterPage {

    private final Bulletins bulletins;
    private final PosterRenderer renderer;
    private final Organisations organisations;
    private final PrintedLinks printedLinks;

    PosterPage(Bulletins bulletins, PosterRenderer renderer, Organisations organisations, PrintedLinks printedLinks) {
        this.printedLinks = printedLinks;
        this.bulletins = bulletins;
        this.renderer = renderer;
        this.organisations = organisations;
    }

    @GetMapping("/berichten/{id}/affiche.pdf")
    ResponseEntity<byte[]> poster(@PathVariable UUID id, HttpServletRequest request) {
        Bulletin bulletin = bulletins.find(id).filter(Bulletin::published).orElseThrow(() ->
                new NotFound("no published bulletin " + id));
        String code = bulletins.posterCode(id).orElseThrow();
        String organisationName = organisations.find(bulletin.organisation()).map(Organisation::name).orElse(bulletin.organisation());
        byte[] pdf = renderer.render(bulletin, organisationName, bulletins.areaName(bulletin.areaCode()), code,
                printedLinks.base(request));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"affiche-" + id + ".pdf\"").body(pdf);
    }
}
