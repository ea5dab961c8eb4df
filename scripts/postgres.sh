#!/usr/bin/env bash
# Find a PostgreSQL server for the test suite and print its URL on stdout (messages go to stderr).
# Order: $TEST_DATABASE_URL; the local server on 127.0.0.1:5432 (trust auth); else Debian's postgresql
# package in a throwaway cluster on a free loopback port (its directory is printed as PG_TMP=... on fd 3).
# Exits non-zero, saying why, when no server can be had.
set -euo pipefail
PY=${PY:-.venv/bin/python}
say() { echo "$*" >&2; }

can_connect() {
  "$PY" - "$1" <<'PYEOF' >/dev/null 2>&1
import sys, psycopg
from urllib.parse import urlparse
u = urlparse(sys.argv[1])
psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                password=u.password or None, dbname=(u.path or "/postgres").lstrip("/") or "postgres",
                connect_timeout=3).close()
PYEOF
}

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  if can_connect "$TEST_DATABASE_URL"; then echo "$TEST_DATABASE_URL"; exit 0; fi
  say "TEST_DATABASE_URL is gezet, maar die PostgreSQL-server antwoordt niet: $TEST_DATABASE_URL"; exit 1
fi

local_url="postgres://postgres@127.0.0.1:5432/postgres"
if [ -z "${PG_FORCE_LOCAL_CLUSTER:-}" ] && can_connect "$local_url"; then echo "$local_url"; exit 0; fi

say "Geen PostgreSQL-server gevonden op 127.0.0.1:5432; een tijdelijke server wordt gestart."
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    say "PostgreSQL is niet geïnstalleerd en zonder root- of sudo-rechten kan het niet worden geïnstalleerd."
    say "Zet TEST_DATABASE_URL op een bereikbare PostgreSQL-server."; exit 1
  fi
  $SUDO apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2 || {
    say "Het installeren van Debian's postgresql-pakket mislukte."; exit 1; }
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
tmp=$(mktemp -d /tmp/samenopleiden-pg.XXXXXX)
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$tmp"; run_as=(runuser -u postgres --)
fi
"${run_as[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 >&2
"${run_as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -o "-p $port -k $tmp -c listen_addresses=127.0.0.1" -l "$tmp/log" -w start >&2
echo "PG_TMP=$tmp PG_BIN=$bindir" >&3
echo "postgres://postgres@127.0.0.1:$port/postgres"
