"""Changes waiting to be written into an index: one small file per change.

Writing one page into Whoosh costs a new segment (every term of the page gets its own
entry) and, every few commits, a merge; tens of milliseconds, in the editor's request.
Instead, a save records the page's document here, which takes about a millisecond, and
the changes are written into the index in batches (`IndexStore.apply_journal`):

- before every search, so a search always sees every change recorded before it;
- when the request that made the change has been answered (Django's `request_finished`),
  and when the process exits;
- by a rebuild, for the changes made while it ran.

Entries are named so that sorting the names sorts them in the order they were recorded, by
every process: a name is chosen, and the file renamed into place, under a lock, so no entry
can appear behind one that a reader has already seen. An entry is JSON, so a journal never
runs code when read, and is removed once every generation that needs it has it.
"""

import json
import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh.util.filelock import FileLock, try_for

logger = logging.getLogger(__name__)

SUFFIX = ".json"
LOCK_FILE = "journal.lock"
# Longer than any append takes; a stuck lock is then someone's bug, reported, not waited on.
LOCK_TIMEOUT = 10
# A half-written entry (its writer was killed before renaming it) older than this is removed.
STALE_SECONDS = 3600


class Journal:
    """The directory of pending changes of one index."""

    def __init__(self, path):
        self.path = Path(path)

    @contextmanager
    def _lock(self):
        self.path.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path / LOCK_FILE))
        if not try_for(lock.acquire, timeout=LOCK_TIMEOUT):
            raise TimeoutError(f"Journal {self.path} stayed locked for {LOCK_TIMEOUT}s")
        try:
            yield
        finally:
            lock.release()

    def _names(self):
        try:
            with os.scandir(self.path) as entries:
                return sorted(e.name for e in entries if e.name.endswith(SUFFIX))
        except FileNotFoundError:
            return []

    def append(self, documents=(), deleted=()):
        """Record documents to add or replace and primary keys to delete; returns the name."""
        payload = json.dumps({"documents": list(documents), "deleted": list(deleted)})
        with self._lock():
            names = self._names()
            # Nanoseconds since the epoch, or one more than the newest entry if the clock
            # has gone back: names only grow.
            last = int(names[-1].split("-", 1)[0]) if names else 0
            name = f"{max(time.time_ns(), last + 1):020d}-{os.getpid()}{SUFFIX}"
            tmp = self.path / f".{name}.tmp"
            tmp.write_text(payload)
            os.replace(tmp, self.path / name)
        return name

    def pending(self, after=""):
        """Names of the entries recorded after entry `after` (every entry when empty)."""
        if not self.path.exists():
            return []
        with self._lock():
            return [name for name in self._names() if name > after]

    def has_pending(self, after=""):
        """Whether there are entries after `after`; a directory listing, without the lock."""
        names = self._names()
        return bool(names) and names[-1] > after

    def count(self, after=""):
        """How many entries there are after `after`; a directory listing, without the lock."""
        return sum(1 for name in self._names() if name > after)

    def latest(self):
        names = self.pending()
        return names[-1] if names else ""

    def read(self, name):
        return json.loads((self.path / name).read_text())

    def prune(self, upto):
        """Remove the entries up to and including `upto`, which every generation has, and
        half-written ones left by killed processes."""
        for name in self._names():
            if name > upto:
                break
            (self.path / name).unlink(missing_ok=True)
        stale = time.time() - STALE_SECONDS
        for tmp in self.path.glob(".*.tmp"):
            try:
                if tmp.stat().st_mtime < stale:
                    tmp.unlink()
            except FileNotFoundError:
                pass
