# bbwiki: `make run` to set up and serve the demo, `make test` to run every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install test test-postgres lint format migrations-check check bench bench-page clean serve-prod
# The PostgreSQL server `make test-postgres` uses; pytest-django creates test_bbwiki_ci on it.
PG_SERVER ?= postgres://postgres@127.0.0.1:5432

run: setup
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) update_index

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

test: install check migrations-check
	$(BIN)/pytest
	$(BIN)/pytest --ds=tests.backend.settings tests/backend
	$(MAKE) test-postgres

# The suite again on PostgreSQL with Wagtail's database search backend: the configuration of
# several app servers. Skipped, not failed, where no PostgreSQL server answers.
test-postgres: install
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_SERVER)/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "Running the suite on PostgreSQL ($(PG_SERVER)) with the database search backend"; \
		DATABASE_URL=$(PG_SERVER)/bbwiki_ci BBWIKI_SEARCH_BACKEND=database $(BIN)/pytest; \
	else \
		echo "PostgreSQL not reachable at $(PG_SERVER): skipping the PostgreSQL run."; \
	fi

# gunicorn with production settings, as on a server; see README.md "Production" for the
# environment it needs (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL ...).
serve-prod: export DJANGO_SETTINGS_MODULE = bbwiki.settings.production
serve-prod: install
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) migrate --noinput
	$(BIN)/gunicorn -c gunicorn.conf.py

check: install
	DJANGO_SETTINGS_MODULE=bbwiki.settings.test $(MANAGE) check

migrations-check: install
	DJANGO_SETTINGS_MODULE=bbwiki.settings.test $(MANAGE) makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Search backend benchmark (not a test): Whoosh vs the database backend, 1,000 and 10,000 pages.
bench: install
	$(PY) -m bench.search_backends $(BENCH_ARGS)

# The search page (/search/?query=…) timed end to end on both backends, 1,000 and 10,000 pages.
bench-page: install
	$(PY) -m bench.search_page $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var
