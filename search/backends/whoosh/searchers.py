"""Searchers kept open between searches: one per index and thread, never shared across a fork.

Opening a searcher opens every segment of the index, so a thread keeps the one it opened and
replaces it only when the index has had commits or its live generation has changed.
"""

import logging
import os
import threading

from . import blockwise
from .documents import CONTENT_TYPE_FIELD, PK_FIELD
from .exceptions import IndexUnavailableError

logger = logging.getLogger(__name__)


class CachedSearcher:
    """A searcher kept open between queries, plus what it reads once: per-content-type
    document sets, the primary-key column and the keys read from it."""

    def __init__(self, generation, ix):
        self.generation = generation
        self.ix = ix
        self.searcher = ix.searcher()
        self._content_type_docs = {}
        self._pks = None
        self._pk_of = {}

    def refresh(self):
        """Reopen the searcher if the index has had commits since it was opened."""
        if self.searcher.up_to_date():
            return
        # Not Searcher.refresh(): in Whoosh-Reloaded 2.7.5 its reader reuse keeps segments
        # that a merge has replaced, so merged documents would be found twice.
        fresh = self.ix.searcher()
        self.searcher.close()
        self.searcher = fresh
        self._content_type_docs = {}
        self._pks = None
        self._pk_of = {}

    def pks(self):
        """The primary-key column, by document number (opening it costs more than a search
        reads from it: about half a millisecond at 10,000 documents)."""
        if self._pks is None:
            self._pks = self.searcher.reader().column_reader(PK_FIELD)
        return self._pks

    def pks_of(self, docnums, to_python):
        """[primary key, …] of `docnums`, each converted by `to_python`. Each document's key
        is read from the column (a Python call per document, a cost for the many matches of
        a broad search) once per searcher, so until the index changes."""
        known = self._pk_of.setdefault(to_python, {})
        missing = [docnum for docnum in docnums if docnum not in known]
        if missing:
            column = self.pks()
            known.update((docnum, to_python(column[docnum])) for docnum in missing)
        return [known[docnum] for docnum in docnums]

    def docs_for_content_type(self, content_type):
        """Document numbers of one content type, cached until the index changes.

        A plain set because that is what Whoosh accepts as a filter; callers must not change it.
        """
        docs = self._content_type_docs.get(content_type)
        if docs is None:
            docs = set()
            # The term's postings a block at a time (`blockwise.documents`), not Whoosh's
            # generators a document at a time: the first search after each commit asks.
            for subsearcher, offset in self.searcher.leaf_searchers():
                reader = subsearcher.reader()
                if (CONTENT_TYPE_FIELD, content_type) not in reader:
                    continue
                found = blockwise.documents(reader.postings(CONTENT_TYPE_FIELD, content_type))
                docs.update(found if not offset else [offset + docnum for docnum in found])
            self._content_type_docs[content_type] = docs
        return docs


# Searchers are not shared between threads, and never across a fork.
_local = threading.local()


def _searcher_cache():
    cache = getattr(_local, "searchers", None)
    if cache is None or _local.pid != os.getpid():
        cache = _local.searchers = {}
        _local.pid = os.getpid()
    return cache


def cached_searcher(path, generation, open_index):
    """This thread's CachedSearcher on `generation` of the index at `path`, up to date.

    The searcher of an older generation is closed and replaced; `open_index(generation)`
    opens the Whoosh index for a new one. Raises IndexUnavailableError if the index cannot
    be read.
    """
    cache = _searcher_cache()
    cached = cache.get(path)
    if cached is not None and cached.generation == generation:
        try:
            cached.refresh()
            return cached
        except Exception:
            logger.warning("Reopening search index %s after a failed refresh", path)
    if cached is not None:
        cached.searcher.close()
        del cache[path]
    ix = open_index(generation)
    try:
        cached = CachedSearcher(generation, ix)
    except Exception as exc:
        logger.exception("Cannot read search index %s", path)
        raise IndexUnavailableError(
            f"Search index {path} cannot be read ({exc}); "
            "run `manage.py update_index` to rebuild it."
        ) from exc
    cache[path] = cached
    return cached
