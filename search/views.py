"""The search page and the header box's suggestions."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from . import results

NO_CACHE = {"no_cache": True, "no_store": True, "private": True}


def _private(response):
    """Results depend on who asks and change with every publish: never cache or index them."""
    patch_cache_control(response, **NO_CACHE)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def search(request):
    outcome = results.search(request)
    return _private(render(request, "search/search.html", {"search": outcome}))


@require_GET
def autocomplete(request):
    return _private(JsonResponse({"results": results.autocomplete(request)}))
