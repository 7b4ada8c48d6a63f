package nl.weerbaar.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpenditureRepository {

    private static final RowMapper<Expenditure> ROW = (rs, n) -> new Expenditure(rs.getLong("id"), rs.getString("region_code"),
            rs.getString("municipality_code"), rs.getInt("year"), rs.getString("kind"), rs.getLong("amount_cents"),
            NatoCategory.fromCode(rs.getString("nato_category")).orElseThrow(), rs.getString("reference_type"),
            rs.getString("reference_id"), rs.getString("description"), rs.getObject("booked_on", LocalDate.class),
            rs.getLong("version"));

    private final JdbcClient jdbc;

    ExpenditureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Expenditures of a year and region (either may be null for all), limited to the areas given
     * (null: everywhere), newest booking first.
     */
    List<Expenditure> find(Integer year, String region, Set<String> areasInScope) {
        return jdbc.sql("""
                        select * from funding_expenditure
                        where (cast(:year as integer) is null or year = :year)
                          and (cast(:region as text) is null or region_code = :region)
                          and (cast(:areas as text[]) is null or region_code = any(:areas) or municipality_code = any(:areas))
                        order by booked_on desc, id desc""")
                .param("year", year).param("region", region)
                .param("areas", areasInScope == null ? null : areasInScope.toArray(String[]::new))
                .query(ROW).list();
    }

    Optional<Expenditure> find(long id) {
        return jdbc.sql("select * from funding_expenditure where id = :id").param("id", id).query(ROW).optional();
    }

    Optional<Expenditure> findForUpdate(long id) {
        return jdbc.sql("select * from funding_expenditure where id = :id for update").param("id", id).query(ROW).optional();
    }

    Expenditure insert(Expenditures.ValidExpenditure e) {
        return jdbc.sql("""
                        insert into funding_expenditure (region_code, municipality_code, year, kind, amount_cents, nato_category,
                                                         reference_type, reference_id, description, booked_on)
                        values (:region, :municipality, :year, :kind, :amount, :category, :referenceType, :referenceId,
                                :description, :bookedOn) returning *""")
                .paramSource(params(e))
                .query(ROW).single();
    }

    Expenditure update(long id, Expenditures.ValidExpenditure e) {
        return jdbc.sql("""
                        update funding_expenditure set region_code = :region, municipality_code = :municipality, year = :year,
                               kind = :kind, amount_cents = :amount, nato_category = :category, reference_type = :referenceType,
                               reference_id = :referenceId, description = :description, booked_on = :bookedOn,
                               version = version + 1
                        where id = :id returning *""")
                .paramSource(params(e).addValue("id", id))
                .query(ROW).single();
    }

    private static MapSqlParameterSource params(Expenditures.ValidExpenditure e) {
        return new MapSqlParameterSource()
                .addValue("region", e.region()).addValue("municipality", e.municipality()).addValue("year", e.year())
                .addValue("kind", e.kind()).addValue("amount", e.amountCents()).addValue("category", e.natoCategory().code())
                .addValue("referenceType", e.referenceType()).addValue("referenceId", e.referenceId())
                .addValue("description", e.description()).addValue("bookedOn", e.bookedOn());
    }
}
