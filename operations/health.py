"""What /healthz checks: the database answers and the search index can be read."""

import logging

from django.db import DatabaseError, connection

logger = logging.getLogger("bbwiki")


def check_database():
    """Return None when the default database answers, else the reason it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"database not answering: {error}".strip()
    return None


def check_search():
    """Return None when the search backend answers a query on pages, else the reason."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    try:
        list(get_search_backend().search("healthz", Page.objects.all())[:1])
    except Exception as error:  # any failure means search is unusable
        logger.warning("Health check: search failed: %s", error)
        return f"search index not readable: {type(error).__name__}: {error}".strip()
    return None


def run_checks():
    """Return (healthy, {check name: "ok" or the reason})."""
    results = {}
    results["database"] = check_database()
    # Search on pages reads the database too: when that is down, say so once.
    if results["database"] is None:
        results["search"] = check_search()
    else:
        results["search"] = "not checked: the database is not answering"
    healthy = all(reason is None for reason in results.values())
    return healthy, {name: reason or "ok" for name, reason in results.items()}
