import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The PostgreSQL server for the tests that need a database of their own (not the test database).
PG_SERVER = os.environ.get("BBWIKI_TEST_PG_SERVER", "postgres://postgres@127.0.0.1:5432")


def pg_unreachable_reason():
    """None when PostgreSQL answers at PG_SERVER, else why these tests are skipped."""
    import psycopg

    try:
        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL not reachable at {PG_SERVER} ({error.__class__.__name__})"
    return None


def manage(*args, env, timeout=300):
    """Run manage.py in its own process with `env` on top of a clean environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("BBWIKI_", "DATABASE"))}
    environment.update(DJANGO_SETTINGS_MODULE="bbwiki.settings.dev", **env)
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
