"""Which requests may be answered from the page cache, and which responses may be stored.

Only what every anonymous reader would be shown alike is cached:

- a GET or HEAD without credentials: no cookie but the CSRF one (a session means someone
  signed in, or a password-protected page opened; messages and other cookies change the
  page) and no Authorization header;
- a response to a GET, 200, not streamed, setting no cookie, using no CSRF token (a form),
  not a preview, not `private`, `no-cache` or `no-store`, varying on nothing but the cookie,
  from a view that marked no reason against it (`do_not_cache`, e.g. a view-restricted page),
  for a signed-out visitor;
- with a query string only when the view reads every parameter in it (`reads_query`): one
  copy per set of values, and none for parameters a page does not know.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re

# What a request carries once the middleware has found it fit for the cache.
CANDIDATE = "page_cache_candidate"
REFUSED = "page_cache_refused"
QUERY = "page_cache_query"
# Given to a Wagtail page until its view restrictions let an anonymous reader through.
RESTRICTIONS_UNCHECKED = "view restrictions not checked"


def reads_query(*names):
    """Mark a view (a function, a page's route or `serve`) as reading these query
    parameters: requests with only these are cached, one copy per set of values."""

    def decorate(view):
        view.page_cache_query = frozenset(names)
        return view

    return decorate


def note_view(request, view):
    """Remember which query parameters `view`, about to answer `request`, reads."""
    setattr(request, QUERY, getattr(view, "page_cache_query", frozenset()))


def do_not_cache(request, reason="refused"):
    """Keep this request's response out of the page cache, for `reason`."""
    setattr(request, REFUSED, {*getattr(request, REFUSED, ()), reason})


def allow_cache(request, reason):
    """Withdraw one reason given to `do_not_cache`."""
    setattr(request, REFUSED, set(getattr(request, REFUSED, ())) - {reason})


def is_candidate(request):
    return getattr(request, CANDIDATE, False)


def may_serve(request):
    """Whether `request` may be answered from the cache (and its response stored)."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


def may_store(request, response):
    """Whether `response` to `request` (which `may_serve`) is the same for every reader."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, REFUSED, False) or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = {part.split("=")[0].lower() for part in _header_list(response, "Cache-Control")}
    if control & {"private", "no-cache", "no-store"}:
        return False
    if {part.lower() for part in _header_list(response, "Vary")} - {"cookie"}:
        return False
    return set(request.GET) <= getattr(request, QUERY, frozenset())


def _header_list(response, name):
    return [part.strip() for part in cc_delim_re.split(response.get(name, "")) if part.strip()]
