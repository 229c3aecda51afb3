"""The search benchmarks on PostgreSQL (`--database-url postgres://…/name`): a fresh database
of that name for each run, and the 5-second limit on a database-backend request as PostgreSQL
enforces it (`statement_timeout`) rather than SQLite's progress handler."""

import os
import time

from bench.search_backends import DB_TIMEOUT, Bench

URL_VARIABLE = "BBWIKI_BENCH_DATABASE_URL"


def fresh_database(url):
    """Drop and create the database `url` names, so the run starts from nothing, and make
    bench/settings.py use it."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or not name.replace("_", "").isalnum():
        raise SystemExit(f"--database-url must name a database of letters and _: {url!r}")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    os.environ[URL_VARIABLE] = url


class PostgresBench(Bench):
    """`Bench` whose database-backend requests are stopped by PostgreSQL after DB_TIMEOUT."""

    def _limited(self, action):
        from django.db.utils import OperationalError

        self.connection.ensure_connection()
        with self.connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(DB_TIMEOUT * 1000)}")
        start = time.perf_counter()
        stopped = False
        try:
            action()
        except OperationalError as exc:
            if "statement timeout" not in str(exc):
                raise
            stopped = True
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")
        took = time.perf_counter() - start
        # The search page answers a stopped query with its 503 page, not an exception.
        if stopped or took >= DB_TIMEOUT:
            return DB_TIMEOUT, True
        return took, False
