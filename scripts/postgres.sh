#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a PostgreSQL server: scripts/postgres.sh COMMAND [ARGS...]
#
# Where the server comes from, in this order:
#   1. $TEST_DATABASE_URL, when set (it must answer, otherwise this fails);
#   2. the local server on 127.0.0.1:$PG_LOCAL_PORT (default 5432) with trust authentication, user postgres;
#   3. a throwaway cluster of Debian's postgresql package (installed with apt-get when missing), started with
#      initdb + pg_ctl in a temporary directory on a free loopback port, as a non-root user, and stopped and
#      removed when the command ends (also on Ctrl+C or failure).
# PG_FORCE_LOCAL_CLUSTER=1 skips step 2 (to test step 3 on a machine that has a server).
# When no server can be had it says why and exits non-zero: the tests never pass without PostgreSQL.
# pytest-django creates and drops test_<name> itself; <name> need not exist (Django connects to the
# maintenance database `postgres` to create it).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DB_NAME=samenopleiden
say() { echo "postgres.sh: $*" >&2; }

[ $# -gt 0 ] || { say "gebruik: scripts/postgres.sh COMMANDO [ARGUMENTEN...]"; exit 2; }

# can_connect URL: true when the server of URL accepts a connection (to its database, or else to `postgres`).
can_connect() {
  "$PY" - "$1" <<'PYEOF' >/dev/null 2>&1
import sys
from urllib.parse import unquote, urlparse

import psycopg

u = urlparse(sys.argv[1])
kwargs = dict(host=u.hostname or "127.0.0.1", port=u.port or 5432, user=unquote(u.username or "postgres"),
              password=unquote(u.password) if u.password else None, connect_timeout=3)
for dbname in dict.fromkeys([unquote(u.path.lstrip("/")) or "postgres", "postgres"]):
    try:
        psycopg.connect(dbname=dbname, **kwargs).close()
        sys.exit(0)
    except psycopg.Error:
        pass
sys.exit(1)
PYEOF
}

run_with() {
  DATABASE_URL="$1"
  export DATABASE_URL
  shift
  "$@"
}

# 1. An explicit server.
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  if can_connect "$TEST_DATABASE_URL"; then
    say "TEST_DATABASE_URL wordt gebruikt (server: ${TEST_DATABASE_URL#*@})."
    run_with "$TEST_DATABASE_URL" "$@"
    exit $?
  fi
  say "TEST_DATABASE_URL is gezet, maar die PostgreSQL-server antwoordt niet (server: ${TEST_DATABASE_URL#*@})."
  exit 1
fi

# 2. The local server.
local_port=${PG_LOCAL_PORT:-5432}
local_url="postgres://postgres@127.0.0.1:$local_port/$DB_NAME"
if [ -z "${PG_FORCE_LOCAL_CLUSTER:-}" ] && can_connect "$local_url"; then
  say "de PostgreSQL-server op 127.0.0.1:$local_port wordt gebruikt."
  run_with "$local_url" "$@"
  exit $?
fi

# 3. A throwaway cluster.
if [ -n "${PG_FORCE_LOCAL_CLUSTER:-}" ]; then
  say "PG_FORCE_LOCAL_CLUSTER is gezet: een tijdelijke PostgreSQL-server wordt gestart."
else
  say "geen PostgreSQL-server op 127.0.0.1:$local_port (trust, gebruiker postgres): een tijdelijke server wordt gestart."
fi

find_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bindir=$(find_bindir || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    # sudo without a password, or with one when someone at a terminal can type it
    if command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then SUDO="sudo"; else
      say "PostgreSQL is niet geïnstalleerd, en zonder root- of sudo-rechten kan Debian's postgresql-pakket niet"
      say "worden geïnstalleerd. Installeer het (apt-get install postgresql), start een server op 127.0.0.1:5432"
      say "met trust-authenticatie, of zet TEST_DATABASE_URL op een bereikbare server."
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL is niet geïnstalleerd en er is geen apt-get (geen Debian?). Zet TEST_DATABASE_URL."
    exit 1
  fi
  say "Debian's postgresql-pakket wordt geïnstalleerd (apt-get)."
  # No permanent 'main' cluster on 5432: this script only needs the binaries.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    $SUDO mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/samenopleiden-tests.conf >/dev/null
  fi
  if ! { $SUDO apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2; }; then
    say "het installeren van Debian's postgresql-pakket is mislukt (zie hierboven). Zet TEST_DATABASE_URL."
    exit 1
  fi
  bindir=$(find_bindir || true)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    say "na de installatie is initdb niet gevonden onder /usr/lib/postgresql/*/bin."
    exit 1
  fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samenopleiden-pg.XXXXXX")
chmod 755 "$tmp"
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: run it as the postgres user (the package makes it) or else nobody.
  pg_user=postgres
  id "$pg_user" >/dev/null 2>&1 || pg_user=nobody
  chown "$pg_user" "$tmp"
  run_as=(runuser -u "$pg_user" --)
fi

stop_cluster() {
  if [ -f "$tmp/data/postmaster.pid" ]; then
    "${run_as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if ! "${run_as[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$tmp/initdb.log" 2>&1; then
  cat "$tmp/initdb.log" >&2
  say "initdb is mislukt (zie hierboven)."
  exit 1
fi
# Durability does not matter for a cluster that is thrown away: trade it for speed.
opts="-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -o "$opts" -l "$tmp/server.log" -w -t 60 start >/dev/null; then
  cat "$tmp/server.log" >&2 || true
  say "de tijdelijke PostgreSQL-server wilde niet starten (zie hierboven)."
  exit 1
fi
"${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME" # for manage.py; tests make their own
say "tijdelijke PostgreSQL-server $("$bindir/postgres" --version | awk '{print $3}') draait op 127.0.0.1:$port (in $tmp)."
status=0
run_with "postgres://postgres@127.0.0.1:$port/$DB_NAME" "$@" || status=$?
exit $status
