"""Settings come from the environment: var/ can move, the database can change, production
refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

# Each runs the settings in a process of its own, with an environment of its own.
pytestmark = pytest.mark.database_independent

BASE_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['ENGINE']); print(s.DATABASES['default']['NAME']); "
    "print(s.MEDIA_ROOT); print(s.SEARCH_INDEX_DIR)"
)


def run_settings(module, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("BBWIKI_", "DATABASE"))}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(  # noqa: S603 - runs our own interpreter with a fixed script
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_everything_written_at_run_time_is_under_var_by_default():
    result = run_settings("bbwiki.settings.dev")
    engine, name, media, index = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    var = BASE_DIR / "var"
    for path in (name, media, index):
        assert Path(path).is_relative_to(var), path


def test_bbwiki_var_dir_moves_everything(tmp_path):
    var = tmp_path / "not-yet-created"
    result = run_settings("bbwiki.settings.dev", BBWIKI_VAR_DIR=str(var))
    _, name, media, index = result.stdout.split()
    for path in (name, media, index):
        assert Path(path).is_relative_to(var), path
    # The folder is made on start, so SQLite can create its file there on a fresh clone.
    assert var.is_dir()


def test_database_url_overrides_the_database(tmp_path):
    result = run_settings(
        "bbwiki.settings.dev", DATABASE_URL="postgres://bb@db.example:5432/bbwiki"
    )
    engine, name, _, _ = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert name == "bbwiki"


def test_production_refuses_to_start_without_secret_key():
    result = run_settings("bbwiki.settings.production", ALLOWED_HOSTS="bestbits.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_settings("bbwiki.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_unknown_search_backend_is_a_clear_error():
    result = run_settings("bbwiki.settings.dev", BBWIKI_SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "Unknown BBWIKI_SEARCH_BACKEND 'solr'" in result.stderr


def test_whoosh_options_come_from_the_environment():
    from bbwiki.settings.base import search_backends

    environ = {"BBWIKI_SEARCH_LOCK_TIMEOUT": "3", "BBWIKI_SEARCH_REBUILD_MEMORY_MB": "256"}
    with mock.patch.dict(os.environ, environ):
        options = search_backends("whoosh", index_dir="/srv/index")["default"]
    assert options["LOCK_TIMEOUT"] == 3
    assert options["REBUILD_MEMORY_MB"] == 256
    assert options["PATH"] == "/srv/index"
