"""The database search backend, with each page's language on PostgreSQL.

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "english"}
    }

On PostgreSQL, `search.backends.postgres`: Wagtail's backend with every object's text indexed
with the text search configuration of its locale's language and every search analysed with
that of the language being read. On SQLite with FTS5, `search.backends.sqlite`: Wagtail's
backend with the models that name a full-text table of their own (past versions' wordings)
kept and searched there, so that searches of today's pages never read their entries. On other
databases, Wagtail's own database backend (MySQL's full-text search, or plain filtering).
Except on PostgreSQL, one analysis serves every language. Options are Wagtail's.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    from modelsearch.backends import database

    backend = database.SearchBackend(params)  # decides whether SQLite has FTS5 (USE_SQLITE_FTS)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import OwnTablesSQLiteSearchBackend

        return OwnTablesSQLiteSearchBackend(params)
    return backend
