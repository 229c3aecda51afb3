"""Reading pages as an anonymous visitor, from the page cache and rendered afresh."""

from django.test import Client, override_settings

from pagecache.middleware import HEADER


def cache_state(response):
    """ "hit", "miss" (rendered and stored) or "" (neither served from nor stored in it)."""
    return response.get(HEADER, "")


def uncached(url):
    """`url` rendered now for a visitor, without the page cache."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        return Client().get(url)


def warm(urls):
    """Have every URL stored: each is rendered once, then served from the cache."""
    visitor = Client()
    for url in urls:
        visitor.get(url)
        response = visitor.get(url)
        assert cache_state(response) == "hit", url
        assert response.status_code == 200, url


def assert_as_rendered_now(urls):
    """What the cache gives a visitor for each URL is what rendering it now gives."""
    visitor = Client()
    for url in urls:
        served, fresh = visitor.get(url), uncached(url)
        assert served.status_code == fresh.status_code, url
        assert served.content.decode() == fresh.content.decode(), url
