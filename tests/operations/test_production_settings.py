"""Production settings: `check --deploy` is clean, and every setting comes from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each runs the settings in a process of its own, with an environment of its own.
pytestmark = pytest.mark.database_independent

BASE_DIR = Path(__file__).resolve().parent.parent.parent

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "ALLOWED_HOSTS": "bestbits.example,www.bestbits.example",
    "BBWIKI_BASE_URL": "https://bestbits.example",
}

PRINT = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({"
    "'cache': s.CACHES['default']['BACKEND'], 'cache_location': s.CACHES['default'].get("
    "'LOCATION'), 'pages': s.CACHES['pages']['BACKEND'], "
    "'pages_location': s.CACHES['pages']['LOCATION'], "
    "'static': s.STORAGES['staticfiles']['BACKEND'], 'media': str(s.MEDIA_ROOT), "
    "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'exempt': s.SECURE_REDIRECT_EXEMPT, "
    "'proxy_header': s.SECURE_PROXY_SSL_HEADER, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'email': s.EMAIL_BACKEND, 'email_host': s.EMAIL_HOST, 'csrf': s.CSRF_TRUSTED_ORIGINS, "
    "'middleware': s.MIDDLEWARE, 'backends': s.AUTHENTICATION_BACKENDS}))"
)


def run(args, tmp_path, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests in this process, refused by --deploy.
        if not k.startswith(
            ("BBWIKI_", "DATABASE", "REDIS", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC")
        )
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="bbwiki.settings.production",
        BBWIKI_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **PRODUCTION,
    )
    environment.update(env)
    environment = {k: v for k, v in environment.items() if v is not None}
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def production_settings(tmp_path, **env):
    result = run(["-c", PRINT], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_database_url(tmp_path):
    result = run(["-c", PRINT], tmp_path, DATABASE_URL=None)
    assert result.returncode != 0
    assert "DATABASE_URL must be set in the environment for production" in result.stderr


def test_production_refuses_to_start_without_the_site_address(tmp_path):
    result = run(["-c", PRINT], tmp_path, BBWIKI_BASE_URL=None)
    assert result.returncode != 0
    assert "BBWIKI_BASE_URL must be set in the environment for production" in result.stderr


def test_https_behind_a_proxy_with_hsts_and_healthz_reachable_over_http(tmp_path):
    s = production_settings(tmp_path)
    assert s["ssl_redirect"] is True
    assert s["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["hsts"] == 31_536_000
    assert s["exempt"] == ["^healthz$"]
    # A local trial without a TLS proxy switches the redirect off.
    assert production_settings(tmp_path, BBWIKI_SECURE_SSL_REDIRECT="0")["ssl_redirect"] is False


def test_cache_is_redis_when_redis_url_is_given_and_local_memory_otherwise(tmp_path):
    s = production_settings(tmp_path)
    assert s["cache"].endswith("LocMemCache")
    # Pages in files under var/, shared by every worker of the server.
    assert s["pages"] == "pagecache.files.PageFileCache"
    assert s["pages_location"] == str(tmp_path / "var" / "page-cache")
    s = production_settings(tmp_path, REDIS_URL="redis://127.0.0.1:6379/3")
    assert s["cache"] == s["pages"] == "django.core.cache.backends.redis.RedisCache"
    assert s["cache_location"] == s["pages_location"] == "redis://127.0.0.1:6379/3"


def test_mail_media_and_origins_come_from_the_environment(tmp_path):
    s = production_settings(
        tmp_path,
        EMAIL_HOST="smtp.example.org",
        BBWIKI_MEDIA_ROOT=str(tmp_path / "uploads"),
        CSRF_TRUSTED_ORIGINS="https://bestbits.example",
    )
    assert s["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["email_host"] == "smtp.example.org"
    assert s["media"] == str(tmp_path / "uploads")
    assert s["csrf"] == ["https://bestbits.example"]


def test_static_files_are_served_by_whitenoise_compressed_with_hashed_names(tmp_path):
    s = production_settings(tmp_path)
    assert s["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert s["middleware"].index("whitenoise.middleware.WhiteNoiseMiddleware") == 1

    static_root = tmp_path / "static"
    result = run(
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        tmp_path,
        BBWIKI_STATIC_ROOT=str(static_root),
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    assert (static_root / hashed).is_file()
    assert (static_root / f"{hashed}.gz").is_file()


def test_login_attempts_are_checked_by_django_axes_first(tmp_path):
    s = production_settings(tmp_path)
    assert s["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert s["middleware"][-1] == "axes.middleware.AxesMiddleware"
