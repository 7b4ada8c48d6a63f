package nl.weerbaar.funding;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.Actor;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.areas.AreaLimits;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Municipality;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.InvalidInputException;
import nl.weerbaar.system.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments and spending against the regions' budgets. A coordinator (or admin) books for the
 * region or municipality of their organisation; everyone reads only within their scope: a region
 * its own lines and its municipalities', a municipality its own, national all.
 */
@Service
class Expenditures {

    static final List<String> KINDS = List.of("commitment", "spending");
    static final List<String> REFERENCE_TYPES = List.of("support-point", "depot", "stock-purchase");

    private final ExpenditureRepository repository;
    private final ExpenditureCsv csv;
    private final Areas areas;
    private final AccessControl access;
    private final AuditTrail audit;

    Expenditures(ExpenditureRepository repository, ExpenditureCsv csv, Areas areas, AccessControl access, AuditTrail audit) {
        this.repository = repository;
        this.csv = csv;
        this.areas = areas;
        this.access = access;
        this.audit = audit;
    }

    /**
     * What is booked. {@code region} may be left out when {@code municipality} is given; {@code bookedOn}
     * is an ISO date (2027-03-31).
     */
    public record ExpenditureInput(String region, String municipality, Integer year, String kind, Long amountCents,
                                   String natoCategory, String referenceType, String referenceId, String description,
                                   String bookedOn) {}

    /** An input that passed every check, with the region filled in. */
    record ValidExpenditure(String region, String municipality, int year, String kind, long amountCents,
                            NatoCategory natoCategory, String referenceType, String referenceId, String description,
                            LocalDate bookedOn) {
        String bookingArea() {
            return municipality != null ? municipality : region;
        }
    }

    /** How an import went: every row is written, or none. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ExpenditureImportResult")
    public record ImportResult(int rowsImported, List<Long> ids) {}

    /** Expenditures the current user may see, of a year and region when given, newest booking first. */
    @Transactional(readOnly = true)
    public List<Expenditure> list(Integer year, String region) {
        Actor actor = access.requireRole(Role.VIEWER);
        return repository.find(year, region == null ? null : region.strip().toUpperCase(Locale.ROOT),
                access.areasInScope(actor).orElse(null));
    }

    /** One expenditure; 404 as well when it lies outside the user's scope, so its existence does not leak. */
    @Transactional(readOnly = true)
    public Expenditure get(long id) {
        Actor actor = access.requireRole(Role.VIEWER);
        return repository.find(id).filter(e -> access.mayRead(actor, e.bookingArea())).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Expenditure create(ExpenditureInput input) {
        access.requireRole(Role.COORDINATOR);
        ValidExpenditure valid = validate(input);
        access.require(Role.COORDINATOR, valid.bookingArea());
        Expenditure created = repository.insert(valid);
        audit.record(new AuditTrail.Change("expenditure.created", "expenditure", String.valueOf(created.id()),
                created.bookingArea(), null, created));
        return created;
    }

    /** Changes an expenditure; the user must act both where it was booked and where it is booked now. */
    @Transactional
    public Expenditure update(long id, String ifMatch, ExpenditureInput input) {
        Actor actor = access.requireRole(Role.COORDINATOR);
        ValidExpenditure valid = validate(input);
        access.require(Role.COORDINATOR, valid.bookingArea());
        Expenditure before = repository.findForUpdate(id).filter(e -> access.mayRead(actor, e.bookingArea()))
                .orElseThrow(() -> notFound(id));
        access.require(Role.COORDINATOR, before.bookingArea());
        Versioned.requireMatch(ifMatch, before.version());
        Expenditure after = repository.update(id, valid);
        audit.record(new AuditTrail.Change("expenditure.updated", "expenditure", String.valueOf(id), after.bookingArea(),
                before, after));
        return after;
    }

    /**
     * Imports expenditures from CSV (see {@link ExpenditureCsv} for the columns): all rows or none.
     * Every bad row and field is reported at once, as {@code row 3: amountEur}; then every area booked
     * for must be within the user's scope.
     */
    @Transactional
    public ImportResult importCsv(String text) {
        access.requireRole(Role.COORDINATOR);
        List<ExpenditureCsv.Row> rows = csv.parse(text);
        List<InvalidInputException.InvalidParam> problems = new ArrayList<>();
        List<ValidExpenditure> valid = new ArrayList<>();
        for (ExpenditureCsv.Row row : rows) {
            problems.addAll(row.problems());
            try {
                ValidExpenditure checked = validate(row.input());
                if (row.problems().isEmpty()) {
                    valid.add(checked);
                }
            } catch (InvalidInputException e) {
                Set<String> alreadyReported = new HashSet<>(row.problems().stream()
                        .map(InvalidInputException.InvalidParam::name).toList());
                e.invalidParams().stream()
                        .map(p -> new InvalidInputException.InvalidParam("row " + row.line() + ": " + ExpenditureCsv.columnOf(p.name()),
                                p.reason()))
                        .filter(p -> !alreadyReported.contains(p.name()))
                        .forEach(problems::add);
            }
        }
        if (rows.isEmpty()) {
            problems.add(new InvalidInputException.InvalidParam("body", "has no rows under the header line"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> bookingAreas = new LinkedHashSet<>(valid.stream().map(ValidExpenditure::bookingArea).toList());
        bookingAreas.forEach(area -> access.require(Role.COORDINATOR, area));
        List<Long> ids = new ArrayList<>();
        for (ValidExpenditure expenditure : valid) {
            Expenditure created = repository.insert(expenditure);
            ids.add(created.id());
            audit.record(new AuditTrail.Change("expenditure.imported", "expenditure", String.valueOf(created.id()),
                    created.bookingArea(), null, created));
        }
        return new ImportResult(ids.size(), List.copyOf(ids));
    }

    ValidExpenditure validate(ExpenditureInput input) {
        String municipalityCode = upper(input.municipality());
        String regionCode = upper(input.region());
        Optional<Municipality> municipality = Optional.ofNullable(municipalityCode).flatMap(areas::municipality);
        if (regionCode == null) {
            regionCode = municipality.map(Municipality::regionCode).orElse(null);
        }
        String region = regionCode;
        Optional<NatoCategory> category = NatoCategory.fromCode(input.natoCategory());
        Optional<LocalDate> bookedOn = date(input.bookedOn());
        boolean hasReferenceType = input.referenceType() != null && !input.referenceType().isBlank();
        boolean hasReferenceId = input.referenceId() != null && !input.referenceId().isBlank();
        new InputCheck()
                .require(region, r -> areas.region(r).isPresent() && r.matches(AreaLimits.REGION_CODE), "region",
                        "must be a safety-region code VR01 to VR25 (or leave it out and give a municipality)")
                .require(municipalityCode == null || municipality.isPresent(), "municipality",
                        "no municipality with code '" + input.municipality() + "': use a CBS code such as GM0363")
                .require(municipality.isEmpty() || region == null || municipality.get().regionCode().equals(region), "municipality",
                        municipality.map(m -> m.name() + " lies in " + m.regionCode() + ", not in " + region).orElse(""))
                .require(input.year(), y -> y >= 2020 && y <= 2100, "year", "must be a year from 2020 to 2100")
                .require(input.kind(), KINDS::contains, "kind", "must be commitment or spending")
                .require(input.amountCents(), a -> a > 0, "amountCents", "must be more than zero whole euro cents")
                .require(category.isPresent(), "natoCategory", "must be one of " + NatoCategory.allCodes())
                .require(!hasReferenceType || REFERENCE_TYPES.contains(input.referenceType()), "referenceType",
                        "must be support-point, depot or stock-purchase, or left out")
                .require(hasReferenceType == hasReferenceId, "referenceId",
                        "give a referenceType and a referenceId together, or neither")
                .require(!hasReferenceId || input.referenceId().strip().length() <= 100, "referenceId", "must be at most 100 characters")
                .require(input.description(), d -> !d.isBlank() && d.strip().length() <= 500, "description",
                        "must say what the money is for, 1 to 500 characters")
                .require(bookedOn.isPresent(), "bookedOn", "must be a date as 2027-03-31")
                .orThrow();
        return new ValidExpenditure(region, municipality.map(Municipality::code).orElse(null), input.year(), input.kind(),
                input.amountCents(), category.orElseThrow(), hasReferenceType ? input.referenceType() : null,
                hasReferenceId ? input.referenceId().strip() : null, input.description().strip(), bookedOn.orElseThrow());
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    static NotFound notFound(long id) {
        return new NotFound("no expenditure with id " + id + " in your scope");
    }
}
