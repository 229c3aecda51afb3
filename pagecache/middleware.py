"""The page cache: what anonymous readers are shown, rendered once per generation.

It sits near the top of MIDDLEWARE, after WhiteNoise and before anything that reads the
session or the database, so that a hit costs two cache reads (`generation.current()` and the
page) and no query. A page is stored with the headers the middleware below it added
(security policy, Vary), under a key made of the generation, the scheme, host, path and the
sorted query string; `rules` says which requests and responses qualify.

Every stored page carries validators and says how it may be kept elsewhere:

- `ETag`: a digest of the body, so a reader's or a proxy's copy is re-used exactly when it
  is byte for byte what the site would send (304 Not Modified);
- `Last-Modified`: when the request that rendered it began. `If-Modified-Since` (without
  `If-None-Match`) is answered 304 only when the generation began in an earlier whole second
  than that date, so a copy rendered just before a change is never taken for a current one;
- `Cache-Control: public, max-age=0, must-revalidate`: browsers and proxies may keep the page
  but ask before re-using it, and the question costs a hit. With `PAGE_CACHE_PROXY_SECONDS`
  (README, "A caching proxy in front"), `s-maxage` lets a proxy answer alone that long.
"""

import hashlib
import math
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date, urlencode

from . import rules
from .generation import current, page_cache

HEADER = "X-Page-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not rules.may_serve(request):
            return self.get_response(request)
        setattr(request, rules.CANDIDATE, True)
        started = time.time()
        generation = current()
        key = page_key(request, generation)
        stored = page_cache().get(key)
        if stored is not None:
            return _conditional(request, _restore(stored), generation)
        response = self.get_response(request)
        if not rules.may_store(request, response):
            return response
        _add_validators(response, started)
        page_cache().set(key, _freeze(response))
        response[HEADER] = "miss"
        return _conditional(request, response, generation)

    def process_view(self, request, view_func, view_args, view_kwargs):
        rules.note_view(request, view_func)


def page_key(request, generation):
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"page:{generation.token}:{hashlib.sha256(url.encode()).hexdigest()}"


def _add_validators(response, started):
    set_response_etag(response)
    response["Last-Modified"] = http_date(int(started))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if settings.PAGE_CACHE_PROXY_SECONDS:
        patch_cache_control(response, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS)


def _freeze(response):
    return (response.status_code, list(response.items()), response.content)


def _restore(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


def _conditional(request, response, generation):
    """304 when the reader's copy is current (see the module's docstring), else `response`."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=math.ceil(generation.started),
        response=response,
    )
