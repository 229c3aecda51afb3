"""The page cache switched on, empty, for the test (the test settings keep it off)."""

import pytest


@pytest.fixture
def page_cache(settings):
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    cache = caches[settings.PAGE_CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()
