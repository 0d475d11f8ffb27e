#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the platform (data in .local/postgres, port $PG_PORT) and
# creates one database per service, plus one per service for tests. Idempotent: when the cluster
# already runs, it only makes sure the databases exist.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

find_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

BIN=$(find_bin_dir) || {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found: installing the 'postgresql' package"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN=$(find_bin_dir) || die "installed postgresql but found no initdb"
  else
    die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them, e.g. 'sudo apt-get install postgresql', and run again."
  fi
}

DATA="$LOCAL_DIR/postgres/data"
LOGFILE="$LOCAL_DIR/logs/postgres.log"
mkdir -p "$LOCAL_DIR/postgres" "$LOCAL_DIR/logs"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' system user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  if ! runuser -u postgres -- test -x "$LOCAL_DIR/postgres"; then
    # The project lies below a folder the postgres user cannot enter: keep the data in /var/tmp instead.
    DATA="/var/tmp/leefbaarheid-postgres-$(echo "$ROOT" | md5sum | cut -c1-8)/data"
    LOGFILE="$(dirname "$DATA")/postgres.log"
    log "postgres cannot reach $LOCAL_DIR; using $DATA"
  fi
  mkdir -p "$(dirname "$DATA")"
  chown postgres "$(dirname "$DATA")" "$LOCAL_DIR/logs"
  as_db() { (cd / && runuser -u postgres -- "$@"); }
else
  as_db() { "$@"; }
fi
echo "$DATA" > "$LOCAL_DIR/postgres/data-dir"

if as_db "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "PostgreSQL already runs on port $PG_PORT"
else
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $DATA"
    as_db "$BIN/initdb" -D "$DATA" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # Test and local runs: durability traded for speed. Never use these settings in production.
  as_db "$BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$(dirname "$DATA") -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || die "PostgreSQL did not start; see $LOGFILE"
  log "PostgreSQL started on port $PG_PORT"
fi

psql_admin() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
psql_admin -c "select 1 from pg_roles where rolname = '$DB_USER'" | grep -q 1 \
  || psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'"
for svc in "${SERVICES[@]}"; do
  for db in "$svc" "${svc}_test"; do
    psql_admin -c "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || psql_admin -c "create database $db owner $DB_USER" 
  done
done
log "Databases ready: ${SERVICES[*]} (and *_test)"
