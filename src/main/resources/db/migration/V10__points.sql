-- Support points (noodsteunpunten): where residents go for information and basic needs when
-- power, phone or water fail. One row per point with its current status; every status change
-- is also kept in support_point_status. Points are retired, never deleted: their history stays.

create table support_point (
    id                  bigint generated always as identity primary key,
    name                text        not null check (length(name) between 1 and 200),
    tier                text        not null check (tier in ('hub', 'local')),
    building_kind       text        not null check (building_kind in ('fire-station', 'town-hall', 'community-centre',
                            'sports-hall', 'school', 'library', 'church', 'other')),
    address             text        check (length(address) <= 300),
    lat                 double precision not null check (lat between 50.7 and 53.7),
    lon                 double precision not null check (lon between 3.3 and 7.3),
    municipality_code   varchar(6)  not null references municipality (code),
    owner_organisation  text        check (length(owner_organisation) <= 200),
    -- The national baseline of what a point offers comes only in 2027: the known codes are a
    -- checklist that a migration extends, not a fixed type.
    capabilities        text[]      not null default '{}' check (capabilities <@ array['information', 'phone-charging',
                            'drinking-water', 'food', 'first-aid', 'medication', 'missing-persons-intake',
                            'medical-device-power', 'warmth', 'overnight-stay', 'sanitation', 'step-free-access', 'pets']),
    capacity_persons    integer     check (capacity_persons between 0 and 100000),
    capacity_overnight  integer     check (capacity_overnight between 0 and 100000),
    generator           boolean     not null default false,
    fuel_autonomy_hours integer     check (fuel_autonomy_hours between 0 and 10000),
    communications      text[]      not null default '{}' check (communications <@ array['satellite', 'c2000', 'radio']),
    contact             text        check (length(contact) <= 300),
    opening             text        check (length(opening) <= 1000),
    -- A shelter for vulnerable people is never shown to the public.
    public              boolean     not null default true,
    -- Generated demonstration data, not a real point.
    demo                boolean     not null default false,
    status              text        not null default 'inactive'
                            check (status in ('inactive', 'standby', 'open', 'full', 'closed')),
    occupancy           integer     not null default 0 check (occupancy between 0 and 100000),
    message             text        check (length(message) <= 280),
    -- Capabilities the point has but cannot offer right now (e.g. water out).
    unavailable         text[]      not null default '{}' check (unavailable <@ capabilities),
    status_confirmed_at timestamptz,
    status_confirmed_by text,
    retired_at          timestamptz,
    version             bigint      not null default 1 check (version >= 1),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create index support_point_municipality_idx on support_point (municipality_code) where retired_at is null;
create index support_point_demo_idx on support_point (demo) where demo;

create table support_point_status (
    id                  bigint generated always as identity primary key,
    point_id            bigint      not null references support_point (id),
    at                  timestamptz not null default now(),
    status              text        not null check (status in ('inactive', 'standby', 'open', 'full', 'closed')),
    occupancy           integer     not null check (occupancy >= 0),
    message             text,
    unavailable         text[]      not null default '{}',
    actor               text        not null,
    organisation        text        not null,
    request_id          text
);

create index support_point_status_point_idx on support_point_status (point_id, at desc);

-- Every instance on this database keeps an in-memory finder index: tell them all which point
-- changed, whoever wrote it. Delivered at commit, so listeners never see uncommitted rows.
create function support_point_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('support_point_changed', new.id::text);
    return null;
end
$$;

create trigger support_point_changed after insert or update on support_point
    for each row execute function support_point_notify();
