-- The entry's canonical text uses to_char, which is stable, not immutable. Declared immutable, the
-- two functions could not be inlined, so PostgreSQL ran them as separate function calls for every
-- entry, a quarter of the database's time for a 1,000-event import. Declared stable, as their body
-- is, they are inlined into the insert and into verification. Their results do not change.
alter function audit_entry_canonical(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text) stable;
alter function audit_entry_leaf_hash(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text) stable;
