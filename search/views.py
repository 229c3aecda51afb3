"""The search page and the header box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from . import autocomplete as suggestions
from . import results, throttle
from .errors import SearchUnavailable

NO_CACHE = {"no_cache": True, "no_store": True, "private": True}


def _private(response):
    """Results depend on who asks and change with every publish: never cache or index them."""
    patch_cache_control(response, **NO_CACHE)
    response["X-Robots-Tag"] = "noindex"
    return response


def _too_often(response, seconds):
    response["Retry-After"] = str(seconds)
    return _private(response)


def _wait_message(seconds):
    return ngettext(
        "You have searched very often in the last minute; please wait %(seconds)s second "
        "and try again.",
        "You have searched very often in the last minute; please wait %(seconds)s seconds "
        "and try again.",
        seconds,
    ) % {"seconds": seconds}


@require_GET
def search(request):
    seconds = throttle.wait(request, "search")
    if seconds:
        found = results.Results(text="", notices=[_wait_message(seconds)])
        response = render(request, "search/search.html", {"search": found}, status=429)
        return _too_often(response, seconds)
    found = results.search(request)
    status = 503 if found.unavailable else 200
    return _private(render(request, "search/search.html", {"search": found}, status=status))


@require_GET
def autocomplete(request):
    seconds = throttle.wait(request, "autocomplete")
    if seconds:
        response = JsonResponse({"results": [], "error": _wait_message(seconds)}, status=429)
        return _too_often(response, seconds)
    try:
        return _private(JsonResponse({"results": suggestions.suggestions(request)}))
    except SearchUnavailable:
        return _private(
            JsonResponse(
                {"results": [], "error": _("Search is not available right now.")}, status=503
            )
        )
