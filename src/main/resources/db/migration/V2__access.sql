-- Organisations, their users and API tokens. National, region and municipality organisations
-- mirror the areas module's reference data; partners are created by admins.
create table organisation (
    code        text primary key check (code ~ '^[A-Z][A-Z0-9-]{1,39}$'),
    kind        text not null check (kind in ('national', 'region', 'municipality', 'partner')),
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

-- The areas an organisation acts in: 'NL', a region (VR13) or a municipality (GM0363).
create table organisation_area (
    organisation_code text not null references organisation (code),
    area_code         text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    primary key (organisation_code, area_code)
);

create table user_account (
    id                bigint generated always as identity primary key,
    username          text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    password_hash     text not null,
    organisation_code text not null references organisation (code),
    role              text not null check (role in ('viewer', 'operator', 'coordinator', 'admin')),
    enabled           boolean not null default true,
    failed_logins     integer not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz not null default now()
);

-- Only a SHA-256 of each token is kept: tokens are 256 random bits, shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    token_hash   text not null unique,
    user_id      bigint not null references user_account (id),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);
