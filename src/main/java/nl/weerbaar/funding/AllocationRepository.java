package nl.weerbaar.funding;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.areas.Areas;
import nl.weerbaar.areas.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AllocationRepository {

    private final JdbcClient jdbc;
    private final Areas areas;
    /** Stamps when an allocation was adopted, the moment the API shows. */
    private final Clock clock;

    AllocationRepository(JdbcClient jdbc, Areas areas, Clock clock) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.clock = clock;
    }

    private record Header(long id, String name, int year, long potCents, long baseCents, BigDecimal areaSharePercent,
                          String status, Timestamp adoptedAt) {}

    long insert(String name, int year, List<Long> budgetLineIds, long potCents, long baseCents, BigDecimal areaSharePercent,
                List<Allocation.RegionShare> shares) {
        long id = jdbc.sql("""
                        insert into funding_allocation (name, year, pot_cents, base_cents, area_share_percent)
                        values (:name, :year, :pot, :base, :areaShare) returning id""")
                .param("name", name).param("year", year).param("pot", potCents).param("base", baseCents)
                .param("areaShare", areaSharePercent)
                .query(Long.class).single();
        for (long lineId : budgetLineIds) {
            jdbc.sql("insert into funding_allocation_budget_line (allocation_id, budget_line_id) values (:id, :line)")
                    .param("id", id).param("line", lineId).update();
        }
        for (Allocation.RegionShare share : shares) {
            jdbc.sql("""
                            insert into funding_allocation_share (allocation_id, region_code, population, land_area_km2, risk_weight,
                                                                  base_cents, population_cents, area_cents, total_cents)
                            values (:id, :region, :population, :area, :risk, :base, :populationCents, :areaCents, :total)""")
                    .param("id", id).param("region", share.regionCode()).param("population", share.population())
                    .param("area", share.landAreaKm2()).param("risk", share.riskWeight()).param("base", share.baseCents())
                    .param("populationCents", share.populationCents()).param("areaCents", share.areaCents())
                    .param("total", share.totalCents())
                    .update();
        }
        return id;
    }

    Optional<Allocation> find(long id) {
        return jdbc.sql("select * from funding_allocation where id = :id").param("id", id)
                .query((rs, n) -> new Header(rs.getLong("id"), rs.getString("name"), rs.getInt("year"), rs.getLong("pot_cents"),
                        rs.getLong("base_cents"), rs.getBigDecimal("area_share_percent"), rs.getString("status"),
                        rs.getTimestamp("adopted_at")))
                .optional()
                .map(this::complete);
    }

    /** Newest first. */
    List<Long> ids(Integer year) {
        return jdbc.sql("select id from funding_allocation where (cast(:year as integer) is null or year = :year) order by id desc")
                .param("year", year).query(Long.class).list();
    }

    /** Adopted allocations of the year that split one of these budget lines: an adoption replaces them. */
    List<Long> adoptedSharingLines(int year, List<Long> budgetLineIds, long except) {
        return jdbc.sql("""
                        select distinct a.id from funding_allocation a
                        join funding_allocation_budget_line l on l.allocation_id = a.id
                        where a.year = :year and a.status = 'adopted' and a.id <> :except and l.budget_line_id = any(:lines)""")
                .param("year", year).param("except", except).param("lines", budgetLineIds.toArray(Long[]::new))
                .query(Long.class).list();
    }

    /** Locks the allocation row, so two adoptions of one allocation cannot both go through. */
    String lockStatus(long id) {
        return jdbc.sql("select status from funding_allocation where id = :id for update").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    void markAdopted(Allocation allocation) {
        jdbc.sql("update funding_allocation set status = 'adopted', adopted_at = :now where id = :id")
                .param("id", allocation.id()).param("now", Timestamp.from(clock.instant())).update();
        for (Allocation.RegionShare share : allocation.shares()) {
            jdbc.sql("""
                            insert into funding_region_budget (allocation_id, region_code, year, amount_cents)
                            values (:id, :region, :year, :amount)""")
                    .param("id", allocation.id()).param("region", share.regionCode()).param("year", allocation.year())
                    .param("amount", share.totalCents())
                    .update();
        }
    }

    void markSuperseded(long id) {
        jdbc.sql("update funding_allocation set status = 'superseded' where id = :id").param("id", id).update();
        jdbc.sql("delete from funding_region_budget where allocation_id = :id").param("id", id).update();
    }

    private Allocation complete(Header header) {
        List<Long> lines = jdbc.sql("select budget_line_id from funding_allocation_budget_line where allocation_id = :id order by 1")
                .param("id", header.id()).query(Long.class).list();
        List<Allocation.RegionShare> shares = jdbc.sql("select * from funding_allocation_share where allocation_id = :id order by region_code")
                .param("id", header.id())
                .query((rs, n) -> new Allocation.RegionShare(rs.getString("region_code"),
                        areas.region(rs.getString("region_code")).map(Region::name).orElse(rs.getString("region_code")),
                        rs.getLong("population"), rs.getBigDecimal("land_area_km2"), rs.getBigDecimal("risk_weight"),
                        rs.getLong("base_cents"), rs.getLong("population_cents"), rs.getLong("area_cents"), rs.getLong("total_cents")))
                .list();
        AllocationCalculator.Rates rates = AllocationCalculator.allocate(header.potCents(), header.baseCents(), header.areaSharePercent(),
                shares.stream().map(s -> new AllocationCalculator.RegionFigures(s.regionCode(), s.population(), s.landAreaKm2(),
                        s.riskWeight())).toList()).rates();
        return new Allocation(header.id(), header.name(), header.year(), lines, header.potCents(), header.baseCents(),
                header.areaSharePercent(), rates.remainderCents(), rates.centsPerResident(), rates.centsPerKm2(), header.status(),
                header.adoptedAt() == null ? null : header.adoptedAt().toInstant(), shares);
    }
}
