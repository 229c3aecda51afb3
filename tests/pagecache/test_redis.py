"""The page cache in Redis, as production runs it with REDIS_URL: every app server sees the
same generation. Skipped when no Redis answers at BBWIKI_TEST_REDIS_URL
(redis://127.0.0.1:6379/0 by default); only this test's own keys are written and removed."""

import os
import secrets

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings

from pagecache import generation
from tests.pagecache.helpers import cache_state

REDIS_URL = os.environ.get("BBWIKI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_pages():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"No Redis answers at {REDIS_URL} (set BBWIKI_TEST_REDIS_URL).")
    pages = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"bbwiki-test-{secrets.token_hex(4)}",
    }
    with override_settings(
        PAGE_CACHE_ENABLED=True, CACHES={**settings.CACHES, settings.PAGE_CACHE_ALIAS: pages}
    ):
        yield caches[settings.PAGE_CACHE_ALIAS]
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{pages['KEY_PREFIX']}:*"):
            client.delete(key)


@pytest.mark.django_db
def test_pages_are_stored_in_redis_and_a_change_reaches_every_server(site, redis_pages):
    url = "/procedures/joining/"
    assert [cache_state(Client().get(url)) for _ in range(2)] == ["miss", "hit"]

    other_server = caches.create_connection(settings.PAGE_CACHE_ALIAS)
    before = other_server.get(generation.KEY)
    site["joining"].summary = "A summary every server shows."
    site["joining"].save_revision().publish()

    assert other_server.get(generation.KEY) != before
    response = Client().get(url)
    assert cache_state(response) == "miss"
    assert "A summary every server shows." in response.content.decode()
