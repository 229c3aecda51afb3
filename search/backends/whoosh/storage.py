"""Index files on disk: generations, atomic swaps, write locks and cached searchers.

Each index lives in its own directory under the backend's PATH::

    <PATH>/<index name>/
        CURRENT         name of the live generation; replaced with os.replace()
        BUILDING        name of the generation a rebuild is filling (absent otherwise)
        switch.lock     serialises switching generations
        g<time_ns>/     one complete Whoosh index per generation

Searches only ever open the generation named by CURRENT, so a rebuild fills a new
generation in the background and becomes visible in one atomic rename. Whoosh
itself keeps each generation consistent: a commit writes new segment files and
then renames a new table of contents into place, so a writer killed part-way
leaves the previous commit readable, and its OS-level lock dies with it.
"""

import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import fields as whoosh_fields
from whoosh import index as whoosh_index
from whoosh.query import Term
from whoosh.util.filelock import FileLock, try_for

logger = logging.getLogger(__name__)

CURRENT_FILE = "CURRENT"
BUILDING_FILE = "BUILDING"
SWITCH_LOCK_FILE = "switch.lock"
GENERATION_PREFIX = "g"

# Fields every document has; search and autocomplete fields are added as documents need them.
PK_FIELD = "pk"
CONTENT_TYPE_FIELD = "content_type"


class SearchIndexError(RuntimeError):
    """Base class for errors raised by the Whoosh search backend."""


class IndexUnavailableError(SearchIndexError):
    """The index is missing or cannot be opened; `manage.py update_index` rebuilds it."""


class IndexLockTimeout(SearchIndexError):
    """Another writer held the index lock for longer than LOCK_TIMEOUT seconds."""


def base_schema():
    return whoosh_fields.Schema(
        **{
            # sortable=True stores the key in a column, which is much cheaper to read for
            # thousands of hits than stored fields.
            PK_FIELD: whoosh_fields.ID(unique=True, sortable=True),
            CONTENT_TYPE_FIELD: whoosh_fields.KEYWORD(scorable=False),
        }
    )


class _CachedSearcher:
    """A searcher kept open between queries, plus per-content-type document sets."""

    def __init__(self, generation, ix):
        self.generation = generation
        self.ix = ix
        self.searcher = ix.searcher()
        self._content_type_docs = {}

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

    def docs_for_content_type(self, content_type):
        """Document numbers of one content type, cached until the index changes.

        A plain set because that is what Whoosh accepts as a filter; callers must not change it.
        """
        docs = self._content_type_docs.get(content_type)
        if docs is None:
            term = Term(CONTENT_TYPE_FIELD, content_type)
            docs = set(self.searcher.docs_for_query(term))
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


class IndexStore:
    """The directory holding every generation of one Whoosh index."""

    def __init__(self, path, lock_timeout):
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    # Pointer files

    def _read_pointer(self, filename):
        try:
            return (self.path / filename).read_text().strip() or None
        except FileNotFoundError:
            return None

    def _write_pointer(self, filename, generation):
        tmp = self.path / f"{filename}.{os.getpid()}.tmp"
        tmp.write_text(generation)
        os.replace(tmp, self.path / filename)

    def current_generation(self):
        return self._read_pointer(CURRENT_FILE)

    def building_generation(self):
        return self._read_pointer(BUILDING_FILE)

    @contextmanager
    def _switch_lock(self):
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path / SWITCH_LOCK_FILE))
        if not try_for(lock.acquire, timeout=self.lock_timeout):
            raise self._lock_timeout()
        try:
            yield
        finally:
            lock.release()

    def _lock_timeout(self):
        logger.error("Timed out after %ss waiting for the lock on %s", self.lock_timeout, self.path)
        return IndexLockTimeout(
            f"Search index {self.path} stayed locked for more than {self.lock_timeout}s."
        )

    # Generations

    def create_generation(self):
        """Create an empty generation directory and return its name."""
        self.path.mkdir(parents=True, exist_ok=True)
        name = f"{GENERATION_PREFIX}{time.time_ns():020d}"
        (self.path / name).mkdir()
        whoosh_index.create_in(str(self.path / name), base_schema())
        return name

    def start_build(self):
        """Create the generation a rebuild fills; live writes are copied into it meanwhile."""
        generation = self.create_generation()
        with self._switch_lock():
            self._write_pointer(BUILDING_FILE, generation)
        return generation

    def activate(self, generation):
        """Make `generation` the live one and delete generations nobody needs any more."""
        with self._switch_lock():
            self._activate(generation)

    def _activate(self, generation):
        previous = self.current_generation()
        self._write_pointer(CURRENT_FILE, generation)
        if self.building_generation() == generation:
            (self.path / BUILDING_FILE).unlink()
        # The previous generation stays one more round for searchers still reading it.
        keep = {generation, previous, self.building_generation()}
        for child in self.path.iterdir():
            if (
                child.is_dir()
                and child.name.startswith(GENERATION_PREFIX)
                and child.name not in keep
            ):
                shutil.rmtree(child, ignore_errors=True)

    def write_targets(self):
        """The generations a live write must reach: the current one, and any being rebuilt."""
        # BUILDING is read before CURRENT: activate() swaps CURRENT before removing BUILDING,
        # so a writer can never miss both the old and the new generation.
        building = self.building_generation()
        current = self.current_generation()
        if current is None:
            with self._switch_lock():
                current = self.current_generation()
                if current is None:
                    logger.warning(
                        "Search index %s did not exist; created an empty one. "
                        "Run `manage.py update_index` to fill it.",
                        self.path,
                    )
                    current = self.create_generation()
                    self._activate(current)
        return [current] if building in (None, current) else [current, building]

    def open(self, generation):
        try:
            return whoosh_index.open_dir(str(self.path / generation))
        except Exception as exc:
            logger.exception("Cannot open search index %s (generation %s)", self.path, generation)
            raise IndexUnavailableError(
                f"Search index {self.path} cannot be opened ({exc}); "
                "run `manage.py update_index` to rebuild it."
            ) from exc

    # Writing

    @contextmanager
    def writer(self, generation, new_fields=None, merge=True, optimize=False):
        """A committed-on-success writer, holding the index lock for at most LOCK_TIMEOUT.

        `new_fields` maps field names to field types to add to the schema if missing;
        Whoosh only accepts schema changes before the first document is added.
        """
        ix = self.open(generation)
        try:
            writer = ix.writer(timeout=self.lock_timeout)
        except whoosh_index.LockError as exc:
            raise self._lock_timeout() from exc
        try:
            for name, field_type in (new_fields or {}).items():
                if name not in writer.schema:
                    writer.add_field(name, field_type)
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge, optimize=optimize)

    def optimize(self, generation):
        """Merge the segments of `generation` into one, which makes searches faster."""
        with self.open(generation).reader() as reader:
            if reader.is_atomic():
                return
        with self.writer(generation, optimize=True):
            pass

    # Searching

    def searcher(self):
        """The cached searcher for the live generation, refreshed to the latest commit."""
        generation = self.current_generation()
        if generation is None:
            logger.error("Search index %s has not been built", self.path)
            raise IndexUnavailableError(
                f"Search index {self.path} does not exist; run `manage.py update_index`."
            )
        cache = _searcher_cache()
        cached = cache.get(self.path)
        if cached is not None and cached.generation == generation:
            try:
                cached.refresh()
                return cached
            except Exception:
                logger.warning("Reopening search index %s after a failed refresh", self.path)
        if cached is not None:
            cached.searcher.close()
            del cache[self.path]
        ix = self.open(generation)
        try:
            cached = _CachedSearcher(generation, ix)
        except Exception as exc:
            logger.exception("Cannot read search index %s", self.path)
            raise IndexUnavailableError(
                f"Search index {self.path} cannot be read ({exc}); "
                "run `manage.py update_index` to rebuild it."
            ) from exc
        cache[self.path] = cached
        return cached
