"""Whoosh full-text search backend for Wagtail (django-modelsearch).

Install it as an app, which connects the hooks that write saved changes into the index
after each request and at process exit (the backend refuses to start without it), and
configure it like any Wagtail search backend::

    INSTALLED_APPS = [..., "search.backends.whoosh", ...]

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
    How long writing into the index waits for another process's write to finish
    before giving up with ``IndexLockTimeout`` (a search then answers without the
    latest changes and logs a warning).
``REBUILD_MEMORY_MB`` (default 1024)
    How much memory a rebuild may hold postings in before sorting them out to
    temporary files and merging those at the end. A cap, not an allocation: a
    small site uses far less. Merging the files is what makes a big rebuild slow
    (10,000 pages: 79 s with 128, 67 s with 512, 44 s with 1,024, using about 1 GB);
    lower it on a machine short of memory.
``TIME_LIMIT`` (seconds, default none)
    How long one search may collect matches: past it, the search stops and answers
    with the best of what it found so far (and logs a warning).
``AUTO_UPDATE``
    Read by Wagtail as for every backend.

Behaviour:

- Matching and scoring (BM25F, stemming, per-field boosts) happen in
  Whoosh, including minimum-should-match (``AtLeast``: documents matching at
  least some of several clauses, more of them ranked higher); filters, ordering
  and facets are run by the searched queryset on the matching primary keys, so
  every filter Wagtail accepts works.
- Each object is indexed in the language of its ``locale`` (Wagtail's
  ``TranslatableMixin``; English without one), with that language's stop words
  and stemmer, in fields of its own; a search analyses its words for each
  language the index holds (``languages``). Objects indexed before this kept
  the English analysis until they are saved again or ``update_index`` runs.
- A save or delete records the change in the index's journal (about a
  millisecond) instead of writing a Whoosh segment in the editor's request. The
  changes are written in, in one batch, before the next search (so a search sees
  every change recorded before it), once the request that made them has been
  answered, at process exit, and by a rebuild for changes made while it ran.
- ``update_index`` builds a new generation of each index with one writer and
  swaps it in atomically; searches keep using the old one until then. It also
  repairs an index that is missing or cannot be opened.
- Searching an index that is missing or unreadable logs the problem and raises
  ``IndexUnavailableError``; an index that cannot be written (read-only, an
  unreadable journal) is searched as it is, and the failure logged.
- No change is lost to a broken disk: a change the journal cannot take is kept
  in the database (``UnwrittenChange``) and moved into the journal by the next
  change, ``backend.health()`` (run by ``/healthz``) or a rebuild. Every
  generation made live is marked in the database (``IndexMarker``), so an index
  directory that loses it raises ``IndexLostError`` (reported by
  ``backend.health()``) instead of being recreated empty; ``update_index``
  rebuilds it.
"""

from .backend import WhooshSearchBackend, WhooshSearchResults
from .exceptions import IndexLockTimeout, IndexLostError, IndexUnavailableError, SearchIndexError
from .indexes import WhooshIndex, WhooshIndexRebuilder
from .query import AtLeast, WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler

SearchBackend = WhooshSearchBackend

__all__ = [
    "AtLeast",
    "IndexLockTimeout",
    "IndexLostError",
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
