"""How often one client address may search: a count per address and minute in Django's cache.

With the cache in Redis (production's `REDIS_URL`) every app server shares the counts; with
the in-memory cache each process counts its own. The address is the one the login throttle
uses (django-axes: the request's, or behind the reverse proxies `BBWIKI_PROXY_COUNT` says
there are, the one the first of them was reached from).
"""

import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache

WINDOW = 60


def client_address(request):
    """The visitor's address, as the proxies in front of the site (if any) report it."""
    return get_client_ip_address(request) or ""


def wait(request, scope):
    """Seconds the visitor must wait before `scope` ("search", "autocomplete") answers them
    again, or 0 when they are within its limit (`SEARCH_RATE_LIMITS`, requests a minute)."""
    limit = settings.SEARCH_RATE_LIMITS.get(scope)
    if not limit:
        return 0
    now = time.time()
    window = int(now // WINDOW)
    key = f"search:throttle:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW * 2)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW - now))
