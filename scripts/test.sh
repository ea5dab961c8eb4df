#!/usr/bin/env bash
# Every test (`make test`; CI runs it through .ci/run):
#   1. what the tests need from Debian: chromium (browser tests) and gettext (compiling the translations);
#   2. the translations compiled (.mo from the .po files);
#   3. no model change without its migration (makemigrations --check);
#   4. the whole suite on SQLite, browser tests in Chromium included;
#   5. the whole suite again on PostgreSQL, without the browser tests (scripts/postgres.sh finds or starts one).
# Every step runs even when an earlier one failed; the script ends with each run's pytest summary line and
# exits non-zero when anything failed. Extra arguments go to both pytest runs (e.g. `-x` or `-k login`).
set -uo pipefail
cd "$(dirname "$0")/.."
export PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test
export PYTHONDONTWRITEBYTECODE=1
failed=()
results=()
start=$SECONDS

section() { printf '\n==================== %s ====================\n' "$*"; }
fail() { failed+=("$1"); echo "MISLUKT: $1" >&2; }

if [ ! -x "$PY" ]; then
  echo "De virtualenv ontbreekt ($PY): start de tests met 'make test', dat maakt hem eerst aan." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
  SUDO="sudo"
fi
apt_updated=""
# apt_install PACKAGE WHY: installs a Debian package non-interactively (apt-get update once first).
apt_install() {
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "$1 ontbreekt en kan zonder root- of sudo-rechten niet worden geïnstalleerd ($2)." >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$1 ontbreekt en er is geen apt-get om het te installeren ($2)." >&2
    return 1
  fi
  echo "Debian-pakket $1 wordt geïnstalleerd ($2)."
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

section "1. Benodigdheden: Chromium en GNU gettext"
if [ -x /usr/bin/chromium ] || apt_install chromium "voor de browsertests"; then
  echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '/usr/bin/chromium')"
else
  fail "Chromium installeren (de browsertests kunnen niet draaien)"
fi
if command -v msgfmt >/dev/null 2>&1 || apt_install gettext "msgfmt, om de vertalingen te compileren"; then
  echo "GNU gettext: $(msgfmt --version | head -n 1)"
else
  echo "GNU gettext ontbreekt: de vertalingen worden met scripts/compile_messages.py gecompileerd." >&2
fi

section "2. Vertalingen compileren"
if command -v msgfmt >/dev/null 2>&1; then
  $PY manage.py compilemessages --ignore=.venv --ignore=node_modules -v 1 || fail "compilemessages"
else
  $PY scripts/compile_messages.py || fail "vertalingen compileren"
fi

section "3. Migraties: ontbreekt er een?"
DATABASE_URL="sqlite:///:memory:" $PY manage.py makemigrations --check --dry-run ||
  fail "makemigrations --check: een modelwijziging heeft nog geen migratie"

# run_pytest LABEL ARGS...: runs pytest, keeps its last (summary) line for the end.
run_pytest() {
  local label=$1 log status
  shift
  log=$(mktemp)
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  results+=("$label: $(grep -v '^\s*$' "$log" | tail -n 1)")
  rm -f "$log"
  [ "$status" -eq 0 ] || fail "tests op $label (afsluitcode $status)"
}

section "4. Alle tests op SQLite (met de browsertests in Chromium)"
DATABASE_URL="sqlite:///:memory:" run_pytest SQLite $PY -m pytest -q "$@"

section "5. Alle tests op PostgreSQL (zonder de browsertests)"
run_pytest PostgreSQL bash scripts/postgres.sh $PY -m pytest -q -m "not browser" "$@"

section "Samenvatting ($(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "Mislukt:"
  for item in "${failed[@]}"; do echo "- $item"; done
else
  echo "Alles geslaagd."
fi
for line in "${results[@]}"; do echo "$line"; done
[ ${#failed[@]} -eq 0 ]
