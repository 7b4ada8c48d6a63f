-- Validates what V130 added NOT VALID: reads the existing rows under a lock that lets reads and
-- writes go on. A row that breaks a rule stops the upgrade here, naming the constraint and the key.
do $$
declare
    c record;
begin
    for c in select conrelid::regclass as tbl, conname
             from pg_constraint
             where not convalidated and connamespace = current_schema()::regnamespace
               and (conname in ('depot_organisation_fk', 'depot_municipality_fk', 'funding_allocation_share_region_fk',
                                'funding_region_budget_region_fk', 'funding_expenditure_region_fk',
                                'funding_expenditure_municipality_fk', 'household_kit_count_region_fk',
                                'planning_scenario_organisation_fk', 'depot_lat_check', 'depot_lon_check')
                    or (contype = 'c' and pg_get_constraintdef(oid) like '%VR(0[1-9]|1[0-9]|2[0-5])%'))
    loop
        execute format('alter table %s validate constraint %I', c.tbl, c.conname);
    end loop;
end
$$;
