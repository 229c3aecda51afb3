"""Settings shared by every environment, safe to run in production.

DEBUG is off and there is no secret key here: dev.py and test.py add throwaway
ones, production.py reads them from the environment.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .builders import cache_settings, client_address_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Everything the site writes at run time (database, search index, media) lives here.
VAR_DIR = Path(os.environ.get("BBWIKI_VAR_DIR", BASE_DIR / "var")).resolve()
# SQLite cannot create its file in a folder that does not exist yet (a fresh clone).
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = False
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "core",
    "history",
    "pastversions",
    "papers",
    "home",
    "network",
    "meetings",
    "procedures",
    "operations",
    "pagecache",
    "search",
    "search.backends.whoosh",
    "notice",
    "opendata",
    "statements",
    # Before simple_translation: its translate view is replaced by ours (translations.admin_urls).
    "translations",
    "demo",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    # After Wagtail's admin: it replaces the workflow emails Wagtail's admin connects when ready.
    "moderation",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: runserver leaves static files to WhiteNoise, as gunicorn does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the session or the database: a hit costs no query.
    "pagecache.middleware.PageCacheMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the one the address names, or English: never the browser's.
    "translations.middleware.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "history.middleware.RecordAuthorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "operations.headers.ContentSecurityPolicyMiddleware",
    "operations.headers.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bbwiki.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "bbwiki.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'bbwiki.sqlite3'}",
        conn_max_age=int(os.environ.get("BBWIKI_DB_CONN_MAX_AGE", "0")),
        # A persistent connection the server dropped is replaced on the next request.
        conn_health_checks=True,
    )
}
# SQLite (the default) holds a small team's concurrent writes: readers never wait for a writer
# (write-ahead log), every transaction takes the write lock when it begins, so two that read
# then write never deadlock, and a writer waits up to SQLITE_TIMEOUT seconds for the lock
# instead of failing with "database is locked".
SQLITE_TIMEOUT = int(os.environ.get("BBWIKI_SQLITE_TIMEOUT", "20"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_TIMEOUT,
        "init_command": "PRAGMA journal_mode=WAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # django-axes refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Repeated failed logins: the fifth failure for a username from one address locks that pair out
# for 15 minutes (`manage.py axes_reset` lifts it). Attempts live in the database, so every app
# server sees them.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "operations/lockout.html"
AXES_USERNAME_FORM_FIELD = "username"


_CLIENT_ADDRESS = client_address_settings(int(os.environ.get("BBWIKI_PROXY_COUNT", "0")))
AXES_IPWARE_PROXY_ORDER = _CLIENT_ADDRESS["AXES_IPWARE_PROXY_ORDER"]
AXES_IPWARE_PROXY_COUNT = _CLIENT_ADDRESS["AXES_IPWARE_PROXY_COUNT"]
AXES_IPWARE_META_PRECEDENCE_ORDER = _CLIENT_ADDRESS["AXES_IPWARE_META_PRECEDENCE_ORDER"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English is the source language of every page; the others are translations of it. Pages in
# English keep addresses without a prefix (/procedures/…); the others start with their
# language's code (/es/procedures/…). Each language is named in itself, as its readers look
# for it.
LANGUAGE_CODE = "en-gb"
LANGUAGES = [
    ("en-gb", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
    ("ar", "العربية"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The network's own words for some of Wagtail's (locale/en_GB/LC_MESSAGES/django.po), and the
# interface in the other languages.
LOCALE_PATHS = [BASE_DIR / "locale"]
# The site's time zone: notice periods end at midnight here (BBWIKI_TIME_ZONE, e.g.
# Europe/Brussels).
TIME_ZONE = os.environ.get("BBWIKI_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("BBWIKI_STATIC_ROOT", VAR_DIR / "static")).resolve()
# WhiteNoise warns on every start while collectstatic has not made it yet.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("BBWIKI_MEDIA_ROOT", VAR_DIR / "media")).resolve()
MEDIA_URL = "/media/"
# The folders of MEDIA_ROOT anyone may read at MEDIA_URL: Wagtail's images. Documents (in
# `documents/`) are served only by Wagtail's view at /documents/<id>/<name>, which checks their
# collection's privacy first; the development server and the reverse proxy serve these alone.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Caches. "pages": what anonymous readers are shown (pagecache), in files under var/ so that
# every worker of one server shares them; with REDIS_URL, in Redis, shared by every server.
# Copies are stored per generation (pagecache.generation), so the timeout only bounds space.
PAGE_CACHE_ENABLED = os.environ.get("BBWIKI_PAGE_CACHE", "1").strip() != "0"
PAGE_CACHE_ALIAS = "pages"
# Seconds a proxy in front may answer with a page without asking the site (s-maxage).
PAGE_CACHE_PROXY_SECONDS = int(os.environ.get("BBWIKI_PROXY_CACHE_SECONDS", "0"))


CACHES = cache_settings(os.environ.get("REDIS_URL", "").strip(), VAR_DIR, PAGE_CACHE_ALIAS)

# Page editors with long clause lists post many fields at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers on every response.
# Content-Security-Policy (django-csp): scripts, styles, fonts and requests from this origin
# only, so no injected markup can run a script. Wagtail's admin writes inline scripts of its own
# (inline panels, date pickers, promoted results) and its editor's scripts add <style> elements,
# none with a nonce: under /admin/ the policy also allows inline scripts and styles
# (operations.headers).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
# Links to other sites carry no path or query; Django's SecurityMiddleware sends it.
SECURE_REFERRER_POLICY = "same-origin"
# Features no page of the site uses are refused to every page and to anything it embeds.
PERMISSIONS_POLICY = [
    "accelerometer=()",
    "camera=()",
    "geolocation=()",
    "gyroscope=()",
    "magnetometer=()",
    "microphone=()",
    "payment=()",
    "usb=()",
]
# Wagtail's admin would show each user's Gravatar, fetched from a third party with a hash of
# their email address; the admin shows initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor ask Wagtail's servers for its latest version from every editor's dashboard.
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "bbwiki": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "search": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# Wagtail

WAGTAIL_SITE_NAME = "Best Bits"
# The site's own address, which links in emails, feeds and the sitemap start with
# (core/site_address.py); by default where `make run` serves. Production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("BBWIKI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Documents carry the text read from their files (papers.Paper), for search.
WAGTAILDOCS_DOCUMENT_MODEL = "papers.Paper"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "papers.forms.PaperForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Background papers run to tens of MB; larger files are refused with Wagtail's message.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 64 * 1024 * 1024
# A document's text is read in a child process of the job (papers.limits), stopped past these.
PAPERS_READ_SECONDS = int(os.environ.get("BBWIKI_PAPERS_READ_SECONDS", "120"))
PAPERS_READ_MEGABYTES = int(os.environ.get("BBWIKI_PAPERS_READ_MEGABYTES", "1024"))
# Documents are streamed by Wagtail's view after its privacy check, never by a redirect to
# their file's address under MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Wagtail's pages API (/api/v2/, opendata.api) gives rich text as the pages show it.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Approvals count only for the text that will go live: editing a draft in review resets them.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Saving a page under review drops its approvals and makes the editor an author: the editor
# never saves on its own, only when someone chooses to.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# A quorum's approval publishes the revision it approved, on the public record.
WAGTAIL_FINISH_WORKFLOW_ACTION = "notice.workflow.approved_change"
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "bbwiki@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL


# Background jobs (django-tasks). Wagtail's own (search index updates) run at once, in the
# request; changes taking effect after their notice period wait in the database for the
# worker: `manage.py db_worker --backend scheduled` (README, "Production").
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "scheduled": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


# Search: one environment variable chooses the backend; the rest of the site does not care.

SEARCH_BACKEND_NAME = os.environ.get("BBWIKI_SEARCH_BACKEND", "whoosh").strip().lower()
SEARCH_INDEX_DIR = Path(os.environ.get("BBWIKI_SEARCH_INDEX_DIR", VAR_DIR / "search-index"))


# The search servers: Wagtail's backend module for each, and the client library it imports.
SEARCH_SERVER_BACKENDS = {
    "opensearch": ("opensearch3", "opensearchpy"),
    "elasticsearch": ("elasticsearch9", "elasticsearch"),
}


def search_backends(name, url=None, index_dir=SEARCH_INDEX_DIR):
    """Return WAGTAILSEARCH_BACKENDS for the backend called `name`."""
    if name == "whoosh":
        return {
            "default": {
                "BACKEND": "search.backends.whoosh",
                "PATH": str(index_dir),
                "LOCK_TIMEOUT": int(os.environ.get("BBWIKI_SEARCH_LOCK_TIMEOUT", "10")),
                "REBUILD_MEMORY_MB": int(os.environ.get("BBWIKI_SEARCH_REBUILD_MEMORY_MB", "1024")),
                "TIME_LIMIT": float(os.environ.get("BBWIKI_SEARCH_TIME_LIMIT", "1")),
            }
        }
    if name == "database":
        # On PostgreSQL each page in its language (English whatever the server's
        # default_text_search_config); other databases as Wagtail has them.
        return {"default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "english"}}
    if name in SEARCH_SERVER_BACKENDS:
        if not url:
            raise ImproperlyConfigured(
                f"BBWIKI_SEARCH_BACKEND={name} needs the server's address in BBWIKI_SEARCH_URL."
            )
        module, client = SEARCH_SERVER_BACKENDS[name]
        if importlib.util.find_spec(client) is None:
            raise ImproperlyConfigured(
                f"BBWIKI_SEARCH_BACKEND={name} needs its client library: "
                f"pip install -e '.[{name}]' (or uv sync --extra {name})."
            )
        return {
            "default": {
                "BACKEND": f"wagtail.search.backends.{module}",
                "URLS": [url],
                # Indexes are named <prefix><app>_<model>, as bbwiki_wagtailcore_page.
                "INDEX_PREFIX": os.environ.get("BBWIKI_SEARCH_INDEX_PREFIX", "bbwiki_"),
            }
        }
    raise ImproperlyConfigured(
        f"Unknown BBWIKI_SEARCH_BACKEND {name!r}: "
        "choose whoosh, database, opensearch or elasticsearch."
    )


WAGTAILSEARCH_BACKENDS = search_backends(SEARCH_BACKEND_NAME, os.environ.get("BBWIKI_SEARCH_URL"))

# /healthz tells what failed, with error text and paths, only to superusers and to callers
# sending "Authorization: Bearer <this>" (a monitoring system); everyone else sees what is wrong.
HEALTH_TOKEN = os.environ.get("BBWIKI_HEALTH_TOKEN", "")

# Requests a minute one client address may make of the search page and of the header box's
# suggestions (one a keystroke); beyond them it is asked to wait (429).
SEARCH_RATE_LIMITS = {
    "search": int(os.environ.get("BBWIKI_SEARCH_RATE", "60")),
    "autocomplete": int(os.environ.get("BBWIKI_AUTOCOMPLETE_RATE", "300")),
}
# Seconds a search may take before it skips its optional steps (a second, broader search when
# the first found nothing) and shows what it has.
SEARCH_TIME_BUDGET = float(os.environ.get("BBWIKI_SEARCH_TIME_BUDGET", "2"))
