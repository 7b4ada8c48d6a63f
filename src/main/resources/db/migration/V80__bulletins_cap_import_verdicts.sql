-- Imported messages keep the verdict that says what is known about them: besides genuine, altered,
-- unknown signer, revoked, expired and not signed, also a weak (SHA-1) signature, an older CAP
-- version, and the CAP version the message was written in.
alter table cap_import drop constraint cap_import_verdict_check;
alter table cap_import add constraint cap_import_verdict_check check (verdict in (
    'genuine', 'expired', 'revoked', 'altered', 'unknownSigner', 'weakAlgorithm', 'notSigned', 'otherCapVersion'));
alter table cap_import add column cap_version text not null default '1.2' check (cap_version in ('1.0', '1.1', '1.2'));
alter table cap_import alter column cap_version drop default;
