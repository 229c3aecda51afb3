"""How often one address may sign: counted in Django's cache, shared by every app server when
the cache is Redis (production with REDIS_URL), per process otherwise.

The address is the one django-axes uses for login throttling (REMOTE_ADDR, or the
X-Forwarded-For entry BBWIKI_PROXY_COUNT says to trust), so both agree on who is asking.
Counting is in fixed windows: `cache.add` starts a window's counter, `cache.incr` counts
atomically on Redis and in local memory alike.
"""

import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache

# At most this many signing attempts from one address in this many seconds.
DEFAULT_RATE = (10, 3600)


def rate():
    return getattr(settings, "STATEMENTS_SIGNING_RATE", DEFAULT_RATE)


def allow_signing(request):
    """Count this attempt; False when the address has used up its attempts for the window."""
    limit, window = rate()
    address = get_client_ip_address(request) or "unknown"
    key = f"statements:signing:{address}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the counter expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
