"""The search page and the header box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import autocomplete as suggestions
from . import results
from .errors import SearchUnavailable

NO_CACHE = {"no_cache": True, "no_store": True, "private": True}


def _private(response):
    """Results depend on who asks and change with every publish: never cache or index them."""
    patch_cache_control(response, **NO_CACHE)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def search(request):
    found = results.search(request)
    status = 503 if found.unavailable else 200
    return _private(render(request, "search/search.html", {"search": found}, status=status))


@require_GET
def autocomplete(request):
    try:
        return _private(JsonResponse({"results": suggestions.suggestions(request)}))
    except SearchUnavailable:
        return _private(
            JsonResponse({"results": [], "error": "Search is not available right now."}, status=503)
        )
