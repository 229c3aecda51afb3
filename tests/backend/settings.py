"""Settings for testing the Whoosh backend against django-modelsearch's own test app.

Run with ``pytest --ds=tests.backend.settings tests/backend``.
The index lives in a temporary directory unless BBWIKI_BACKEND_TESTS_INDEX_DIR names
one (the multi-process tests use that to point child processes at their own index).
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

SECRET_KEY = "backend-tests-only"  # noqa: S105
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "search.backends.whoosh",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# modelsearch's tests load a fixture called "search" that the package does not ship.
FIXTURE_DIRS = [os.environ.get("BBWIKI_MODELSEARCH_FIXTURES", HERE / "fixtures")]

INDEX_DIR = os.environ.get("BBWIKI_BACKEND_TESTS_INDEX_DIR")
if not INDEX_DIR:
    INDEX_DIR = tempfile.mkdtemp(prefix="bbwiki-whoosh-tests-")
    atexit.register(shutil.rmtree, INDEX_DIR, ignore_errors=True)

MODELSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.whoosh", "PATH": INDEX_DIR, "LOCK_TIMEOUT": 5},
}
# The same backend under Wagtail's setting name, as the site configures it.
WAGTAILSEARCH_BACKENDS = MODELSEARCH_BACKENDS

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
