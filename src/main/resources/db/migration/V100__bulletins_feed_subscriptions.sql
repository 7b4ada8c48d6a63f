-- Feeds of other authorities (Atom, RSS or a text/uri-list of CAP messages) that a coordinator
-- subscribed to for an area. Polling state lives on the row: an instance claims a due feed with
-- a lease (select … for update skip locked), so with several instances one polls it at a time.
-- All times come from the application clock, passed in; none defaults to now().
create table feed_subscription (
    id                    uuid primary key,
    name                  text not null check (length(name) between 1 and 200),
    url                   text not null check (length(url) between 1 and 2000 and url ~ '^https?://'),
    area_code             text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    poll_interval_seconds integer not null check (poll_interval_seconds between 60 and 86400),
    version               bigint not null check (version >= 1),
    created_by            text not null,
    created_at            timestamptz not null,
    ended_by              text,
    ended_at              timestamptz,
    next_poll_at          timestamptz not null,
    lease_until           timestamptz,
    etag                  text check (length(etag) <= 500),
    last_modified         text check (length(last_modified) <= 100),
    failures              integer not null default 0 check (failures >= 0),
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error_at         timestamptz,
    last_error            text,
    last_result           text
);
create index feed_subscription_due on feed_subscription (next_poll_at) where ended_at is null;
create unique index feed_subscription_live_url on feed_subscription (url, area_code) where ended_at is null;

-- The linked messages a feed led to, so a message is fetched once, not at every change of its feed.
create table feed_link (
    feed_id    uuid not null references feed_subscription (id),
    url        text not null,
    fetched_at timestamptz not null,
    outcome    text not null check (outcome in ('imported', 'duplicate', 'refused')),
    note       text,
    primary key (feed_id, url)
);

-- Imported messages carry what decides whether they are in force, where they came from, and the
-- messages they update or cancel (CAP references: sender,identifier,sent).
alter table cap_import add column feed_id uuid references feed_subscription (id);
alter table cap_import add column source_name text;
update cap_import set source_name = sender;
alter table cap_import alter column source_name set not null;
alter table cap_import add column status text check (status in ('Actual', 'Exercise', 'System', 'Test', 'Draft'));
alter table cap_import add column scope text check (scope in ('Public', 'Restricted', 'Private'));
alter table cap_import add column severity text;
alter table cap_import add column expires timestamptz;
create index cap_import_area on cap_import (area_code, sent);

create table cap_import_reference (
    import_id  uuid not null references cap_import (id),
    sender     text not null,
    identifier text not null,
    sent       timestamptz not null,
    primary key (import_id, sender, identifier, sent)
);
create index cap_import_reference_target on cap_import_reference (sender, identifier, sent);
