# Solidarity: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run serve install install-dev test lint format chromium messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python requirements.txt constraints.txt
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## run: set up everything, load the demo content once, serve on 127.0.0.1:$(PORT) with the worker
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_site
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput --verbosity 0
	scripts/serve

## test: install the test tools (and Chromium where missing), lint, run the whole suite
test: install-dev chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest $(PYTEST_ARGS)

chromium:
	@scripts/ensure-chromium

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: extract and compile translations (needs GNU gettext)
messages: install
	cd solidarity && ../$(PY) ../manage.py makemessages --all --no-obsolete --ignore "static/*"
	cd solidarity && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache
