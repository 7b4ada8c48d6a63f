package nl.weerbaar.bulletins;

import static nl.weerbaar.system.InputCheck.blankToNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Organisation;
import nl.weerbaar.access.Organisations;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Official crisis information: drafted by a coordinator of the organisation for its area,
 * approved by a second coordinator of that organisation (four eyes), then published, which signs
 * it. Anyone reads what is published; staff also see the drafts of their areas.
 */
@Service
public class Bulletins {

    private static final Set<String> CATEGORIES = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health",
            "Env", "Transport", "Infra", "CBRNE", "Other");
    private static final Set<String> URGENCIES = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    private static final Set<String> SEVERITIES = Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    /** Most severe first, as residents should read them. */
    private static final List<String> SEVERITY_ORDER = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    private static final Set<String> CERTAINTIES = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    private static final Locale DUTCH = Locale.of("nl");

    private final BulletinRepository repository;
    private final SigningKeys keys;
    private final TrustAnchors trustAnchors;
    private final AccessControl access;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final Areas areas;
    private final String publicUrl;
    private final Clock clock;
    private final MessageSource messages;

    Bulletins(BulletinRepository repository, SigningKeys keys, TrustAnchors trustAnchors, AccessControl access, AuditTrail audit,
              Organisations organisations, Areas areas,
              @Value("${weerbaar.public-url:http://localhost:8080}") String publicUrl, Clock clock, MessageSource messages) {
        this.repository = repository;
        this.keys = keys;
        this.trustAnchors = trustAnchors;
        this.access = access;
        this.audit = audit;
        this.organisations = organisations;
        this.areas = areas;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.messages = messages;
    }

    /** What a coordinator writes; English is optional, as a whole headline and description. */
    public record Draft(String area, String kind, UUID references, String event, String category, String urgency,
                        String severity, String certainty, String headline, String description, String instruction,
                        String headlineEn, String descriptionEn, String instructionEn, Instant effective, Instant expires) {}

    @Transactional
    public Bulletin draft(Draft draft) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Bulletin content = check(draft, UUID.randomUUID(), actor);
        access.require(Role.COORDINATOR, content.areaCode());
        requireReference(content, actor);
        repository.insert(content, now());
        Bulletin created = repository.find(content.id()).orElseThrow();
        audit.record(new AuditTrail.Change("bulletin.drafted", "bulletin", created.id().toString(), created.areaCode(), null, created));
        return created;
    }

    /** Changes a draft; an approved bulletin that is changed needs approval again. Published ones never change. */
    @Transactional
    public Bulletin edit(UUID id, String ifMatch, Draft draft) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Bulletin content = check(draft, id, actor);
        access.require(Role.COORDINATOR, content.areaCode());
        Bulletin before = ownBulletin(id, actor);
        if (before.published()) {
            throw new Conflict("bulletin " + id + " is published and signed: publish an update (kind 'update') that references it instead",
                    "bulletins.refusal.publishedSigned", before.dutch().headline());
        }
        Versioned.requireMatch(ifMatch, before.version());
        requireReference(content, actor);
        repository.updateContent(content);
        Bulletin after = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("bulletin.edited", "bulletin", id.toString(), after.areaCode(), before, after));
        return after;
    }

    /** The second pair of eyes: a coordinator of the same organisation who did not write it. */
    @Transactional
    public Bulletin approve(UUID id, String ifMatch) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Bulletin before = ownBulletin(id, actor);
        if (before.status() != Bulletin.Status.draft) {
            throw new Conflict("bulletin " + id + " is " + before.status() + " already",
                    "bulletins.refusal.notDraft." + before.status(), before.dutch().headline());
        }
        if (before.author().equals(actor.username())) {
            throw new Conflict("you wrote bulletin " + id
                    + ": a colleague of " + before.organisation() + " (coordinator) must approve it (four eyes)",
                    "bulletins.refusal.fourEyes", before.dutch().headline(), organisationName(before.organisation()));
        }
        Versioned.requireMatch(ifMatch, before.version());
        repository.approve(id, actor.username(), now());
        Bulletin after = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("bulletin.approved", "bulletin", id.toString(), after.areaCode(), before, after));
        return after;
    }

    /** Signs an approved bulletin with the organisation's current key and makes it public. */
    @Transactional
    public Bulletin publish(UUID id) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        Bulletin before = ownBulletin(id, actor);
        if (before.status() != Bulletin.Status.approved) {
            throw before.published()
                    ? new Conflict("bulletin " + id + " is published already", "bulletins.refusal.publishedAlready",
                            before.dutch().headline())
                    : new Conflict("bulletin " + id + " is a draft: a colleague must approve it before it can be published",
                            "bulletins.refusal.notApproved", before.dutch().headline());
        }
        Instant sent = now();
        Bulletin referenced = before.references() == null ? null : repository.find(before.references()).orElseThrow();
        SigningKeys.SigningKey key = keys.current(before.organisation());
        byte[] cap = CapSigner.signedCap(before, sent, referenced, context(before), key.kid(), key.privateKey(),
                key.published().publicKey());
        String posterCode = PosterCode.sign(new PosterCode.Payload(id, key.kid(), before.organisation(), before.areaCode(), sent,
                before.expires(), PosterCode.capDigest(cap), before.dutch().headline()), key.privateKey());
        repository.publish(id, actor.username(), sent, key.kid(), new String(cap, StandardCharsets.UTF_8), posterCode);
        Bulletin after = repository.find(id).orElseThrow();
        audit.record(new AuditTrail.Change("bulletin.published", "bulletin", id.toString(), after.areaCode(), before,
                Map.of("bulletin", after, "kid", key.kid())));
        return after;
    }

    /** A bulletin as the caller may see it: published for everyone, drafts for staff of its area. */
    @Transactional(readOnly = true)
    public Optional<Bulletin> find(UUID id) {
        return repository.find(id).filter(this::visible);
    }

    /** Bulletins of an area (with, for a municipality, those of its region and the whole country). */
    @Transactional(readOnly = true)
    public List<Bulletin> list(String area, boolean inForceOnly) {
        List<String> areaCodes = area == null ? List.of() : areasConcerning(area.toUpperCase());
        Instant now = now();
        return repository.list(areaCodes, currentActor().isEmpty(), 500).stream()
                .filter(this::visible)
                .filter(b -> !inForceOnly || b.inForceAt(now))
                .toList();
    }

    /** A bulletin as residents read it, in the page's language, with names and Dutch times. */
    public PublicBulletin forResidents(Bulletin bulletin, java.util.Locale locale) {
        return PublicBulletin.of(bulletin, areaName(bulletin.areaCode(), locale), organisationName(bulletin.organisation()), clock.instant(),
                locale);
    }

    /** The published bulletins in force for an area (null: anywhere), most severe first, then newest. */
    @Transactional(readOnly = true)
    public List<PublicBulletin> inForceForResidents(String area, java.util.Locale locale) {
        return list(area, true).stream().filter(Bulletin::published)
                .sorted(java.util.Comparator.comparingInt((Bulletin b) -> SEVERITY_ORDER.indexOf(b.severity()))
                        .thenComparing(Bulletin::publishedAt, java.util.Comparator.reverseOrder()))
                .map(b -> forResidents(b, locale)).toList();
    }

    /**
     * The CAP 1.2 XML of a bulletin as the approver should read it: for a published one exactly as
     * signed; for a draft as it would be written if sent now, without a signature.
     */
    @Transactional(readOnly = true)
    public Optional<String> capPreview(UUID id) {
        return find(id).map(b -> b.published() ? repository.capXml(id).orElseThrow()
                : new String(CapXml.serialize(CapWriter.write(b, now(),
                        b.references() == null ? null : repository.find(b.references()).orElse(null), context(b))),
                        StandardCharsets.UTF_8));
    }

    /** The signed CAP 1.2 XML of a published bulletin, exactly as signed. */
    public Optional<String> capXml(UUID id) {
        return repository.capXml(id);
    }

    /** The signed code for the QR code on the printed poster of a published bulletin. */
    public Optional<String> posterCode(UUID id) {
        return repository.posterCode(id);
    }

    /** Checks the code from a poster's QR code (or the whole link) against the keys of this server. */
    public Verdict verifyPosterCode(String code) {
        return PosterCode.verify(code, trustedKeys(), clock.instant());
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Checks a CAP message against the keys of this server. */
    public Verdict verify(byte[] xml) {
        return check(xml).verdict();
    }

    /** The verdict on a CAP message with each of its signatures, against the keys of this server. */
    public Verification check(byte[] xml) {
        return BulletinVerifier.check(xml, trustedKeys(), clock.instant());
    }

    /** As {@link #check(byte[])}, for a message taken in for an area: another authority is genuine only within its own. */
    public Verification check(byte[] xml, String forArea) {
        return BulletinVerifier.check(xml, trustedKeys(), clock.instant(), Set.of(forArea));
    }

    public TrustedKeys trustedKeys() {
        return new TrustedKeys() {
            public Optional<PublishedKey> find(String kid) {
                return keys.find(kid);
            }

            public String nameOf(String organisation) {
                return organisations.find(organisation).map(Organisation::name).orElse(organisation);
            }

            public List<TrustAnchor> anchors() {
                return trustAnchors.all();
            }
        };
    }

    public String organisationName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    /** The area's name in Dutch, as the CAP's {@code areaDesc}, the API and the Atom feed give it; an unknown code itself. */
    public String areaName(String code) {
        return areaName(code, DUTCH);
    }

    /** The title of an area's Atom feed, in Dutch as its entries are. */
    public String feedTitle(String code) {
        return messages.getMessage("bulletins.feed.title", new Object[] {areaName(code)}, DUTCH);
    }

    /** The area's name for a reader of {@code locale}: a region's in words of the bundle ({@code bulletins.area.region}). */
    public String areaName(String code, Locale locale) {
        if (code.equals("NL")) {
            return areas.name(code).orElseThrow();
        }
        return areas.municipality(code).map(Municipality::name)
                .or(() -> areas.region(code).map(r -> messages.getMessage("bulletins.area.region", new Object[] {r.name()}, locale)))
                .orElse(code);
    }

    /** A municipality is also concerned by what its region and the country publish. */
    List<String> areasConcerning(String area) {
        List<String> codes = new ArrayList<>(List.of(area));
        if (area.startsWith("GM")) {
            areas.regionOf(area).ifPresent(codes::add);
        }
        if (!area.equals("NL")) {
            codes.add("NL");
        }
        return codes;
    }

    private boolean visible(Bulletin bulletin) {
        return bulletin.published() || currentActor().filter(actor -> access.mayRead(actor, bulletin.areaCode())).isPresent();
    }

    private Optional<Actor> currentActor() {
        try {
            return Optional.of(access.currentActor());
        } catch (AuthenticationCredentialsNotFoundException anonymous) {
            return Optional.empty();
        }
    }

    /** A bulletin of the actor's own organisation, in an area the actor acts in; others get 403, missing ones 404. */
    private Bulletin ownBulletin(UUID id, Actor actor) {
        Bulletin bulletin = repository.findForUpdate(id).orElseThrow(() ->
                new NotFound("no bulletin " + id, "bulletins.refusal.noBulletin"));
        access.require(Role.COORDINATOR, bulletin.areaCode());
        if (!bulletin.organisation().equals(actor.organisation())) {
            throw new org.springframework.security.access.AccessDeniedException("bulletin " + id + " belongs to "
                    + bulletin.organisation() + ": only its coordinators may change, approve or publish it");
        }
        return bulletin;
    }

    private void requireReference(Bulletin content, Actor actor) {
        if (content.references() == null) {
            return;
        }
        Optional<Bulletin> earlier = repository.find(content.references());
        new InputCheck()
                .require(earlier.filter(Bulletin::published).isPresent(), "references", "must name a published bulletin")
                .require(earlier.filter(e -> e.organisation().equals(actor.organisation())).isPresent()
                        || earlier.isEmpty(), "references", "must name a bulletin of your own organisation")
                .orThrow();
    }

    private Bulletin check(Draft d, UUID id, Actor actor) {
        String area = d.area() == null ? null : d.area().trim().toUpperCase();
        Bulletin.Kind kind = parseKind(d.kind());
        boolean english = d.headlineEn() != null || d.descriptionEn() != null || d.instructionEn() != null;
        Instant effective = d.effective() == null ? now() : d.effective().truncatedTo(ChronoUnit.SECONDS);
        new InputCheck()
                .require(area, a -> a.equals("NL") || areas.region(a).isPresent() || areas.municipality(a).isPresent(), "area",
                        "must be NL, a safety region (VR13) or a municipality (GM0363)")
                .require(d.kind() == null || kind != null, "kind", "must be alert, update, cancel or allClear")
                .require((kind == null || kind == Bulletin.Kind.alert) == (d.references() == null), "references",
                        "an update, cancel or allClear names the bulletin it refers to; an alert names none")
                .require(d.event(), e -> !e.isBlank() && e.length() <= 100, "event", "must be 1 to 100 characters, e.g. Drinkwater")
                .require(d.category(), CATEGORIES::contains, "category", "must be one of " + CATEGORIES)
                .require(d.urgency(), URGENCIES::contains, "urgency", "must be one of " + URGENCIES)
                .require(d.severity(), SEVERITIES::contains, "severity", "must be one of " + SEVERITIES)
                .require(d.certainty(), CERTAINTIES::contains, "certainty", "must be one of " + CERTAINTIES)
                .require(d.headline(), h -> !h.isBlank() && h.length() <= 160, "headline", "must be 1 to 160 characters")
                .require(d.description(), t -> !t.isBlank() && t.length() <= 4000, "description", "must be 1 to 4000 characters")
                .require(d.instruction() == null || d.instruction().length() <= 4000, "instruction", "must be at most 4000 characters")
                .require(!english || (d.headlineEn() != null && !d.headlineEn().isBlank() && d.headlineEn().length() <= 160),
                        "headlineEn", "is needed with an English text, 1 to 160 characters")
                .require(!english || (d.descriptionEn() != null && !d.descriptionEn().isBlank() && d.descriptionEn().length() <= 4000),
                        "descriptionEn", "is needed with an English text, 1 to 4000 characters")
                .require(d.instructionEn() == null || d.instructionEn().length() <= 4000, "instructionEn", "must be at most 4000 characters")
                .require(d.expires(), e -> e.isAfter(effective) && e.isAfter(now()), "expires",
                        "must lie after the effective time and in the future")
                .orThrow();
        return new Bulletin(id, actor.organisation(), area, kind == null ? Bulletin.Kind.alert : kind, d.references(),
                d.event().trim(), d.category(), d.urgency(), d.severity(), d.certainty(),
                new Bulletin.Text(d.headline().trim(), d.description().trim(), blankToNull(d.instruction())),
                english ? new Bulletin.Text(d.headlineEn().trim(), d.descriptionEn().trim(), blankToNull(d.instructionEn())) : null,
                effective, d.expires().truncatedTo(ChronoUnit.SECONDS), Bulletin.Status.draft, actor.username(),
                null, null, null, null, null, null, 0);
    }

    private static Bulletin.Kind parseKind(String kind) {
        if (kind == null) {
            return null;
        }
        for (Bulletin.Kind candidate : Bulletin.Kind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        return null;
    }

    private CapWriter.Context context(Bulletin bulletin) {
        String organisationName = organisations.find(bulletin.organisation()).map(Organisation::name).orElse(bulletin.organisation());
        return new CapWriter.Context(organisationName, areaName(bulletin.areaCode()), publicUrl);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
