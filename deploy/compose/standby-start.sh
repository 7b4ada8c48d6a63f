#!/usr/bin/env bash
# The standby: on first start a base backup of the primary (with -R, so it starts as a standby
# that streams from it under the name standby1, which the primary waits for on every commit);
# afterwards the data folder it has. Runs as the postgres user.
set -euo pipefail
until pg_isready --host db-primary --quiet; do sleep 1; done
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup --pgdata "$PGDATA" --write-recovery-conf --wal-method stream \
    --dbname "host=db-primary user=replicator application_name=standby1" --progress
  chmod 700 "$PGDATA"
fi
exec postgres
