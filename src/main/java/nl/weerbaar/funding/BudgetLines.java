package nl.weerbaar.funding;

import java.util.List;
import java.util.regex.Pattern;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.DomainException.Conflict;
import nl.weerbaar.system.DomainException.NotFound;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The yearly budget lines: entered and changed by national admins, read by all staff. */
@Service
class BudgetLines {

    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final BudgetLineRepository repository;
    private final AccessControl access;
    private final AuditTrail audit;

    BudgetLines(BudgetLineRepository repository, AccessControl access, AuditTrail audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** What a national admin enters; {@code purpose} in kebab-case, e.g. {@code support-points}. */
    public record BudgetLineInput(Integer year, String source, String purpose, Long amountCents, String note) {}

    /** Budget lines of a year, or of every year when {@code year} is null. */
    @Transactional(readOnly = true)
    public List<BudgetLine> list(Integer year) {
        access.requireRole(Role.VIEWER);
        return repository.findAll(year);
    }

    @Transactional(readOnly = true)
    public BudgetLine get(long id) {
        access.requireRole(Role.VIEWER);
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public BudgetLine create(BudgetLineInput input) {
        // National money: the scope is NL whatever the input says, so it is checked first.
        access.require(Role.ADMIN, "NL");
        validate(input);
        BudgetLine created = repository.insert(input);
        audit.record(new AuditTrail.Change("budget-line.created", "budget-line", String.valueOf(created.id()), "NL", null, created));
        return created;
    }

    @Transactional
    public BudgetLine update(long id, String ifMatch, BudgetLineInput input) {
        // National money: the scope is NL whatever the input says, so it is checked first.
        access.require(Role.ADMIN, "NL");
        validate(input);
        BudgetLine before = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        Versioned.requireMatch(ifMatch, before.version());
        BudgetLine after = repository.update(id, input);
        audit.record(new AuditTrail.Change("budget-line.updated", "budget-line", String.valueOf(id), "NL", before, after));
        return after;
    }

    /**
     * Deletes a line entered by mistake; refused (409) while an allocation was computed from it, as
     * that allocation explains its pot by its lines. Needs the If-Match of the line deleted.
     */
    @Transactional
    public void delete(long id, String ifMatch) {
        access.require(Role.ADMIN, "NL");
        BudgetLine before = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        Versioned.requireMatch(ifMatch, before.version());
        List<String> using = repository.allocationsUsing(id);
        if (!using.isEmpty()) {
            throw new Conflict("budget line " + id + " is used by " + using.size() + " allocation(s) ("
                    + String.join(", ", using) + "); it cannot be deleted, change its amount or note instead",
                    "funding.refusal.lineInUse", using.size(), String.join(", ", using));
        }
        repository.delete(id);
        audit.record(new AuditTrail.Change("budget-line.deleted", "budget-line", String.valueOf(id), "NL", before, null));
    }

    static NotFound notFound(long id) {
        return new NotFound("no budget line with id " + id);
    }

    private static void validate(BudgetLineInput input) {
        new InputCheck()
                .require(input.year(), y -> y >= 2020 && y <= 2100, "year", "must be a year from 2020 to 2100")
                .require(input.source(), s -> !s.isBlank() && s.strip().length() <= 200, "source",
                        "must name where the money comes from, at most 200 characters")
                .require(input.purpose(), p -> PURPOSE.matcher(p).matches() && p.length() <= 60, "purpose",
                        "must be a kebab-case code of at most 60 characters, e.g. support-points or regional-strengthening")
                .require(input.amountCents(), a -> a >= 0, "amountCents", "must be zero or more whole euro cents")
                .require(input.note() == null || input.note().length() <= 2000, "note", "must be at most 2000 characters")
                .orThrow();
    }
}
