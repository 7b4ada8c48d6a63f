package nl.weerbaar.bulletins;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.system.AnswersProblem;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.Items;
import nl.weerbaar.system.Versioned;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "bulletins", description = "Signed official crisis information (CAP 1.2): draft, approve, publish, read")
class BulletinsApi {

    static final MediaType CAP_XML = MediaType.parseMediaType("application/cap+xml");

    private final Bulletins bulletins;
    private final Clock clock;

    BulletinsApi(Bulletins bulletins, Clock clock) {
        this.bulletins = bulletins;
        this.clock = clock;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/bulletins")
    @Operation(operationId = "draftBulletin", summary = "Draft a bulletin for an area of your organisation (coordinator)")
    ResponseEntity<BulletinView> draft(@RequestBody Bulletins.Draft draft) {
        Bulletin created = bulletins.draft(draft);
        return ResponseEntity.created(URI.create("/api/v1/bulletins/" + created.id()))
                .eTag(Versioned.etag(created.version())).body(view(created));
    }

    @PutMapping("/bulletins/{id}")
    @AnswersProblem(status = 409, when = "The bulletin is not in a state that allows this, e.g. published already, or approval by its own author")
    @Operation(operationId = "editBulletin", summary = "Change a draft (If-Match); an approved bulletin needs approval again")
    ResponseEntity<BulletinView> edit(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @RequestBody Bulletins.Draft draft) {
        return withEtag(bulletins.edit(id, ifMatch, draft));
    }

    @PostMapping("/bulletins/{id}/approval")
    @AnswersProblem(status = 409, when = "The bulletin is not in a state that allows this, e.g. published already, or approval by its own author")
    @Operation(operationId = "approveBulletin",
            summary = "Approve a draft (If-Match): a coordinator of the same organisation who did not write it")
    ResponseEntity<BulletinView> approve(@PathVariable UUID id,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(bulletins.approve(id, ifMatch));
    }

    @PostMapping("/bulletins/{id}/publication")
    @AnswersProblem(status = 409, when = "The bulletin is not in a state that allows this, e.g. published already, or approval by its own author")
    @Operation(operationId = "publishBulletin", summary = "Sign and publish an approved bulletin")
    ResponseEntity<BulletinView> publish(@PathVariable UUID id) {
        return withEtag(bulletins.publish(id));
    }

    @GetMapping("/bulletins")
    @Operation(operationId = "listBulletins",
            summary = "Bulletins for an area (a municipality includes its region and the country); the public sees published ones")
    Items<BulletinView> list(@RequestParam(required = false) String area,
                             @RequestParam(defaultValue = "false") boolean inForce) {
        return new Items<>(bulletins.list(area, inForce).stream().map(this::view).toList());
    }

    @GetMapping("/bulletins/{id}")
    @Operation(operationId = "getBulletin", summary = "One bulletin")
    ResponseEntity<BulletinView> get(@PathVariable UUID id) {
        return withEtag(bulletins.find(id).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(value = "/bulletins/{id}/cap", produces = {"application/cap+xml", "application/xml"})
    @Operation(operationId = "getBulletinCap", summary = "The signed CAP 1.2 XML of a published bulletin, byte for byte as signed")
    ResponseEntity<byte[]> cap(@PathVariable UUID id) {
        String xml = bulletins.capXml(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok().contentType(CAP_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bericht-" + id + ".xml\"")
                .body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/areas/{code}/bulletins.atom", produces = "application/atom+xml")
    @Operation(operationId = "getAreaBulletinFeed",
            summary = "Atom feed of the published bulletins for an area (with its region and the country), linking their signed CAP")
    ResponseEntity<String> feed(@PathVariable String code) {
        String area = code.toUpperCase();
        if (!area.matches(AreaLimits.AREA_CODE) || bulletins.areaName(area).equals(area)) {
            throw new NotFound("no area with code '" + code + "'");
        }
        List<AtomFeed.Entry> entries = bulletins.list(area, false).stream().filter(Bulletin::published)
                .map(b -> new AtomFeed.Entry(b, bulletins.organisationName(b.organisation()))).toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml"))
                .body(AtomFeed.write(area, bulletins.feedTitle(area), entries, bulletins.publicUrl()));
    }

    private ResponseEntity<BulletinView> withEtag(Bulletin bulletin) {
        return ResponseEntity.ok().eTag(Versioned.etag(bulletin.version())).body(view(bulletin));
    }

    private BulletinView view(Bulletin bulletin) {
        return BulletinView.of(bulletin, bulletins.areaName(bulletin.areaCode()), clock.instant());
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("no published bulletin " + id);
    }
}
