package nl.weerbaar.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.system.InputCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations that act in Weerbaar: one per government layer and area, and partners. */
@Service
public class Organisations {

    private static final Pattern PARTNER_CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,39}");
    private static final Pattern AREA_CODE = Pattern.compile(AreaLimits.AREA_CODE);

    private final OrganisationRepository repository;
    private final Areas areas;
    private final AccessControl access;
    private final AuditTrail audit;

    Organisations(OrganisationRepository repository, Areas areas, AccessControl access, AuditTrail audit) {
        this.repository = repository;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
    }

    public Optional<Organisation> find(String code) {
        return repository.find(code);
    }

    public List<Organisation> all() {
        return repository.findAll();
    }

    /** Creates the national, region and municipality organisations the reference data implies. */
    @Transactional
    public int synchroniseWithAreas() {
        List<Organisation> government = new ArrayList<>();
        government.add(new Organisation("NL", OrganisationKind.NATIONAL, "Nederland (nationaal)", List.of("NL")));
        areas.regions().forEach(r -> government.add(
                new Organisation(r.code(), OrganisationKind.REGION, "Veiligheidsregio " + r.name(), List.of(r.code()))));
        areas.municipalities().forEach(m -> government.add(
                new Organisation(m.code(), OrganisationKind.MUNICIPALITY, "Gemeente " + m.name(), List.of(m.code()))));
        int created = 0;
        for (Organisation organisation : government) {
            if (repository.upsert(organisation)) {
                created++;
            }
        }
        if (created > 0) {
            audit.record(new AuditTrail.Change("organisations.synchronised", "organisation", "*", "NL", null,
                    Map.of("created", created)));
        }
        return created;
    }

    public record NewPartner(String code, String name, List<String> areas) {}

    /** Creates a partner organisation; the admin must act in every area the partner is given. */
    @Transactional
    public Organisation createPartner(NewPartner request) {
        access.requireRole(Role.ADMIN);
        List<String> areaCodes = request.areas() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.areas().stream().map(a -> a == null ? "" : a.trim().toUpperCase()).toList()));
        new InputCheck()
                .require(request.code(), c -> PARTNER_CODE.matcher(c).matches(), "code",
                        "must be 2 to 40 capitals, digits or hyphens, starting with a letter, e.g. RODE-KRUIS")
                .require(request.code() == null || !AREA_CODE.matcher(request.code()).matches(), "code",
                        "is reserved for a government organisation")
                .require(request.name(), n -> !InputCheck.isBlank(n) && n.length() <= 200, "name", "must be 1 to 200 characters")
                .require(!areaCodes.isEmpty(), "areas", "must name at least one area: NL, a region (VR13) or a municipality (GM0363)")
                .require(areaCodes.stream().allMatch(this::isKnownArea), "areas",
                        "contains an unknown area: " + areaCodes.stream().filter(a -> !isKnownArea(a)).toList())
                .orThrow();
        for (String area : areaCodes) {
            access.require(Role.ADMIN, area);
        }
        new InputCheck().require(repository.find(request.code()).isEmpty(), "code", "an organisation " + request.code() + " exists already")
                .orThrow();
        Organisation partner = new Organisation(request.code(), OrganisationKind.PARTNER, request.name().trim(), areaCodes);
        repository.upsert(partner);
        audit.record(new AuditTrail.Change("organisation.created", "organisation", partner.code(),
                repository.auditArea(partner.code()), null, partner));
        return partner;
    }

    private boolean isKnownArea(String code) {
        return code.equals("NL") || areas.region(code).isPresent() || areas.municipality(code).isPresent();
    }
}
