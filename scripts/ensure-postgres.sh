#!/usr/bin/env bash
# Makes sure the PostgreSQL that `npm test` uses answers (TEST_DATABASE_URL, default postgres://root@127.0.0.1:5432/test):
# starts the cluster if it is installed but stopped, installs it with apt-get if it is missing, lets root in over
# 127.0.0.1 and creates the database `test`. Fails with a clear message if any of that cannot be done.
set -euo pipefail

URL="${TEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/test}"
fail() { echo "ensure-postgres: FEHLER: $*" >&2; exit 1; }
say() { echo "ensure-postgres: $*"; }
answers() { psql "$URL" -Atqc 'SELECT 1' >/dev/null 2>&1; }
listening() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
as_postgres() { if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi; }

if command -v psql >/dev/null 2>&1 && answers; then
  say "PostgreSQL antwortet ($URL)."
  exit 0
fi
[ "$URL" = "postgres://root@127.0.0.1:5432/test" ] || fail "TEST_DATABASE_URL=$URL antwortet nicht; eine eigene Datenbank wird nicht eingerichtet."
[ "$(id -u)" = 0 ] || fail "PostgreSQL antwortet nicht auf 127.0.0.1:5432, und Einrichten braucht root (apt-get, pg_ctlcluster)."

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  say "PostgreSQL fehlt: installiere es mit apt-get …"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; } || fail "apt-get install postgresql ist fehlgeschlagen (Paketquellen erreichbar?)."
fi

VERSION="$(ls /etc/postgresql | sort -V | tail -n 1)"
[ -n "$VERSION" ] || fail "kein PostgreSQL-Cluster unter /etc/postgresql."
if ! listening; then
  say "starte den Cluster $VERSION/main …"
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start || fail "pg_ctlcluster $VERSION main start ist fehlgeschlagen (Log: /var/log/postgresql/)."
  for _ in $(seq 1 30); do listening && break; sleep 1; done
  listening || fail "PostgreSQL $VERSION lauscht nach 30 s nicht auf 127.0.0.1:5432."
fi

if ! answers; then
  say "richte Rolle root und Datenbank test ein, Vertrauen für 127.0.0.1 …"
  HBA="/etc/postgresql/$VERSION/main/pg_hba.conf"
  grep -q '^host all root 127.0.0.1/32 trust' "$HBA" || sed -i '1i host all root 127.0.0.1/32 trust' "$HBA"
  as_postgres psql -q -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'root') THEN CREATE ROLE root LOGIN SUPERUSER; END IF; END \$\$;" >/dev/null
  as_postgres psql -Atqc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 || as_postgres createdb -O root test
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main reload
  sleep 1
fi

answers || fail "PostgreSQL läuft, aber $URL ist nicht erreichbar (pg_hba.conf, Rolle root, Datenbank test prüfen)."
say "PostgreSQL antwortet ($URL)."
