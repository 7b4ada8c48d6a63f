-- Claims that circulate (rumours, fake alerts, forged notices), how staff assess them, and the
-- bulletin that rebuts them. For research into the cognitive dimension of hybrid threats: it
-- describes messages and where they were seen, never the residents who saw or spread them.
create table claim (
    id                   uuid primary key,
    area_code            text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    text                 text not null check (length(text) between 1 and 2000),
    channel              text not null check (channel in ('whatsapp', 'telegram', 'facebook', 'x', 'tiktok', 'instagram',
                                                          'sms', 'radio', 'poster', 'word-of-mouth', 'website', 'other')),
    first_seen_at        timestamptz not null,
    first_seen_where     text check (length(first_seen_where) <= 200),
    estimated_reach      integer check (estimated_reach >= 0),
    assessment           text not null check (assessment in ('unverified', 'false', 'misleading', 'true')),
    rebuttal_bulletin_id uuid references bulletin (id),
    recorded_by          text not null,
    recorded_at          timestamptz not null default now(),
    version              bigint not null default 0
);
create index claim_area_seen on claim (area_code, first_seen_at);
