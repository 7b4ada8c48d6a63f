-- Trust anchors: the public key or X.509 certificate of another authority whose signed CAP
-- messages read as genuine, for the areas it may speak for. Revoked from a moment on, never deleted,
-- so a check later still knows what was trusted when a message was sent.
create table trust_anchor (
    id                uuid primary key,
    name              text not null check (length(name) between 1 and 200),
    kind              text not null check (kind in ('certificate', 'publicKey')),
    -- DER of the certificate; its validity is the anchor's.
    certificate       bytea,
    -- SubjectPublicKeyInfo of the key (the certificate's key for a certificate).
    public_key        bytea not null,
    -- First 16 hex digits of the SHA-256 of the public key, as Weerbaar's own key ids.
    kid               text not null check (kid ~ '^[0-9a-f]{16}$'),
    -- Comma-separated area codes: NL, VRnn, GMnnnn.
    areas             text not null check (areas ~ '^(NL|VR[0-9]{2}|GM[0-9]{4})(,(NL|VR[0-9]{2}|GM[0-9]{4}))*$'),
    valid_from        timestamptz not null,
    valid_until       timestamptz check (valid_until is null or valid_until > valid_from),
    added_by          text not null,
    added_at          timestamptz not null,
    revoked_at        timestamptz,
    revocation_reason text check (revocation_reason is null or length(revocation_reason) between 1 and 500),
    check ((kind = 'certificate') = (certificate is not null)),
    check ((revoked_at is null) = (revocation_reason is null))
);
-- One live anchor per key: adding the same key twice is a mistake, not a second authority.
create unique index trust_anchor_live_key on trust_anchor (kid) where revoked_at is null;
