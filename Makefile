# Two commands matter: `make run` (the platform with its demo) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test venv demo lint bench vendor messages

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

# The compiled catalogues (.mo) are build output, made from the .po files: with GNU gettext's msgfmt when it is
# there, otherwise by a small compiler in Python (same catalogue), so this works on any machine.
messages: venv
	@if [ ! -d locale ]; then true; elif command -v msgfmt >/dev/null 2>&1; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else $(PY) scripts/compile_messages.py; fi

run: venv messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo
	@echo ""
	@echo "Samen Opleiden draait op http://127.0.0.1:8000  (stoppen: Ctrl+C)"
	@# the worker for background jobs (matching rounds, big imports) runs beside the server and stops with it
	@$(PY) manage.py db_worker --interval 0.5 -v 0 & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000

test: venv
	bash scripts/test.sh

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: venv
	$(PY) bench/registry.py

vendor:
	bash scripts/refresh_vendor.sh
