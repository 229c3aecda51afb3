"""Settings for the test suite: fast hashing, in-memory email, a throwaway var dir."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
BBWIKI_DEMO_ACCOUNTS = True

# Tests never touch the developer's var/ folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bbwiki-test-media-"))  # noqa: F405
