#!/usr/bin/env bash
# Update the translation catalogues after adding or changing texts: `bash scripts/messages.sh`.
# Texts of core, accounts, registry and the shared templates go to locale/; every other module keeps its own
# catalogue in samenopleiden/<app>/locale/ (Django puts each text in the nearest locale/ above its file).
# No source locations and no creation date in the catalogues, so that parallel work merges without conflicts.
# Then translate every new entry (msgstr "") and every "#, fuzzy" one, and run `make messages` to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
$PY manage.py makemessages -l en --no-location --ignore=.venv --ignore=node_modules --ignore=static \
  --ignore=staticfiles --ignore=bench -v 0
for po in locale/en/LC_MESSAGES/django.po samenopleiden/*/locale/en/LC_MESSAGES/django.po; do
  sed -i '/^"POT-Creation-Date: /d' "$po"
done
$PY - <<'PYTHON'
import re
from pathlib import Path

for po in [Path("locale/en/LC_MESSAGES/django.po"), *sorted(Path("samenopleiden").glob("*/locale/en/LC_MESSAGES/django.po"))]:
    blocks = po.read_text(encoding="utf-8").split("\n\n")[1:]
    fuzzy = sum("#, fuzzy" in b for b in blocks)
    empty = sum(bool(re.search(r'^msgstr(\[0\])? ""\n?(?!")', b, re.M)) and not re.search(r'^msgstr(\[0\])? ""\n"', b, re.M) for b in blocks)
    if fuzzy or empty:
        print(f"{po}: {empty} onvertaald, {fuzzy} vaag")
PYTHON
