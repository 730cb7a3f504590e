#!/usr/bin/env bash
# Start a local PostgreSQL for the server test suite and print the DATABASE_URL to use.
#
# Idempotent: installs Debian's `postgresql` if no server binary is present, creates or starts the
# cluster, and creates the roles and database when missing. Runs as root (CI) and listens on the
# loopback address only. Everything but the URL goes to stderr, so callers can do
#   export DATABASE_URL="$(bash scripts/ci-postgres.sh)"
#
# Two roles, so the audit log is protected from the application (docs/server.md, "Audit"):
# - the owner ($DB_USER, printed URL) owns the database and runs migrations;
# - the application role ($APP_USER) logs in for requests and gets only what the migrations grant
#   it: INSERT and SELECT on the audit log, never ownership. Its URL is the owner's with
#   $APP_USER:$APP_PASS (tests derive it so; OPENFPA_APP_DATABASE_URL overrides).
set -euo pipefail

DB_NAME="${OPENFPA_PG_DB:-openfpa}"
DB_USER="${OPENFPA_PG_USER:-openfpa}"
DB_PASS="${OPENFPA_PG_PASSWORD:-openfpa}"
APP_USER="${OPENFPA_PG_APP_USER:-openfpa_app}"
APP_PASS="${OPENFPA_PG_APP_PASSWORD:-openfpa_app}"
PORT="${OPENFPA_PG_PORT:-5432}"

log() { echo "ci-postgres: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq postgresql) >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
CLUSTER=main

if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  log "creating cluster $VERSION/$CLUSTER on port $PORT"
  pg_createcluster --port "$PORT" "$VERSION" "$CLUSTER" >&2
fi

STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"
if [ "$STATUS" != "online" ]; then
  log "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start -- -o "-c listen_addresses=127.0.0.1 -c fsync=off" >&2 \
    || pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "PostgreSQL did not become ready"; exit 1; }

psql_super() { (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$PORT" "$@"); }

if [ "$(psql_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]; then
  log "creating role $DB_USER"
  psql_super -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASS'"
fi
if [ "$(psql_super -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER'")" != "1" ]; then
  log "creating application role $APP_USER (no ownership, no CREATE)"
  psql_super -c "CREATE ROLE \"$APP_USER\" LOGIN PASSWORD '$APP_PASS' NOSUPERUSER NOCREATEDB NOCREATEROLE"
fi
if [ "$(psql_super -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]; then
  log "creating database $DB_NAME"
  psql_super -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
fi
# The application may connect, and may not create schemas or objects of its own.
psql_super -d "$DB_NAME" -c "GRANT CONNECT ON DATABASE \"$DB_NAME\" TO \"$APP_USER\"; REVOKE CREATE ON DATABASE \"$DB_NAME\" FROM \"$APP_USER\"; REVOKE CREATE ON SCHEMA public FROM PUBLIC;"

echo "postgres://$DB_USER:$DB_PASS@127.0.0.1:$PORT/$DB_NAME"
