"""Page view passwords (Wagtail's password restriction form) can be guessed only so often.

Like logins (django-axes: `AXES_FAILURE_LIMIT`, `AXES_COOLOFF_TIME`), each client address may
post that many passwords to the form; the next posts, the right password included, answer
429 until the cool-off has passed since the first of them. The right password clears the
count. The address is the one django-axes reads (behind `BBWIKI_PROXY_COUNT` proxies, the
client's). Counts live in Django's cache: shared by every app server with `REDIS_URL`, per
process otherwise.
"""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from wagtail import views as wagtail_views


def _key(request):
    return f"page-password:attempts:{get_client_ip_address(request) or 'unknown'}"


def _count_attempt(key, cooloff):
    """The number of passwords this address has posted within the cool-off, this one
    included."""
    cache.add(key, 0, timeout=cooloff)
    try:
        return cache.incr(key)
    except ValueError:  # the count expired between add and incr
        cache.set(key, 1, timeout=cooloff)
        return 1


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view that checks a page's password, after counting the attempt."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    cooloff = int(settings.AXES_COOLOFF_TIME.total_seconds())
    key = _key(request)
    if _count_attempt(key, cooloff) > settings.AXES_FAILURE_LIMIT:
        response = render(
            request,
            "operations/page_password_throttled.html",
            {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cooloff // 60},
            status=429,
        )
        response["Retry-After"] = str(cooloff)
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:  # the right password: the page is shown
        cache.delete(key)
    return response
