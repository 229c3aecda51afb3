"""Local development: DEBUG on, a throwaway key, email printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# WhiteNoise serves static files on the development server as in production (malformed paths
# answer 404 on both), straight from the apps' folders: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Demo accounts are created by `manage.py load_demo` only where this is set.
BBWIKI_DEMO_ACCOUNTS = True
