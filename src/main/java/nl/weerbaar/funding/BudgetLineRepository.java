package nl.weerbaar.funding;

import static nl.weerbaar.system.InputCheck.blankToNull;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BudgetLineRepository {

    private static final RowMapper<BudgetLine> ROW = (rs, n) -> new BudgetLine(rs.getLong("id"), rs.getInt("year"),
            rs.getString("source"), rs.getString("purpose"), rs.getLong("amount_cents"), rs.getString("note"),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    BudgetLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BudgetLine> findAll(Integer year) {
        return jdbc.sql("select * from funding_budget_line where (cast(:year as integer) is null or year = :year) order by year, id")
                .param("year", year)
                .query(ROW).list();
    }

    Optional<BudgetLine> find(long id) {
        return jdbc.sql("select * from funding_budget_line where id = :id").param("id", id).query(ROW).optional();
    }

    /** Locks the row until the transaction ends, so two edits cannot both pass the version check. */
    Optional<BudgetLine> findForUpdate(long id) {
        return jdbc.sql("select * from funding_budget_line where id = :id for update").param("id", id).query(ROW).optional();
    }

    BudgetLine insert(BudgetLines.BudgetLineInput input) {
        return jdbc.sql("""
                        insert into funding_budget_line (year, source, purpose, amount_cents, note)
                        values (:year, :source, :purpose, :amount, :note) returning *""")
                .param("year", input.year()).param("source", input.source().strip()).param("purpose", input.purpose())
                .param("amount", input.amountCents()).param("note", blankToNull(input.note()))
                .query(ROW).single();
    }

    BudgetLine update(long id, BudgetLines.BudgetLineInput input) {
        return jdbc.sql("""
                        update funding_budget_line set year = :year, source = :source, purpose = :purpose,
                               amount_cents = :amount, note = :note, version = version + 1
                        where id = :id returning *""")
                .param("id", id)
                .param("year", input.year()).param("source", input.source().strip()).param("purpose", input.purpose())
                .param("amount", input.amountCents()).param("note", blankToNull(input.note()))
                .query(ROW).single();
    }

    /** Names of the allocations computed from the line: while there are any, the line stays. */
    List<String> allocationsUsing(long id) {
        return jdbc.sql("""
                        select a.name from funding_allocation a join funding_allocation_budget_line l on l.allocation_id = a.id
                        where l.budget_line_id = :id order by a.id""")
                .param("id", id).query(String.class).list();
    }

    void delete(long id) {
        jdbc.sql("delete from funding_budget_line where id = :id").param("id", id).update();
    }
}
