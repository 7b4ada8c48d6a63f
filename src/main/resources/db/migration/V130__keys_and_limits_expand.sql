-- Foreign keys that were missing, and the limits of nl.weerbaar.areas.AreaLimits in the CHECK
-- constraints (AreaLimitsAgreeTest keeps them equal). Expand step of a rolling upgrade: every
-- constraint is added NOT VALID, which takes only a brief lock and checks new rows at once; V131
-- validates the existing rows without blocking writes. The previous release never writes a row
-- these refuse: its Java checks were as strict or stricter (a region code must name a region of
-- the reference data, a depot's place was checked against 3.2-7.3 / 50.7-53.7).

-- A depot belongs to an existing organisation and lies in an existing municipality (its support
-- point has had a key since V95).
alter table depot add constraint depot_organisation_fk
    foreign key (organisation_code) references organisation (code) not valid;
alter table depot add constraint depot_municipality_fk
    foreign key (municipality_code) references municipality (code) not valid;

-- Funding and household counts name real regions (and municipalities).
alter table funding_allocation_share add constraint funding_allocation_share_region_fk
    foreign key (region_code) references region (code) not valid;
alter table funding_region_budget add constraint funding_region_budget_region_fk
    foreign key (region_code) references region (code) not valid;
alter table funding_expenditure add constraint funding_expenditure_region_fk
    foreign key (region_code) references region (code) not valid;
alter table funding_expenditure add constraint funding_expenditure_municipality_fk
    foreign key (municipality_code) references municipality (code) not valid;
alter table household_kit_count add constraint household_kit_count_region_fk
    foreign key (region_code) references region (code) not valid;

-- A scenario belongs to an existing organisation.
alter table planning_scenario add constraint planning_scenario_organisation_fk
    foreign key (organisation) references organisation (code) not valid;

-- A depot lies in the Netherlands as a support point does (it was -90..90 / -180..180 here,
-- 3.2 in Java for depots and 3.3 for points): AreaLimits' box for both.
alter table depot drop constraint depot_lat_check;
alter table depot drop constraint depot_lon_check;
alter table depot add constraint depot_lat_check check (lat between 50.7 and 53.7) not valid;
alter table depot add constraint depot_lon_check check (lon between 3.2 and 7.3) not valid;
-- Widened from 3.3: every existing point satisfies it, so it is valid at once.
alter table support_point drop constraint support_point_lon_check;
alter table support_point add constraint support_point_lon_check check (lon between 3.2 and 7.3);

-- One form of a region code everywhere (VR01-VR25, as the region table has it; some tables had
-- VR00-VR99): every CHECK that spells the loose form gets AreaLimits.REGION_CODE.
do $$
declare
    c record;
begin
    for c in select conrelid::regclass as tbl, conname, pg_get_constraintdef(oid) as def
             from pg_constraint
             where contype = 'c' and connamespace = current_schema()::regnamespace
               and pg_get_constraintdef(oid) like '%VR[0-9]{2}%'
    loop
        execute format('alter table %s drop constraint %I', c.tbl, c.conname);
        execute format('alter table %s add constraint %I %s not valid', c.tbl, c.conname,
                       replace(c.def, 'VR[0-9]{2}', 'VR(0[1-9]|1[0-9]|2[0-5])'));
    end loop;
end
$$;

-- The stock ledger is append-only: TRUNCATE is refused as UPDATE and DELETE are (and as on the audit log).
create trigger stock_event_no_truncate before truncate on stock_event
    for each statement execute function stock_event_append_only();
