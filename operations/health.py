"""What /healthz checks: the database answers, and the search index can be read and holds every
change recorded so far.

A check returns None or a `Problem`, which says what is wrong twice: a `summary` anyone may read
(no error text, no paths: load balancers and visitors see only this) and the `detail` an
administrator needs to fix it.
"""

import logging
from dataclasses import dataclass

from django.db import DatabaseError, connection

logger = logging.getLogger("bbwiki")


@dataclass(frozen=True)
class Problem:
    summary: str
    detail: str


def check_database():
    """None when the default database answers, else the `Problem`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return Problem("database not answering", f"database not answering: {error}".strip())
    return None


def check_search():
    """None when the search backend answers a query on pages and, for a backend that writes
    changes in later (`health()`, as the Whoosh backend has), has every change recorded so far
    written in; else the `Problem`. Writes in what is waiting first: a failed write is retried
    by every health check until it succeeds."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    try:
        backend = get_search_backend()
        indexes = backend.health() if hasattr(backend, "health") else {}
        if indexes:
            logger.warning(
                "Health check: search index: %s",
                "; ".join(f"{name}: {p.detail}" for name, p in indexes.items()),
            )
            # Only the Whoosh backend has `health()`. Changes waiting in several of its indexes
            # (pages, past versions, papers) are one count.
            from search.backends.whoosh.health import unwritten_summary

            waiting = sum(p.waiting for p in indexes.values())
            others = {p.summary for p in indexes.values() if not p.waiting}
            summary = [s for s in [unwritten_summary(waiting), *sorted(others)] if s]
            return Problem(
                "; ".join(summary),
                "; ".join(f"{name}: {p.detail}" for name, p in indexes.items()),
            )
        list(backend.search("healthz", Page.objects.all())[:1])
    except Exception as error:  # any failure means search is unusable
        logger.warning("Health check: search failed: %s", error)
        return Problem(
            "search index not readable",
            f"search index not readable: {type(error).__name__}: {error}".strip(),
        )
    return None


def run_checks(detailed=False):
    """Return (healthy, {check name: "ok" or what is wrong}), what is wrong being each
    problem's `detail` when `detailed`, else its `summary`."""
    problems = {"database": check_database()}
    # Search on pages reads the database too: when that is down, say so once.
    if problems["database"] is None:
        problems["search"] = check_search()
    else:
        problems["search"] = Problem(
            "not checked: the database is not answering",
            "not checked: the database is not answering",
        )
    healthy = all(problem is None for problem in problems.values())
    return healthy, {
        name: "ok" if problem is None else (problem.detail if detailed else problem.summary)
        for name, problem in problems.items()
    }
