"""Local development: DEBUG on, a throwaway key, email printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Demo accounts are created by `manage.py load_demo` only where this is set.
BBWIKI_DEMO_ACCOUNTS = True
