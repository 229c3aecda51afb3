"""Settings for the benchmark: the site's settings, SQLite in the bench's var dir, two backends.

The benchmarks set BBWIKI_VAR_DIR before Django loads this, so nothing they write lands in
the developer's var/.
"""

import os

import dj_database_url

from bbwiki.settings.dev import *  # noqa: F403
from bbwiki.settings.dev import SQLITE_TIMEOUT, VAR_DIR

# Django keeps every query in memory while DEBUG is on.
DEBUG = False
# Pages are rendered, not served from the page cache (bench/page_cache.py measures that).
PAGE_CACHE_ENABLED = False
# SQLite whatever DATABASE_URL says: the 5-second query limit uses SQLite's progress handler,
# set on the one connection kept for the whole run (the site's middleware would otherwise close
# it after a stopped query).
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(VAR_DIR / "bench.sqlite3"),
        "CONN_MAX_AGE": None,
        # As the site runs SQLite (bbwiki/settings/base.py): write-ahead log, the write lock
        # taken when a transaction begins.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_TIMEOUT,
            "init_command": "PRAGMA journal_mode=WAL",
        },
    }
}
# Or the PostgreSQL database `--database-url` names (bench/postgres.py), made afresh each run.
if os.environ.get("BBWIKI_BENCH_DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(os.environ["BBWIKI_BENCH_DATABASE_URL"], conn_max_age=None)
    }
# The benchmark indexes explicitly, so that building the corpus indexes nothing.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends.whoosh",
        "PATH": str(VAR_DIR / "search-index"),
        "AUTO_UPDATE": False,
        # As the site's settings have it (BBWIKI_SEARCH_TIME_LIMIT).
        "TIME_LIMIT": 1,
    },
    # The site's database backend: Wagtail's, with past versions' wordings in a table of their
    # own on SQLite (search/backends/database.py; the same as Wagtail's for everything else).
    "db": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
# The benchmark searches far more often than a visitor may.
SEARCH_RATE_LIMITS = {"search": 0, "autocomplete": 0}
