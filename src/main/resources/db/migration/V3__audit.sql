-- The audit trail: append-only, each entry chained to the one before by a SHA-256 hash, so an
-- edited, removed or inserted row breaks the chain from that point on.
create table audit_entry (
    seq          bigint primary key,
    at           timestamptz not null,
    actor        text not null,
    organisation text,
    area_code    text,
    action       text not null,
    entity_type  text not null,
    entity_id    text not null,
    before       jsonb,
    after        jsonb,
    request_id   text,
    prev_hash    text not null,
    hash         text not null
);
create index audit_entry_entity on audit_entry (entity_type, entity_id);
create index audit_entry_actor on audit_entry (actor);
create index audit_entry_at on audit_entry (at);

-- One definition of the hash, used on insert and on verification.
create function audit_entry_hash(seq bigint, at timestamptz, actor text, organisation text, area_code text,
                                 action text, entity_type text, entity_id text, before jsonb, after jsonb,
                                 request_id text, prev_hash text) returns text
    language sql immutable
as $$
select encode(sha256(convert_to(
    seq::text || '|' || to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' ||
    actor || '|' || coalesce(organisation, '') || '|' || coalesce(area_code, '') || '|' ||
    action || '|' || entity_type || '|' || entity_id || '|' ||
    coalesce(before::text, 'null') || '|' || coalesce(after::text, 'null') || '|' ||
    coalesce(request_id, '') || '|' || prev_hash, 'UTF8')), 'hex')
$$;

create function audit_entry_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'the audit trail is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
