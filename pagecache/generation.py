"""The site's generation: a token that changes whenever anything readers see changes.

Every cached page is stored under the generation it was rendered in (`middleware`), so one
new token makes every cached page unreachable at once; old copies expire on their own. One
token for the whole site rather than one per page: a change shows on many pages (the page,
its index, the home page, navigation, history, feeds, /changes/, the sitemap), and a site
whose pages change a few times a week loses little by rendering each page once more after a
change (bench/README.md measures it).

Guarantees:
- `bump()` sets a token nobody used before (the time in nanoseconds and random bits), so
  two bumps at the same moment from two processes never leave an old token in place, as a
  lost increment of a counter could.
- A change bumps at once, for this connection, which already sees it, and again when its
  transaction commits, for every other worker: a page another worker rendered from the rows
  as they were before the commit was stored under a token that the commit replaces.
- `current()` never returns to a replaced token: a token that was evicted or cleared is
  replaced by a new one, never recreated.
"""

import dataclasses
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

KEY = "generation"


@dataclasses.dataclass(frozen=True)
class Generation:
    token: str

    @property
    def started(self):
        """When this generation began, in seconds since the epoch."""
        return int(self.token.split("-")[0]) / 1e9


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _new_token():
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def _replace():
    page_cache().set(KEY, _new_token(), timeout=None)


def current():
    """The generation pages are stored under now."""
    cache = page_cache()
    token = cache.get(KEY)
    if token is None:
        token = _new_token()
        # Another worker may have started one meanwhile: everyone keeps the first.
        if not cache.add(KEY, token, timeout=None):
            token = cache.get(KEY) or token
    return Generation(token)


def bump(using=None):
    """Make every cached page and datum stale: now, and again when the current transaction
    commits. Done even when pages are not cached (`PAGE_CACHE_ENABLED`), since the data
    answers (`history.cache`) are kept under the same generation."""
    _replace()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(_replace, using=using)
