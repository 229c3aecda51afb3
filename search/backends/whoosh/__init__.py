"""Whoosh full-text search backend for Wagtail (django-modelsearch).

Configure it like any Wagtail search backend::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": VAR_DIR / "search-index",
            "LOCK_TIMEOUT": 10,
        }
    }

Options:

``PATH`` (required)
    Directory holding the index files; created if missing. Each root model
    (pages, images, documents, each snippet) gets its own index in a
    subdirectory, so writes to one never wait for another.
``LOCK_TIMEOUT`` (seconds, default 10)
    How long a write waits for another process's write to finish before giving
    up with ``IndexLockTimeout``.
``AUTO_UPDATE``
    Read by Wagtail as for every backend.

Behaviour:

- Matching and scoring (BM25F, English stemming, per-field boosts) happen in
  Whoosh; filters, ordering and facets are run by the searched queryset on the
  matching primary keys, so every filter Wagtail accepts works.
- ``update_index`` builds a new generation of each index and swaps it in
  atomically; searches keep using the old one until then. It also repairs an
  index that is missing or cannot be opened.
- Searching an index that is missing or unreadable logs the problem and raises
  ``IndexUnavailableError``. Indexing errors raised from model signals are
  logged by Wagtail and never undo the save (``catch_indexing_errors``).
"""

from .backend import (
    WhooshIndex,
    WhooshIndexRebuilder,
    WhooshSearchBackend,
    WhooshSearchResults,
)
from .query import WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler
from .storage import IndexLockTimeout, IndexUnavailableError, SearchIndexError

SearchBackend = WhooshSearchBackend

__all__ = [
    "IndexLockTimeout",
    "IndexUnavailableError",
    "SearchBackend",
    "SearchIndexError",
    "WhooshAutocompleteQueryCompiler",
    "WhooshIndex",
    "WhooshIndexRebuilder",
    "WhooshSearchBackend",
    "WhooshSearchQueryCompiler",
    "WhooshSearchResults",
]
