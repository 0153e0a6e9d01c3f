# Sourced by .ci/run: start a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and export
# TRELLIS_TEST_PG (an Npgsql connection string for a superuser that may create test databases).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
  return 1
fi
PGDATA_DIR=$(mktemp -d /tmp/trellis-pg.XXXXXX)
PGPORT=${TRELLIS_PG_PORT:-55432}
chown postgres "$PGDATA_DIR" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "'$pg_bin/initdb' -D '$PGDATA_DIR/data' -U postgres -A trust --no-sync -E UTF8 >/dev/null"
as_pg "'$pg_bin/pg_ctl' -D '$PGDATA_DIR/data' -l '$PGDATA_DIR/log' -w -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
export TRELLIS_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
pg_stop() { as_pg "'$pg_bin/pg_ctl' -D '$PGDATA_DIR/data' -m fast stop >/dev/null 2>&1"; rm -rf "$PGDATA_DIR"; }
