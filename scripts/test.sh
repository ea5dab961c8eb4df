#!/usr/bin/env bash
# Every test: migrations check, the suite with browser tests on SQLite, then the suite on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test
SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo"

if [ ! -x /usr/bin/chromium ]; then
  echo "== Chromium installeren (Debian-pakket) voor de browsertests"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || {
    echo "Chromium kon niet worden geïnstalleerd; de browsertests kunnen niet draaien." >&2; exit 1; }
fi

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "== GNU gettext installeren (Debian-pakket) om de vertalingen te compileren"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gettext >/dev/null || {
    echo "gettext kon niet worden geïnstalleerd; de vertalingen kunnen niet worden gecontroleerd." >&2; exit 1; }
fi
echo "== Vertalingen compileren"
[ -d locale ] && $PY manage.py compilemessages --ignore=.venv -v 0

echo "== Migraties: ontbreekt er een?"
DATABASE_URL="sqlite:///:memory:" $PY manage.py makemigrations --check --dry-run

echo "== Alle tests op SQLite (met browsertests in Chromium)"
DATABASE_URL="sqlite:///:memory:" $PY -m pytest -q

echo "== Alle tests op PostgreSQL (zonder browsertests)"
pginfo=$(mktemp)
cleanup() {
  if [ -s "$pginfo" ]; then
    eval "$(cat "$pginfo")"
    runas=(); [ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --)
    "${runas[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
  rm -f "$pginfo"
}
trap cleanup EXIT
pg_url=$(bash scripts/postgres.sh 3>"$pginfo") || { echo "Geen PostgreSQL beschikbaar: de test faalt." >&2; exit 1; }
echo "PostgreSQL: ${pg_url%%@*}@…"
DATABASE_URL="$pg_url" $PY -m pytest -q -m "not browser"
