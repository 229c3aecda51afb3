"""Index files on disk: generations, atomic swaps and write locks (the journal: `catchup`).

Each index lives in its own directory under the backend's PATH::

    <PATH>/<index name>/
        CURRENT         name of the live generation; replaced with os.replace()
        BUILDING        name of the generation a rebuild is filling (absent otherwise)
        switch.lock     serialises switching generations
        g<time_ns>/     one complete Whoosh index per generation
        g<time_ns>.applied   the last journal entry written into that generation
        journal/        changes recorded by saves, not yet written into every generation

Searches only ever open the generation named by CURRENT, so a rebuild fills a new
generation in the background and becomes visible in one atomic rename. Whoosh
itself keeps each generation consistent: a commit writes new segment files and
then renames a new table of contents into place, so a writer killed part-way
leaves the previous commit readable, and its OS-level lock dies with it. Journal
entries are written into a generation and then marked applied; a writer killed in
between leaves them to be written again, which replaces the same documents.
"""

import logging
import multiprocessing
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.util.filelock import FileLock, try_for

from .catchup import CatchingUp, _models
from .codec import InliningCodec
from .documents import base_schema
from .exceptions import IndexLockTimeout, IndexLostError, IndexUnavailableError
from .journal import Journal
from .searchers import cached_searcher
from .writers import RebuildWriter

logger = logging.getLogger(__name__)


CURRENT_FILE = "CURRENT"
BUILDING_FILE = "BUILDING"
SWITCH_LOCK_FILE = "switch.lock"
GENERATION_PREFIX = "g"
APPLIED_SUFFIX = ".applied"
JOURNAL_DIR = "journal"


class IndexStore(CatchingUp):
    """The directory holding every generation of one Whoosh index."""

    def __init__(self, path, lock_timeout, field_types):
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        # {field name: Whoosh field type} for the fields used by a list of documents.
        self.field_types = field_types
        self.journal = Journal(self.path / JOURNAL_DIR)

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

    def applied(self, generation):
        """The last journal entry written into `generation` ("" for none)."""
        return self._read_pointer(f"{generation}{APPLIED_SUFFIX}") or ""

    def _set_applied(self, generation, name):
        self._write_pointer(f"{generation}{APPLIED_SUFFIX}", name)

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
        logger.warning(
            "Timed out after %ss waiting for the lock on %s", self.lock_timeout, self.path
        )
        return IndexLockTimeout(
            f"Search index {self.path} stayed locked for more than {self.lock_timeout}s."
        )

    # Generations

    def create_generation(self, complete=False):
        """Create an empty generation directory and return its name.

        A `complete` generation is one that needs none of the journal's current entries:
        it is emptied on purpose, or filled from the database from now on.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        name = f"{GENERATION_PREFIX}{time.time_ns():020d}"
        (self.path / name).mkdir()
        whoosh_index.create_in(str(self.path / name), base_schema())
        if complete:
            self._set_applied(name, self.journal.latest())
        return name

    def start_build(self):
        """Create the generation a rebuild fills; changes recorded meanwhile go in at its end."""
        generation = self.create_generation(complete=True)
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
        _models().IndexMarker.mark(self.path, generation)
        if self.building_generation() == generation:
            (self.path / BUILDING_FILE).unlink()
        # The previous generation stays one more round for searchers still reading it.
        keep = {generation, previous, self.building_generation()}
        for child in self.path.iterdir():
            if not child.name.startswith(GENERATION_PREFIX):
                continue
            if child.is_dir() and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)
            elif (
                child.name.endswith(APPLIED_SUFFIX)
                and child.name.removesuffix(APPLIED_SUFFIX) not in keep
            ):
                child.unlink(missing_ok=True)

    def live_generation(self):
        """The current generation, created empty (with a warning) if the index was never built.

        Raises IndexLostError if it was built (`IndexMarker`) and has no live generation now.
        """
        current = self.current_generation()
        if current is None:
            self._check_not_lost()
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
        elif _models().IndexMarker.built(self.path) is None:
            # Built before markers were kept, or marked in a transaction that rolled back.
            _models().IndexMarker.mark(self.path, current)
        return current

    def _check_not_lost(self):
        """Raise IndexLostError if the index was built and has lost its live generation."""
        built = _models().IndexMarker.built(self.path)
        if built is not None:
            logger.error("Search index %s has lost its live generation %s", self.path, built)
            raise IndexLostError(
                f"Search index {self.path} was built (generation {built}) and is gone; "
                "run `manage.py update_index` to rebuild it."
            )

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

    def open_writer(self, generation, timeout=None, memory_mb=None):
        """A Whoosh writer on `generation`; waits at most `timeout` (LOCK_TIMEOUT) for the lock."""
        ix = self.open(generation)
        timeout = self.lock_timeout if timeout is None else timeout
        try:
            # Segments stay as separate files: Whoosh opens a file inside a compound segment
            # by copying it into memory, which for a large segment cost every writer and
            # every newly opened searcher tens of milliseconds.
            options = {"limitmb": memory_mb} if memory_mb else {}
            return ix.writer(timeout=timeout, codec=InliningCodec(), compound=False, **options)
        except whoosh_index.LockError as exc:
            raise self._lock_timeout() from exc

    def open_rebuild_writer(self, generation, new_fields, memory_mb=None):
        """A writer that indexes documents in a child process while this one goes on reading
        the next ones from the database (`RebuildWriter`), with `new_fields` ({name: type})
        added to `generation`'s schema first: the child reads the schema from disk."""
        writer = self.open_writer(generation, memory_mb=memory_mb)
        self.add_fields(writer, new_fields)
        if multiprocessing.get_context().get_start_method() != "fork":
            # The child must inherit this process (its analyzers and codec) rather than be
            # started afresh: elsewhere (macOS, Python 3.14) one process writes it all.
            return writer
        writer.commit()
        ix = self.open(generation)
        options = {"limitmb": memory_mb} if memory_mb else {}
        try:
            return RebuildWriter(
                ix, timeout=self.lock_timeout, codec=InliningCodec(), compound=False, **options
            )
        except whoosh_index.LockError as exc:
            raise self._lock_timeout() from exc

    @staticmethod
    def add_fields(writer, new_fields):
        """Add the fields of `new_fields` ({name: type}) missing from the writer's schema.

        Whoosh only accepts schema changes before the writer's first document.
        """
        for name, field_type in new_fields.items():
            if name not in writer.schema:
                writer.add_field(name, field_type)

    def optimize(self, generation):
        """Merge the segments of `generation` into one, which makes searches faster."""
        with self.open(generation).reader() as reader:
            if reader.is_atomic():
                return
        self.open_writer(generation).commit(optimize=True)

    # Searching

    def searcher(self):
        """This thread's cached searcher on the live generation, with every change recorded so
        far written in, unless another writer holds the index past LOCK_TIMEOUT or the index
        cannot be written (read-only, an unreadable journal): both logged, the latter also
        reported by `health`. Raises IndexUnavailableError when the index cannot be read."""
        generation = self.current_generation()
        if generation is None:
            self._check_not_lost()
            logger.error("Search index %s has not been built", self.path)
            raise IndexUnavailableError(
                f"Search index {self.path} does not exist; run `manage.py update_index`."
            )
        try:
            self.apply_journal(generation)
        except IndexLockTimeout:
            # Better slightly stale results than none: the next search tries again.
            logger.warning("Searching %s without its latest changes: index locked", self.path)
        except Exception as error:  # a read-only index or unreadable journal: health() reports it
            logger.warning("Searching %s without its latest changes: %s", self.path, error)
        return cached_searcher(self.path, generation, self.open)
