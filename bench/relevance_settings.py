"""The benchmark's settings (`bench.settings`), with the database `bench.relevance --postgres`
names when it is given: Wagtail's database backend then searches with PostgreSQL's full-text
search, as the site's does on PostgreSQL, rather than SQLite's FTS5."""

import os

import dj_database_url

from bench.settings import *  # noqa: F403

if os.environ.get("BBWIKI_BENCH_POSTGRES"):
    DATABASES = {"default": dj_database_url.parse(os.environ["BBWIKI_BENCH_POSTGRES"])}
