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

messages: venv
	$(PY) manage.py compilemessages --ignore=.venv -v 0

run: venv messages
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py load_demo
	@echo ""
	@echo "Samen Opleiden draait op http://127.0.0.1:8000  (stoppen: Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:8000

test: venv messages
	bash scripts/test.sh

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: venv
	$(PY) bench/registry.py

vendor:
	bash scripts/refresh_vendor.sh
