-- The audit trail becomes a verifiable log after Certificate Transparency (RFC 9162): writers
-- append entries concurrently (no lock shared between them); one sequencer at a time gives
-- committed entries consecutive leaf indexes, keeps the Merkle tree's complete subtrees and
-- publishes signed tree heads. The hash chain, whose single head every writer queued for, goes.

-- Entry numbers come from a sequence; existing entries keep theirs.
create sequence audit_entry_seq owned by audit_entry.seq;
select setval('audit_entry_seq', coalesce((select max(seq) from audit_entry), 0) + 1, false);

-- The one canonical text of an entry, used on insert and on verification: a JSON array, so no
-- field's content can pass for a separator.
create function audit_entry_canonical(seq bigint, at timestamptz, actor text, organisation text, area_code text,
                                      action text, entity_type text, entity_id text, before jsonb, after jsonb,
                                      request_id text) returns text
    language sql immutable
as $$
select jsonb_build_array('weerbaar-audit-entry-v1', seq,
                         to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                         actor, organisation, area_code, action, entity_type, entity_id, before, after, request_id)::text
$$;

-- RFC 9162 leaf hash: SHA-256 of 0x00 followed by the entry's bytes.
create function audit_entry_leaf_hash(seq bigint, at timestamptz, actor text, organisation text, area_code text,
                                      action text, entity_type text, entity_id text, before jsonb, after jsonb,
                                      request_id text) returns bytea
    language sql immutable
as $$
select sha256('\x00'::bytea || convert_to(audit_entry_canonical(seq, at, actor, organisation, area_code, action,
                                                                 entity_type, entity_id, before, after, request_id), 'UTF8'))
$$;

alter table audit_entry add column leaf_hash bytea;
alter table audit_entry disable trigger audit_entry_no_update_or_delete;
update audit_entry set leaf_hash = audit_entry_leaf_hash(seq, at, actor, organisation, area_code, action, entity_type,
                                                         entity_id, before, after, request_id);
alter table audit_entry enable trigger audit_entry_no_update_or_delete;
alter table audit_entry alter column leaf_hash set not null;
alter table audit_entry drop column prev_hash, drop column hash;
drop function audit_entry_hash(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text, text);

-- Committed entries the sequencer has not yet placed in the tree. Written in the writer's
-- transaction, taken (deleted) in the sequencer's: a queue, not part of the log.
create table audit_pending (
    seq bigint primary key
);
-- Existing entries enter the log first, in their old order (the sequencer takes the lowest first).
insert into audit_pending (seq) select seq from audit_entry;

-- The log's order: leaf i of the Merkle tree is entry seq.
create table audit_leaf (
    leaf_index bigint primary key check (leaf_index >= 0),
    seq        bigint not null unique
);

-- The complete subtrees of the tree: node (level, idx) covers leaves idx * 2^level .. (idx + 1) * 2^level - 1.
-- Kept so a new head and any proof need O(log n) reads, never the whole log. Not trusted by verification.
create table audit_tree_node (
    level smallint not null check (level between 0 and 62),
    idx   bigint   not null check (idx >= 0),
    hash  bytea    not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Signed tree heads, one per published size.
create table audit_tree_head (
    tree_size bigint      primary key check (tree_size >= 0),
    root_hash bytea       not null check (length(root_hash) = 32),
    at        timestamptz not null,
    key_id    text        not null,
    signature bytea       not null
);

create trigger audit_leaf_no_update_or_delete before update or delete on audit_leaf
    for each row execute function audit_entry_append_only();
create trigger audit_leaf_no_truncate before truncate on audit_leaf
    for each statement execute function audit_entry_append_only();
create trigger audit_tree_node_no_update_or_delete before update or delete on audit_tree_node
    for each row execute function audit_entry_append_only();
create trigger audit_tree_node_no_truncate before truncate on audit_tree_node
    for each statement execute function audit_entry_append_only();
create trigger audit_tree_head_no_update_or_delete before update or delete on audit_tree_head
    for each row execute function audit_entry_append_only();
create trigger audit_tree_head_no_truncate before truncate on audit_tree_head
    for each statement execute function audit_entry_append_only();
