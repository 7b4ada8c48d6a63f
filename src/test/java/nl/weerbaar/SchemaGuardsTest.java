package nl.weerbaar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.weerbaar.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What the database itself refuses, whatever code writes to it: rows naming what does not exist, and a cleared ledger. */
@IntegrationTest
class SchemaGuardsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theStockLedgerCannotBeTruncated() {
        assertThatThrownBy(() -> inRolledBackTransaction("truncate stock_event cascade"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void rowsMustNameExistingOrganisationsRegionsAndMunicipalities() {
        for (String insert : List.of(
                "insert into depot (name, level, organisation_code, area_code, municipality_code, lat, lon) "
                        + "values ('x', 'municipal', 'NO-SUCH-ORG', 'GM0363', 'GM0363', 52.37, 4.89)",
                "insert into depot (name, level, organisation_code, area_code, municipality_code, lat, lon) "
                        + "values ('x', 'municipal', 'GM0363', 'GM0363', 'GM9999', 52.37, 4.89)",
                "insert into planning_scenario (organisation, name, areas, definition, created_by, created_at, updated_at) "
                        + "values ('NO-SUCH-ORG', 'x', '{GM0363}', '{}', 'admin', timestamptz '2026-12-01 00:00Z', timestamptz '2026-12-01 00:00Z')",
                "insert into household_kit_count (region_code, week_start, kits) values ('VR26', date '2026-11-30', 1)")) {
            assertThatThrownBy(() -> inRolledBackTransaction(insert)).as(insert).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("violates");
        }
    }

    @Test
    void foreignKeysAndFiltersHaveTheirIndexes() {
        List<String> indexed = jdbc.sql("""
                select t.relname || '(' || a.attname || ')' from pg_index i
                join pg_class t on t.oid = i.indrelid join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
                where t.relnamespace = current_schema()::regnamespace""").query(String.class).list();
        assertThat(indexed).contains("stock_balance(lot_id)", "claim(rebuttal_bulletin_id)", "bulletin(organisation_code)",
                "funding_allocation_budget_line(budget_line_id)", "depot(organisation_code)", "depot(support_point_id)");
    }

    private void inRolledBackTransaction(String sql) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql(sql).update();
        });
    }
}
