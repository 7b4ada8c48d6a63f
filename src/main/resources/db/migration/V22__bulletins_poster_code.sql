-- The compact signed code a printed poster carries in its QR code (see PosterCode): made and
-- signed at publication with the same key as the CAP message.
alter table bulletin add column poster_code text;
alter table bulletin add constraint bulletin_published_has_poster_code check (status <> 'published' or poster_code is not null);
