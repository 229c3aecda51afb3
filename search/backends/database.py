"""The database search backend, with each page's language on PostgreSQL.

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "english"}
    }

On PostgreSQL, `search.backends.postgres`: Wagtail's backend with every object's text indexed
with the text search configuration of its locale's language and every search analysed with
that of the language being read. On other databases, Wagtail's own database backend (SQLite's
FTS5, MySQL's full-text search, or plain filtering), with one analysis for every language.
Options are Wagtail's.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)
