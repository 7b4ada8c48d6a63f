-- Funding: budget lines, their allocation over the 25 safety regions, spending booked against the
-- regions' budgets, and the figures behind the NATO 1.5 % resilience report. Money is whole euro
-- cents (bigint) everywhere: never floating point.

-- Money made available per year by a source (e.g. the Ministry of Justice and Security) for a purpose.
create table funding_budget_line (
    id           bigint generated always as identity primary key,
    year         integer not null check (year between 2020 and 2100),
    source       text not null check (length(source) between 1 and 200),
    purpose      text not null check (purpose ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(purpose) <= 60),
    amount_cents bigint not null check (amount_cents >= 0),
    note         text check (note is null or length(note) <= 2000),
    version      bigint not null default 1,
    created_at   timestamptz not null default now()
);
create index funding_budget_line_year on funding_budget_line (year);

-- A way to split budget lines over the regions: a base amount per region, the rest by residents
-- and land area, each region's part multiplied by its risk weight. Computed once, kept as computed.
create table funding_allocation (
    id                  bigint generated always as identity primary key,
    name                text not null check (length(name) between 1 and 200),
    year                integer not null check (year between 2020 and 2100),
    pot_cents           bigint not null check (pot_cents >= 0),
    base_cents          bigint not null check (base_cents >= 0),
    area_share_percent  numeric(5, 2) not null check (area_share_percent between 0 and 100),
    status              text not null default 'draft' check (status in ('draft', 'adopted', 'superseded')),
    created_at          timestamptz not null default now(),
    adopted_at          timestamptz,
    check ((status = 'draft') = (adopted_at is null))
);

create table funding_allocation_budget_line (
    allocation_id  bigint not null references funding_allocation (id),
    budget_line_id bigint not null references funding_budget_line (id),
    primary key (allocation_id, budget_line_id)
);

-- Each region's share with how it came about, so the result explains itself after the fact.
create table funding_allocation_share (
    allocation_id     bigint not null references funding_allocation (id),
    region_code       text not null check (region_code ~ '^VR[0-9]{2}$'),
    population        bigint not null check (population >= 0),
    land_area_km2     numeric(10, 2) not null check (land_area_km2 >= 0),
    risk_weight       numeric(6, 3) not null check (risk_weight > 0),
    base_cents        bigint not null check (base_cents >= 0),
    population_cents  bigint not null check (population_cents >= 0),
    area_cents        bigint not null check (area_cents >= 0),
    total_cents       bigint not null check (total_cents >= 0),
    primary key (allocation_id, region_code)
);

-- The regions' budgets: the shares of adopted allocations. A later adoption that covers one of the
-- same budget lines supersedes the earlier one and takes its place here.
create table funding_region_budget (
    allocation_id bigint not null references funding_allocation (id),
    region_code   text not null check (region_code ~ '^VR[0-9]{2}$'),
    year          integer not null,
    amount_cents  bigint not null check (amount_cents >= 0),
    primary key (allocation_id, region_code)
);
create index funding_region_budget_year on funding_region_budget (year, region_code);

-- Commitments and spending booked by a region or one of its municipalities against the region's
-- budget. A commitment that is paid is changed to spending, so nothing counts twice.
create table funding_expenditure (
    id               bigint generated always as identity primary key,
    region_code      text not null check (region_code ~ '^VR[0-9]{2}$'),
    municipality_code text check (municipality_code ~ '^GM[0-9]{4}$'),
    year             integer not null check (year between 2020 and 2100),
    kind             text not null check (kind in ('commitment', 'spending')),
    amount_cents     bigint not null check (amount_cents > 0),
    nato_category    text not null check (nato_category in ('critical-infrastructure', 'networks', 'civil-preparedness',
                                                            'innovation', 'defence-industrial-base')),
    reference_type   text check (reference_type in ('support-point', 'depot', 'stock-purchase')),
    reference_id     text check (length(reference_id) between 1 and 100),
    description      text not null check (length(description) between 1 and 500),
    booked_on        date not null,
    version          bigint not null default 1,
    created_at       timestamptz not null default now(),
    check ((reference_type is null) = (reference_id is null))
);
create index funding_expenditure_region_year on funding_expenditure (region_code, year);

-- Gross domestic product per year, as data: the pledge is a share of it.
create table funding_gdp (
    year         integer primary key check (year between 2000 and 2100),
    amount_cents bigint not null check (amount_cents > 0),
    source       text not null check (length(source) between 1 and 300),
    version      bigint not null default 1
);

-- National resilience spending outside the regional budgets (e.g. protection of critical
-- infrastructure, cyber defence), entered by national admins with its source.
create table funding_national_spending (
    id            bigint generated always as identity primary key,
    year          integer not null check (year between 2020 and 2100),
    nato_category text not null check (nato_category in ('critical-infrastructure', 'networks', 'civil-preparedness',
                                                         'innovation', 'defence-industrial-base')),
    amount_cents  bigint not null check (amount_cents > 0),
    source        text not null check (length(source) between 1 and 300),
    created_at    timestamptz not null default now()
);
create index funding_national_spending_year on funding_national_spending (year);

-- GDP of the Netherlands in 2025: EUR 1,187 billion, the figure the funding issue (the contract of
-- this module) gives for the NATO 1.5 % resilience pledge of the June 2025 summit. Admins replace
-- it with CBS's final figure and enter the other years (PUT /api/v1/funding/gdp/{year}).
insert into funding_gdp (year, amount_cents, source)
values (2025, 118700000000000, 'EUR 1,187 billion, as given in the Weerbaar funding issue (NATO 1.5 % resilience pledge, 2025)');
