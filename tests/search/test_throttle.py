"""The search page and the header box's suggestions answer one client address only so often."""

import pytest
from django.test import Client

from bbwiki.settings.base import client_address_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    from django.core.cache import cache

    cache.clear()
    settings.SEARCH_RATE_LIMITS = {"search": 2, "autocomplete": 3}
    yield settings.SEARCH_RATE_LIMITS
    cache.clear()


def test_too_many_searches_from_one_address_are_asked_to_wait(whoosh, site, limits):
    client = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(2):
        assert client.get("/search/", {"query": "join"}).status_code == 200

    response = client.get("/search/", {"query": "join"})

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "You have searched very often in the last minute" in response.content.decode()
    assert Client(REMOTE_ADDR="203.0.113.6").get("/search/", {"query": "j"}).status_code == 200


def test_too_many_suggestions_answer_429_in_json(whoosh, site, limits):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert client.get("/search/autocomplete/", {"query": "jo"}).status_code == 200

    response = client.get("/search/autocomplete/", {"query": "jo"})

    assert response.status_code == 429
    assert response.json()["results"] == []
    assert "wait" in response.json()["error"]


def test_forwarded_addresses_count_only_behind_the_proxies_configured(
    whoosh, site, limits, settings
):
    def spoofed(n):
        return {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}

    # No proxy configured: a forged X-Forwarded-For does not buy a fresh allowance.
    statuses = [Client(**spoofed(n)).get("/search/", {"query": "j"}).status_code for n in range(3)]
    assert statuses == [200, 200, 429]

    for name, value in client_address_settings(1).items():
        setattr(settings, name, value)
    assert Client(**spoofed(9)).get("/search/", {"query": "j"}).status_code == 200
