# Solidarity: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

.PHONY: run serve install install-demo install-dev test lint format chromium messages mutants clean

# The virtual environment counts as made only once pip works in it.
$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Solidarity needs Python 3.11 or newer; $(PYTHON) is older (PYTHON=python3.12 make …)."; exit 1; }
	@rm -rf $(VENV)
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create .venv: on Debian or Ubuntu install python3-venv (sudo apt install python3-venv)."; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created requirements.txt constraints.txt
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.installed-demo: $(VENV)/.installed requirements-demo.txt
	$(PY) -m pip install --quiet -r requirements-demo.txt -c constraints.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt requirements-demo.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

install-demo: $(VENV)/.installed-demo

install-dev: $(VENV)/.installed-dev

## run: set up everything, load the demo content once, serve on 127.0.0.1:$(PORT) with the worker
## (each step in one line, details in var/log/; the last lines are the address and the demo login)
run: $(VENV)/.installed-demo
	@$(PY) scripts/serve.py --prepare

## test: install the test tools (and Chromium where missing), lint, check migrations, run the whole suite
test: install-dev chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	DATABASE_URL= $(PY) manage.py makemigrations --check --dry-run --settings tests.settings core home stories campaigns calls discussion newsletter staff demo
	$(PY) -m pytest $(PYTEST_ARGS)

chromium:
	@scripts/ensure-chromium

## mutants: mutation testing (mutmut) of core/ and every app's queries, services and forms against the fast
## tests (configured in pyproject.toml); one SQLite test database reused between mutants. Not run by CI.
## MUTANTS narrows it to some modules' mutants, e.g. MUTANTS="solidarity.core.visibility.* solidarity.core.crypto.*"
MUTANTS_DB := $(CURDIR)/mutants-test.sqlite3
MUTANTS ?=
mutants: install-dev
	rm -rf mutants $(MUTANTS_DB)
	SOLIDARITY_TEST_DB=$(MUTANTS_DB) DATABASE_URL= $(VENV)/bin/mutmut run --max-children 1 $(MUTANTS) || true
	$(VENV)/bin/mutmut export-cicd-stats
	@$(PY) -c 'import json; s = json.load(open("mutants/mutmut-cicd-stats.json")); n = lambda k: int(s.get(k, 0)); \
	  caught = n("killed") + n("timeout"); tested = caught + n("survived") + n("suspicious"); \
	  print("mutation score: %d/%d caught, %d survived, %d reached by no test" % (caught, tested, n("survived"), n("no_tests"))); \
	  tested or exit("No mutant was tested: see the errors above.")'
	$(VENV)/bin/mutmut results

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: extract and compile translations (needs GNU gettext)
messages: install
	cd solidarity && ../$(PY) ../manage.py makemessages --all --no-obsolete --ignore "static/*"
	cd solidarity && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache .mypy_cache mutants mutants-test.sqlite3
