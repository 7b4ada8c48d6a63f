-- Areas: the Dutch administrative reference data (safety regions, municipalities, 4-digit
-- postcode areas). Loaded once from src/main/resources/reference/nl by the areas module.

create table region (
    code          varchar(4)    primary key check (code ~ '^VR(0[1-9]|1[0-9]|2[0-5])$'),
    name          text          not null unique,
    province      text          not null,
    -- residents on 1 January 2024: the sum over the region's municipalities
    population    bigint        not null check (population >= 0),
    land_area_km2 numeric(10,2) not null check (land_area_km2 > 0)
);

create table municipality (
    code              varchar(6)    primary key check (code ~ '^GM[0-9]{4}$'),
    name              text          not null,
    province_code     varchar(4)    not null check (province_code ~ '^PV[0-9]{2}$'),
    province_name     text          not null,
    region_code       varchar(4)    not null references region (code),
    -- residents on 1 January 2024 (CBS)
    population        bigint        not null check (population >= 0),
    -- CBS land area; the boundary polygon includes inland water, so its area is not this
    land_area_km2     numeric(10,2) not null check (land_area_km2 > 0),
    centroid_lat      double precision not null check (centroid_lat between 50 and 54),
    centroid_lon      double precision not null check (centroid_lon between 3 and 8),
    -- a point always inside the boundary (the centroid of six municipalities is not)
    inside_lat        double precision not null check (inside_lat between 50 and 54),
    inside_lon        double precision not null check (inside_lon between 3 and 8),
    -- GeoJSON geometry (RFC 7946, WGS84): a Polygon or MultiPolygon
    boundary          jsonb         not null check (boundary ->> 'type' in ('Polygon', 'MultiPolygon'))
);

create index municipality_region_idx on municipality (region_code);

create table postcode_area (
    pc4               char(4)       primary key check (pc4 ~ '^[1-9][0-9]{3}$'),
    -- woonplaats from the 2014-2019 postcode list; null for postcodes issued later
    place             text,
    municipality_code varchar(6)    not null references municipality (code),
    -- one representative point per postcode, not an area centroid
    lat               double precision not null check (lat between 50 and 54),
    lon               double precision not null check (lon between 3 and 8),
    -- CBS residents, rounded to 5; null where CBS gives no figure
    population        integer       check (population >= 0),
    population_year   smallint,
    check ((population is null) = (population_year is null))
);

create index postcode_area_municipality_idx on postcode_area (municipality_code);

-- One row per data set loaded, so an operator can see what is in the database and from where.
create table reference_data_load (
    id        bigint generated always as identity primary key,
    dataset   text        not null,
    rows      integer     not null check (rows >= 0),
    source    text        not null,
    loaded_at timestamptz not null default now()
);
