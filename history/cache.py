"""Data built from what the public can see, kept until any of it changes.

This is the one place the site's data answers are cached (`/data/`, pages' `history.json`
and `as-of/<day>.json`). What is kept is keyed on the site's generation (`pagecache`), the
token that every change to what the public sees replaces, and kept in the same cache as the
pages. A new token is a new key, so nothing is ever served from before a change, whichever
process or cache server built it; old keys simply expire.
"""

import hashlib
import time

from core.data_responses import NotFound, Representation, json_error, respond
from pagecache import generation

# Entries under an old token are never read again; this only bounds how long they take room.
TIMEOUT = 24 * 60 * 60
PREFIX = "public-data"


def cached(key, build):
    """What `build()` returns for `key` (a tuple of strings) as things stand now."""
    digest = hashlib.sha256("\n".join(key).encode()).hexdigest()
    full_key = f"{PREFIX}:{generation.current().token}:{digest}"
    cache = generation.page_cache()
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
    return value


def cached_representation(request, build, key=()):
    """The `Representation` of the data at the request's address (its site, path and page
    number, and `key`), built by `build()` -> (body, content type) when nothing is kept."""

    def representation():
        built_at = time.time()
        body, content_type = build()
        return Representation.of(body, content_type, built_at)

    address = (request.get_host(), request.path, request.GET.get("page", ""))
    return cached((*address, *key), representation)


def cached_response(request, build, key=(), headers=None):
    """The answer to a request for data: `cached_representation`, or 304 when the request
    already has it, or a JSON 404 when `build` raises `NotFound`."""
    try:
        representation = cached_representation(request, build, key)
    except NotFound as error:
        return json_error(error.message)
    return respond(request, representation, headers)
