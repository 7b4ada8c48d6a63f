package nl.weerbaar.household;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts kits made per safety region and week, and nothing else: no postcode finer than the
 * region, no household make-up, no time of day, no address. For staff to see the campaign work.
 */
@Repository
class KitCounter {

    record WeekCount(String region, LocalDate week, long kits) {}

    private final JdbcClient jdbc;

    KitCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void count(String region, LocalDate day) {
        jdbc.sql("""
                        insert into household_kit_count (region_code, week_start, kits) values (:region, :week, 1)
                        on conflict (region_code, week_start) do update set kits = household_kit_count.kits + 1""")
                .param("region", region)
                .param("week", weekStart(day))
                .update();
    }

    List<WeekCount> since(LocalDate from) {
        return jdbc.sql("select region_code, week_start, kits from household_kit_count where week_start >= :from "
                        + "order by week_start, region_code")
                .param("from", weekStart(from))
                .query((rs, n) -> new WeekCount(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3)))
                .list();
    }

    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
