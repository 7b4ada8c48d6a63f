-- Signing keys of organisations and the bulletins they sign. A key's private half is stored
-- only encrypted (AES-256-GCM under the master key that never enters the database).
create table signing_key (
    kid                   text primary key check (kid ~ '^[0-9a-f]{16}$'),
    organisation_code     text not null references organisation (code),
    algorithm             text not null check (algorithm = 'EC-P256'),
    public_key            bytea not null,
    encrypted_private_key bytea not null check (length(encrypted_private_key) > 28),
    valid_from            timestamptz not null,
    -- Set when the key is rotated out: it signs nothing after, and stays valid for what it signed before.
    valid_until           timestamptz check (valid_until is null or valid_until >= valid_from),
    -- Set when the key is compromised: what it signed from this moment on is not trusted.
    revoked_at            timestamptz,
    revocation_reason     text check (revocation_reason is null or length(revocation_reason) between 1 and 500),
    check ((revoked_at is null) = (revocation_reason is null))
);
-- One key signs for an organisation at a time.
create unique index signing_key_current on signing_key (organisation_code) where valid_until is null and revoked_at is null;

create table bulletin (
    id                 uuid primary key,
    organisation_code  text not null references organisation (code),
    area_code          text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    kind               text not null check (kind in ('alert', 'update', 'cancel', 'allClear')),
    references_id      uuid references bulletin (id),
    event              text not null check (length(event) between 1 and 100),
    category           text not null check (category in ('Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire',
                                                          'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other')),
    urgency            text not null check (urgency in ('Immediate', 'Expected', 'Future', 'Past', 'Unknown')),
    severity           text not null check (severity in ('Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown')),
    certainty          text not null check (certainty in ('Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown')),
    headline_nl        text not null check (length(headline_nl) between 1 and 160),
    description_nl     text not null check (length(description_nl) between 1 and 4000),
    instruction_nl     text check (length(instruction_nl) <= 4000),
    headline_en        text check (length(headline_en) between 1 and 160),
    description_en     text check (length(description_en) between 1 and 4000),
    instruction_en     text check (length(instruction_en) <= 4000),
    effective          timestamptz not null,
    expires            timestamptz not null check (expires > effective),
    status             text not null check (status in ('draft', 'approved', 'published')),
    author             text not null,
    approver           text check (approver is null or approver <> author),
    approved_at        timestamptz,
    publisher          text,
    published_at       timestamptz,
    kid                text references signing_key (kid),
    cap_xml            text,
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    check ((kind = 'alert') = (references_id is null)),
    check ((headline_en is null) = (description_en is null)),
    check (status = 'draft' or (approver is not null and approved_at is not null)),
    check ((status = 'published') = (published_at is not null and kid is not null and cap_xml is not null))
);
create index bulletin_area_published on bulletin (area_code, published_at) where status = 'published';
create index bulletin_references on bulletin (references_id);
