#!/usr/bin/env bash
# Every test: migrations check, unit/integration/browser tests on SQLite, then the suite on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=config.settings.test

echo "== Migraties: controle op ontbrekende migraties"
DATABASE_URL="sqlite:///:memory:" $PY manage.py makemigrations --check --dry-run

echo "== Tests op SQLite"
DATABASE_URL="sqlite:///:memory:" $PY -m pytest -q
