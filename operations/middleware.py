"""Answer 503 while the database is away, and recover on its return without a restart."""

import logging
from contextlib import suppress

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger("bbwiki")

RETRY_AFTER_SECONDS = 60


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a 503 page instead of a server error.

    The broken connection is closed here, so the next request opens a fresh one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database not answering on %s: %s", request.path, exception)
        for conn in connections.all(initialized_only=True):
            # A connection inside a transaction is closed by whoever opened the transaction.
            if conn.in_atomic_block:
                continue
            try:
                conn.close_if_unusable_or_obsolete()
            except DatabaseError:
                # Checking it needed the database too: drop the connection outright.
                with suppress(DatabaseError):
                    conn.close()
        response = HttpResponse(
            render_to_string("operations/database_unavailable.html"), status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
