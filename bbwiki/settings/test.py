"""Settings for the test suite: fast hashing, in-memory email, a throwaway var dir."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, SEARCH_BACKEND_NAME, search_backends

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
BBWIKI_DEMO_ACCOUNTS = True
# Wagtail's test helpers log in without a request, which django-axes refuses; the login
# throttling tests switch it back on.
AXES_ENABLED = False
# The address of the Site the tests' home page is served under, whatever the shell exports.
WAGTAILADMIN_BASE_URL = "http://localhost"

# Tests never touch the developer's var/ folder.
_TMP = Path(tempfile.mkdtemp(prefix="bbwiki-test-"))
MEDIA_ROOT = _TMP / "media"
SEARCH_INDEX_DIR = _TMP / "search-index"
WAGTAILSEARCH_BACKENDS = search_backends(
    SEARCH_BACKEND_NAME, os.environ.get("BBWIKI_SEARCH_URL"), SEARCH_INDEX_DIR
)
# On SQLite the test database is a file, as the site's is: an in-memory database is one
# connection's, so it shows neither the write-ahead log nor two clients waiting for the lock.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / "test.sqlite3")}

# Caches in memory, whatever REDIS_URL the shell exports. The page cache is off: a test of
# queries or of a page's markup renders it; the page cache's own tests switch it on
# (the `page_cache` fixture).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
PAGE_CACHE_ENABLED = False
# The suite searches far more often than a visitor; the throttle's own tests set a limit.
SEARCH_RATE_LIMITS = {"search": 0, "autocomplete": 0}
