-- Answers to writes sent with an Idempotency-Key, kept so a retried request gets the same answer
-- instead of a second effect. Stored in the transaction of the write itself.
create table idempotent_request (
    principal     text        not null,
    key           text        not null check (length(key) between 1 and 200),
    fingerprint   text        not null,
    status        integer     not null,
    content_type  text,
    location      text,
    etag          text,
    body          bytea       not null,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
create index idempotent_request_created on idempotent_request (created_at);
