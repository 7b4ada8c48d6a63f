-- CAP messages received from elsewhere (other authorities, other countries), kept as received,
-- with what the signature check said when they came in.
create table cap_import (
    id               uuid primary key,
    area_code        text not null check (area_code ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})$'),
    identifier       text not null check (length(identifier) between 1 and 500),
    sender           text not null check (length(sender) between 1 and 500),
    sent             timestamptz not null,
    msg_type         text not null check (msg_type in ('Alert', 'Update', 'Cancel', 'Ack', 'Error')),
    headline         text,
    verdict          text not null check (verdict in ('genuine', 'altered', 'unknownSigner', 'revoked', 'expired', 'notSigned')),
    verdict_text     text not null,
    xml              text not null,
    imported_by      text not null,
    imported_at      timestamptz not null default now(),
    unique (sender, identifier, sent)
);
