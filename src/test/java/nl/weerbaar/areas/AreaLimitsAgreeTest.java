package nl.weerbaar.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/** The migrated schema's CHECK constraints say what {@link AreaLimits} says, so Java and SQL refuse the same values. */
@ApplicationModuleTest
@ActiveProfiles("test")
class AreaLimitsAgreeTest {

    private static final Pattern LOWER = Pattern.compile(">= \\(*'?(-?[0-9.]+)'?"), UPPER = Pattern.compile("<= \\(*'?(-?[0-9.]+)'?");

    @Autowired
    JdbcClient jdbc;

    @Test
    void supportPointsAndDepotsLieInTheSameBoxAsJavaChecks() {
        for (String table : List.of("support_point", "depot")) {
            assertThat(bounds(table + "_lat_check")).as(table + " latitude").containsExactly(AreaLimits.SOUTH, AreaLimits.NORTH);
            assertThat(bounds(table + "_lon_check")).as(table + " longitude").containsExactly(AreaLimits.WEST, AreaLimits.EAST);
        }
    }

    @Test
    void everyCheckOnARegionOrMunicipalityCodeUsesTheOneForm() {
        List<String> drifted = new ArrayList<>();
        List<String> checks = jdbc.sql("""
                select conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) from pg_constraint
                where contype = 'c' and connamespace = current_schema()::regnamespace order by 1""").query(String.class).list();
        int seen = 0;
        for (String check : checks) {
            for (String[] form : new String[][] {{"VR", AreaLimits.REGION_CODE}, {"GM", AreaLimits.MUNICIPALITY_CODE}}) {
                Matcher code = Pattern.compile(form[0] + "[\\[(]").matcher(check);
                while (code.find()) {
                    seen++;
                    if (!check.startsWith(form[1], code.start())) {
                        drifted.add(check);
                    }
                }
            }
        }
        assertThat(seen).as("checks on area codes found").isGreaterThan(20);
        assertThat(drifted).isEmpty();
    }

    @Test
    void theFormsAcceptWhatTheReferenceDataHolds() {
        List<String> regions = jdbc.sql("select code from region").query(String.class).list();
        assertThat(regions).hasSize(25).allMatch(code -> code.matches(AreaLimits.REGION_CODE));
        assertThat("VR26").doesNotMatch(AreaLimits.REGION_CODE);
        assertThat(jdbc.sql("select code from municipality").query(String.class).list())
                .allMatch(code -> code.matches(AreaLimits.AREA_CODE));
    }

    private List<Double> bounds(String constraint) {
        String definition = jdbc.sql("select pg_get_constraintdef(oid) from pg_constraint where conname = :name")
                .param("name", constraint).query(String.class).single();
        Matcher lower = LOWER.matcher(definition), upper = UPPER.matcher(definition);
        assertThat(lower.find() && upper.find()).as(definition).isTrue();
        return List.of(Double.parseDouble(lower.group(1)), Double.parseDouble(upper.group(1)));
    }
}
