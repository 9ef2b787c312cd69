# Platforma: the two commands a fresh machine needs are `make run` and `make test`.
# Everything else here is what those two use, plus a few conveniences.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Tests run in parallel, one process per core (each with its own test database).
TEST_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test lint format venv deps dev-deps system-deps runtime-deps migrate demo messages lock clean

## run: set up everything, load the demo data if the database is empty, serve on http://$(HOST):$(PORT)
# Links in e-mails point at the address served here unless PLATFORMA_BASE_URL says otherwise.
# The task worker (every e-mail goes through it) runs beside the web server: it starts first,
# and stops with it, whether the server ends or Ctrl+C stops both.
run: export PLATFORMA_BASE_URL ?= http://$(HOST):$(PORT)
run: runtime-deps deps migrate
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py demo_admin
	@export DJANGO_DEBUG=$${DJANGO_DEBUG:-1}; \
	$(PY) manage.py db_worker --no-reload --queue-name='*' & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	echo "Task worker started (pid $$worker): e-mail is sent from it."; \
	$(PY) manage.py runserver $(HOST):$(PORT)

## test: the same set-up, then the whole test suite (DATABASE_URL picks the database)
# pytest's exit status 5 means it collected no test: that is a failure here, said in words.
test: system-deps dev-deps
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS) || { rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; fi; exit $$rc; }

## system-deps: the Debian packages the tests need (chromium, gettext, poppler, fonts)
system-deps:
	@bash scripts/system-deps.sh --test

runtime-deps:
	@bash scripts/system-deps.sh

## lint: ruff (lint and format), the layers' import contracts, the types (mypy); CI runs it first
lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo
	$(VENV)/bin/mypy platforma config

format: dev-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Platforma needs Python >= 3.11 (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

venv: $(PY)

# The stamp files make re-runs fast: pip runs again only when a requirements file changed.
$(VENV)/.deps: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@ $(VENV)/.deps

deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps

migrate: deps
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

## messages: refresh the .po catalogues from the code and compile them (needs GNU gettext)
messages: deps
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=var --add-location=file
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var

## lock: re-pin requirements*.txt from requirements*.in in a throw-away venv
lock:
	rm -rf var/lockenv && $(PYTHON) -m venv var/lockenv
	var/lockenv/bin/pip install --quiet -r requirements.in
	var/lockenv/bin/pip freeze --all --exclude pip --exclude setuptools | sed '1i # Pinned: installed by `make`. Direct dependencies: requirements.in' > requirements.txt
	var/lockenv/bin/pip install --quiet -r requirements-dev.in
	var/lockenv/bin/pip freeze --all --exclude pip --exclude setuptools | grep -vxF -f requirements.txt | sed '1i # Pinned test and lint tools, on top of requirements.txt. Direct dependencies: requirements-dev.in' > requirements-dev.txt
	rm -rf var/lockenv

clean:
	rm -rf $(VENV) var/*.sqlite3* var/media var/static
