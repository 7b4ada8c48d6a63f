-- Strategic stock: a catalogue of items, depots, lots with expiry, and an append-only ledger
-- of stock events. Balances per depot and lot are derived from the events (kept in the same
-- transaction as each event) and can never go negative.

create table stock_item (
    code                  text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                  text not null check (length(name) between 1 and 200),
    category              text not null check (category in
                              ('water', 'food', 'medical', 'energy', 'hygiene', 'shelter', 'communication')),
    unit                  text not null check (length(unit) between 1 and 20),
    shelf_life_days       integer check (shelf_life_days > 0),
    -- how much one person needs a day, in the item's unit, where a norm applies
    daily_norm_per_person numeric(12, 4) check (daily_norm_per_person > 0),
    norm_source           text,
    version               bigint not null default 1,
    created_at            timestamptz not null default now()
);

create table depot (
    id                bigint generated always as identity primary key,
    name              text not null check (length(name) between 1 and 200),
    level             text not null check (level in ('national', 'regional', 'municipal', 'support-point')),
    organisation_code text not null,
    -- the area the depot lies in and whose organisations may act on it: NL, VRnn or GMnnnn
    area_code         text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    municipality_code text check (municipality_code ~ '^GM[0-9]{4}$'),
    lat               double precision not null check (lat between -90 and 90),
    lon               double precision not null check (lon between -180 and 180),
    capacity          text,
    support_point_id  bigint,
    demo              boolean not null default false,
    version           bigint not null default 1,
    retired_at        timestamptz,
    created_at        timestamptz not null default now()
);

create table stock_lot (
    id             bigint generated always as identity primary key,
    item_code      text not null references stock_item (code),
    lot_number     text not null check (length(lot_number) between 1 and 100),
    expiry         date,
    blocked_at     timestamptz,
    blocked_reason text,
    unique (item_code, lot_number)
);

create table stock_event (
    id              bigint generated always as identity primary key,
    type            text not null check (type in
                        ('receipt', 'issue', 'transfer-out', 'transfer-in', 'adjustment', 'write-off')),
    depot_id        bigint not null references depot (id),
    lot_id          bigint not null references stock_lot (id),
    -- signed change of the balance: positive in, negative out
    quantity        numeric(14, 3) not null check (quantity <> 0),
    reason          text,
    document_number text,
    reference       text,
    transfer_id     uuid,
    actor           text not null,
    organisation    text not null,
    recorded_at     timestamptz not null default now()
);
create index stock_event_depot_lot on stock_event (depot_id, lot_id, id);
create index stock_event_transfer on stock_event (transfer_id) where transfer_id is not null;

create function stock_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'stock events are append-only: correct with a new event';
end $$;
create trigger stock_event_no_update_or_delete before update or delete on stock_event
    for each row execute function stock_event_append_only();

create table stock_balance (
    depot_id bigint not null references depot (id),
    lot_id   bigint not null references stock_lot (id),
    quantity numeric(14, 3) not null check (quantity >= 0),
    primary key (depot_id, lot_id)
);

-- A Dutch starting catalogue. Norms: drinking water 3 L per person per day (Dutch household
-- advice, Denk Vooruit); water for all uses 15 L and food 2,100 kcal per person per day (Sphere
-- handbook). Admins edit the catalogue; these rows are a starting point, not code.
insert into stock_item (code, name, category, unit, shelf_life_days, daily_norm_per_person, norm_source) values
    ('drinking-water', 'Drinkwater in flessen', 'water', 'l', 730, 3, 'Denk Vooruit: 3 liter per persoon per dag'),
    ('water-all-uses', 'Water voor alle gebruik (tank, zak)', 'water', 'l', 365, 15, 'Sphere: 15 liter per persoon per dag'),
    ('emergency-ration', 'Noodrantsoen 2.100 kcal', 'food', 'rantsoen', 1825, 1, 'Sphere: 2.100 kcal per persoon per dag'),
    ('infant-formula', 'Zuigelingenvoeding', 'food', 'blik', 540, null, null),
    ('first-aid-kit', 'EHBO-set', 'medical', 'set', 1825, null, null),
    ('medication-kit', 'Basismedicatie (pijnstilling, ORS)', 'medical', 'set', 1095, null, null),
    ('insulin-cool-box', 'Koelbox voor insuline', 'medical', 'stuk', null, null, null),
    ('diesel', 'Diesel voor noodstroom', 'energy', 'l', 365, null, null),
    ('generator-5kva', 'Noodstroomaggregaat 5 kVA', 'energy', 'stuk', null, null, null),
    ('power-bank', 'Powerbank 20.000 mAh', 'energy', 'stuk', 1825, null, null),
    ('hygiene-kit', 'Hygiënepakket', 'hygiene', 'set', 1825, null, null),
    ('blanket', 'Deken', 'shelter', 'stuk', null, null, null),
    ('camp-bed', 'Veldbed', 'shelter', 'stuk', null, null, null),
    ('wind-up-radio', 'Opwindbare radio', 'communication', 'stuk', null, null, null),
    ('satellite-phone', 'Satelliettelefoon', 'communication', 'stuk', null, null, null);
