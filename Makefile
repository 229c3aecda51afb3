# bbwiki: `make run` to set up and serve the demo, `make test` to run every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install test lint format migrations-check check bench clean

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
	$(BIN)/pytest --ds=tests.conformance.settings tests/conformance tests/search_backend

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

clean:
	rm -rf $(VENV) var
