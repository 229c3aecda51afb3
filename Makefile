# bbwiki: `make run` to set up and serve the demo, `make test` to run every check CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The optional dependencies installed: dev (test tools and both search clients); a server that
# needs none of them but one client takes e.g. EXTRAS=opensearch (README, "Configuration").
EXTRAS ?= dev

# uv installs exactly what uv.lock pins (README, "Installs"); it comes from PyPI, hash-checked.
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Use the interpreter named by PYTHON, never one uv would download.
export UV_PYTHON_DOWNLOADS := never

# Settings for the test runs, whatever DJANGO_SETTINGS_MODULE the shell exports.
TEST_SETTINGS := bbwiki.settings.test
CONFORMANCE_SETTINGS := tests.backend.settings
# The PostgreSQL server `make test-postgres` uses, and the database named after PG_DATABASE
# there: pytest-django creates and drops test_$(PG_DATABASE).
PG_SERVER ?= postgres://postgres@127.0.0.1:5432
PG_DATABASE ?= bbwiki_ci
# Another Python the SQLite suite runs on when it is installed (on PATH or under pyenv).
OTHER_PYTHON ?= 3.13

.PHONY: run setup install lock upgrade test test-sqlite test-postgres lint format \
	migrations-check check messages bench bench-page bench-relevance bench-statements reset clean serve-prod

# The site's own address (links in emails, feeds, the sitemap, the printed logins) is where
# runserver listens, unless BBWIKI_BASE_URL says otherwise.
run setup: export BBWIKI_BASE_URL ?= http://$(HOST):$(PORT)

# The development server and, beside it, the worker that puts approved changes into effect
# when their notice period ends; Ctrl-C (or the server stopping) stops both.
run: setup
	@$(MANAGE) db_worker --backend scheduled --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

# The search index is built (empty on a first run) before the demo content, which is indexed as
# it is published; the last update_index rebuilds it from everything in the database.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) update_index --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) update_index

# uv sync installs the locked versions and removes anything else; when nothing changed it takes
# a fraction of a second and needs no network.
install: $(UV)
	$(UV) sync --locked --quiet --python $(PYTHON) $(addprefix --extra ,$(EXTRAS))

$(UV): uv-requirements.txt
	test -x $(TOOLS)/bin/python || $(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install -qq --require-hashes --no-deps -r uv-requirements.txt
	touch $(UV)

# Lock what pyproject.toml now asks for, keeping every pin that still fits.
lock: $(UV)
	$(UV) lock

# Every dependency at the newest version pyproject.toml's ranges allow, then the tests.
upgrade: $(UV)
	$(UV) lock --upgrade
	$(MAKE) test

# The three runs are independent (own database, own temporary folders, own environment): they
# run side by side, each one's output printed whole when it ends. `make test JOBS=1` runs them
# one after the other.
JOBS ?= 3
test: install check migrations-check
	$(MAKE) --jobs=$(JOBS) --output-sync=target test-sqlite test-postgres test-python-$(OTHER_PYTHON)

# The site's suite on SQLite with Whoosh, then django-modelsearch's own backend suite against
# our Whoosh backend.
test-sqlite: install
	$(BIN)/pytest --ds=$(TEST_SETTINGS)
	$(BIN)/pytest --ds=$(CONFORMANCE_SETTINGS) tests/backend

# The suite again on PostgreSQL with Wagtail's database search backend: the configuration of
# several app servers. Skipped, not failed, where no PostgreSQL server answers. Tests marked
# database_independent (their own processes and databases) ran in the SQLite run already.
test-postgres: install
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_SERVER)/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "Running the suite on PostgreSQL ($(PG_SERVER)/$(PG_DATABASE)) with the database search backend"; \
		DATABASE_URL=$(PG_SERVER)/$(PG_DATABASE) BBWIKI_SEARCH_BACKEND=database \
			BBWIKI_TEST_PG_SERVER=$(PG_SERVER) $(BIN)/pytest --ds=$(TEST_SETTINGS) \
			-m "not database_independent"; \
	else \
		echo "PostgreSQL not reachable at $(PG_SERVER): skipping the PostgreSQL run."; \
	fi

# The SQLite suite on Python $* in its own environment (.venv-$*), from the same lock; skipped
# with a message where that Python is not installed.
test-python-%:
	@python=""; \
	for candidate in python$* $$(pyenv root 2>/dev/null)/versions/$**/bin/python$*; do \
		if "$$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != tuple(map(int, "$*".split("."))))' 2>/dev/null; then \
			python=$$(command -v "$$candidate"); break; \
		fi; \
	done; \
	if [ -n "$$python" ]; then \
		echo "Running the SQLite suite on Python $* ($$python)"; \
		$(MAKE) test-sqlite PYTHON="$$python" VENV=.venv-$*; \
	else \
		echo "Python $* is not installed (neither python$* on PATH nor under pyenv): skipping the suite on Python $*."; \
	fi

# gunicorn with production settings, as on a server; see README.md "Production" for the
# environment it needs (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL ...).
serve-prod: export DJANGO_SETTINGS_MODULE = bbwiki.settings.production
serve-prod: install
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) migrate --noinput
	$(BIN)/gunicorn -c gunicorn.conf.py

check: install
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) check

migrations-check: install
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

# The interface's catalogues: the strings marked for translation extracted into
# locale/<language>/LC_MESSAGES/django.po, then compiled into the django.mo files beside them,
# which are committed (so installing the site needs no gettext tools; this target does:
# apt-get install gettext).
messages: install
	$(MANAGE) makemessages -l es -l fr -l pt -l ar --no-location --ignore=.venv* --ignore=.tools \
		--ignore=var --ignore=tests --ignore=bench
	$(MANAGE) compilemessages --ignore='.venv*' --ignore=.tools --ignore=var

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

# Joint statements at 10,000 and 100,000 signatures (not a test); figures in bench/README.md.
bench-statements: install
	$(PY) -m bench.statements $(BENCH_ARGS)

# The newcomers' questions of tests/search/relevance.py asked of both backends, side by side.
bench-relevance: install
	$(PY) -m bench.relevance $(BENCH_ARGS)

# The site back to nothing: the next `make run` builds a fresh demo. Removes the folder
# BBWIKI_VAR_DIR names (./var by default): the database, the search index, uploaded media.
reset:
	rm -rf "$(or $(BBWIKI_VAR_DIR),var)"

# reset, and the installed environments too: the next `make run` installs everything again.
clean: reset
	rm -rf $(VENV) .venv-$(OTHER_PYTHON) $(TOOLS)
