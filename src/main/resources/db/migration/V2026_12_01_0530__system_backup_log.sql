-- Every backup ./weerbaar backup finished, so the system page and the metrics can say when the
-- last one was made and where it went. Written by the backup itself, after the archive is complete.
create table backup_log (
    id          bigint generated always as identity primary key,
    finished_at timestamptz not null,
    location    text        not null check (length(location) between 1 and 4096),
    tables      integer     not null check (tables >= 0),
    row_count   bigint      not null check (row_count >= 0),
    byte_count  bigint      not null check (byte_count >= 0)
);
