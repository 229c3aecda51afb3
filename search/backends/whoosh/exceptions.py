"""Errors the Whoosh search backend raises; all are SearchIndexError."""


class SearchIndexError(RuntimeError):
    """Base class for errors raised by the Whoosh search backend."""


class IndexUnavailableError(SearchIndexError):
    """The index is missing or cannot be opened; `manage.py update_index` rebuilds it."""


class IndexLockTimeout(SearchIndexError):
    """Another writer held the index lock for longer than LOCK_TIMEOUT seconds."""


class IndexLostError(IndexUnavailableError):
    """The index was built and its directory has lost it (deleted, a disk replaced); it is
    not recreated empty: `manage.py update_index` rebuilds it."""
