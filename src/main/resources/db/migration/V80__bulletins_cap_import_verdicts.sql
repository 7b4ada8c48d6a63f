-- Imported messages keep the verdict that says what is known about them: besides genuine, altered,
-- unknown signer, revoked, expired and not signed, also another authority speaking outside its
-- areas, a weak (SHA-1) signature and an older CAP version; and the CAP version they are written in.
alter table cap_import drop constraint cap_import_verdict_check;
alter table cap_import add constraint cap_import_verdict_check check (verdict in (
    'genuine', 'expired', 'revoked', 'outsideScope', 'altered', 'unknownSigner', 'weakAlgorithm', 'notSigned', 'otherCapVersion'));
alter table cap_import add column cap_version text not null default '1.2' check (cap_version in ('1.0', '1.1', '1.2'));
alter table cap_import alter column cap_version drop default;
