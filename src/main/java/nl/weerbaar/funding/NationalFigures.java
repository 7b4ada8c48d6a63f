package nl.weerbaar.funding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.access.AccessControl;
import nl.weerbaar.access.AuditTrail;
import nl.weerbaar.access.Role;
import nl.weerbaar.system.InputCheck;
import nl.weerbaar.system.Versioned;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national figures behind the pledge report, entered by national admins as data: GDP per year,
 * and resilience spending outside the regional budgets (with its source).
 */
@Service
class NationalFigures {

    private static final RowMapper<Gdp> GDP = (rs, n) -> new Gdp(rs.getInt("year"), rs.getLong("amount_cents"),
            rs.getString("source"), rs.getLong("version"));
    private static final RowMapper<NationalSpending> SPENDING = (rs, n) -> new NationalSpending(rs.getLong("id"), rs.getInt("year"),
            NatoCategory.fromCode(rs.getString("nato_category")).orElseThrow(), rs.getLong("amount_cents"), rs.getString("source"));

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AuditTrail audit;

    NationalFigures(JdbcClient jdbc, AccessControl access, AuditTrail audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /** Gross domestic product of the Netherlands in a year, in current euros. */
    public record Gdp(int year, long amountCents, String source, long version) {}

    public record GdpInput(Long amountCents, String source) {}

    /** Resilience spending booked nationally, e.g. protection of critical infrastructure by a ministry. */
    public record NationalSpending(long id, int year, NatoCategory natoCategory, long amountCents, String source) {}

    public record NationalSpendingInput(Integer year, String natoCategory, Long amountCents, String source) {}

    /** A GDP figure as stored, and whether it was new. */
    public record GdpWrite(Gdp gdp, boolean created) {}

    @Transactional(readOnly = true)
    public List<Gdp> gdp() {
        access.requireRole(Role.VIEWER);
        return gdpFigures();
    }

    List<Gdp> gdpFigures() {
        return jdbc.sql("select * from funding_gdp order by year").query(GDP).list();
    }

    /** Enters or replaces the GDP of a year; replacing needs the If-Match of the figure replaced. */
    @Transactional
    public GdpWrite putGdp(int year, String ifMatch, GdpInput input) {
        // National money: the scope is NL whatever the input says, so it is checked first.
        access.require(Role.ADMIN, "NL");
        new InputCheck()
                .require(year >= 2000 && year <= 2100, "year", "must be a year from 2000 to 2100")
                .require(input.amountCents(), a -> a > 0, "amountCents", "must be more than zero whole euro cents")
                .require(input.source(), s -> !s.isBlank() && s.strip().length() <= 300, "source",
                        "must name where the figure comes from (e.g. CBS), at most 300 characters")
                .orThrow();
        Optional<Gdp> before = jdbc.sql("select * from funding_gdp where year = :year for update").param("year", year).query(GDP).optional();
        before.ifPresent(existing -> Versioned.requireMatch(ifMatch, existing.version()));
        Gdp after = jdbc.sql("""
                        insert into funding_gdp (year, amount_cents, source) values (:year, :amount, :source)
                        on conflict (year) do update set amount_cents = excluded.amount_cents, source = excluded.source,
                                                         version = funding_gdp.version + 1
                        returning *""")
                .param("year", year).param("amount", input.amountCents()).param("source", input.source().strip())
                .query(GDP).single();
        audit.record(new AuditTrail.Change(before.isPresent() ? "gdp.updated" : "gdp.created", "gdp", String.valueOf(year), "NL",
                before.orElse(null), after));
        return new GdpWrite(after, before.isEmpty());
    }

    @Transactional(readOnly = true)
    public List<NationalSpending> nationalSpending(Integer year) {
        access.requireRole(Role.VIEWER);
        return nationalSpendingOf(year);
    }

    List<NationalSpending> nationalSpendingOf(Integer year) {
        return jdbc.sql("select * from funding_national_spending where (cast(:year as integer) is null or year = :year) order by year, id")
                .param("year", year).query(SPENDING).list();
    }

    @Transactional
    public NationalSpending addNationalSpending(NationalSpendingInput input) {
        // National money: the scope is NL whatever the input says, so it is checked first.
        access.require(Role.ADMIN, "NL");
        new InputCheck()
                .require(input.year(), y -> y >= 2020 && y <= 2100, "year", "must be a year from 2020 to 2100")
                .require(NatoCategory.fromCode(input.natoCategory()).isPresent(), "natoCategory", "must be one of " + NatoCategory.allCodes())
                .require(input.amountCents(), a -> a > 0, "amountCents", "must be more than zero whole euro cents")
                .require(input.source(), s -> !s.isBlank() && s.strip().length() <= 300, "source",
                        "must name where the figure comes from, at most 300 characters")
                .orThrow();
        NationalSpending created = jdbc.sql("""
                        insert into funding_national_spending (year, nato_category, amount_cents, source)
                        values (:year, :category, :amount, :source) returning *""")
                .param("year", input.year()).param("category", input.natoCategory()).param("amount", input.amountCents())
                .param("source", input.source().strip())
                .query(SPENDING).single();
        audit.record(new AuditTrail.Change("national-spending.created", "national-spending", String.valueOf(created.id()), "NL",
                null, Map.of("year", created.year(), "natoCategory", created.natoCategory().code(),
                        "amountCents", created.amountCents(), "source", created.source())));
        return created;
    }
}
