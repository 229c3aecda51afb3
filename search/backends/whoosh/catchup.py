"""Bringing a generation up to date: recording changes in the journal, writing them in, and
saying what is still wrong (`IndexStore`'s half that deals with changes waiting to be written).

A save records its documents (`record`): in the journal, or, when the journal cannot take them,
in the database (`UnwrittenChange`). Searches, `health` and rebuilds write the waiting entries
into a generation in one commit (`apply_journal`), and entries every generation has are pruned.
"""

import logging

from .documents import PK_FIELD
from .exceptions import IndexLockTimeout, IndexLostError, SearchIndexError
from .health import IndexHealth, unwritten_summary

logger = logging.getLogger(__name__)


def _models():
    """The backend's models, imported when first used: this module is imported with the app's
    package, before Django has loaded models."""
    from . import models

    return models


class CatchingUp:
    """Mixed into `IndexStore`, which provides the generations, writers and `journal`."""

    def record(self, documents=(), deleted=()):
        """Record documents to add or replace and primary keys to delete, for writing later.

        Creates the live generation if the index was never built, so that the change has
        somewhere to go. Never loses the change: when the journal cannot take it (the
        directory is read-only, unreadable, not a directory, or lost), it is kept in the
        database with the error logged (`UnwrittenChange`). Changes kept there go into the
        journal before this one, so the journal keeps the order the changes were made in.
        """
        documents, deleted = list(documents), list(deleted)
        try:
            self.live_generation()
            self.write_unwritten()
            self.journal.append(documents, deleted)
        except (OSError, SearchIndexError) as error:
            logger.error(
                "Could not record a change in search index %s (%s); kept in the database "
                "until the index can take it",
                self.path,
                error,
            )
            _models().UnwrittenChange.objects.create(
                path=_models().index_key(self.path),
                documents=documents,
                deleted=deleted,
                error=f"{type(error).__name__}: {error}",
            )

    def write_unwritten(self):
        """Move the changes kept in the database into the journal, oldest first.

        Raises what the journal raises, leaving that change and the later ones in the database.
        """
        for change in _models().UnwrittenChange.waiting(self.path).iterator():
            self.journal.append(change.documents, change.deleted)
            change.delete()

    def apply_journal(self, generation, timeout=None):
        """Write the journal entries `generation` lacks into it, in one commit.

        Waits at most `timeout` seconds (LOCK_TIMEOUT by default) for another writer, then
        raises IndexLockTimeout and leaves the entries for next time.
        """
        if not self.journal.has_pending(self.applied(generation)):
            return
        writer = self.open_writer(generation, timeout)
        try:
            # Read again under the lock: another process may have written them meanwhile.
            names = self.journal.pending(self.applied(generation))
            if not names:
                writer.cancel()
                return
            # The last change to each document wins. Whoosh's update_document only replaces
            # committed documents, so each one must be written once per commit.
            latest = {}
            for name in names:
                entry = self.journal.read(name)
                latest.update(dict.fromkeys(entry["deleted"]))
                latest.update((document[PK_FIELD], document) for document in entry["documents"])
            self.add_fields(writer, self.field_types(filter(None, latest.values())))
            for pk, document in latest.items():
                if document is None:
                    writer.delete_by_term(PK_FIELD, pk)
                else:
                    writer.update_document(**document)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._set_applied(generation, names[-1])
        self._prune_journal()

    def _prune_journal(self):
        """Remove the entries that the live generation and any being built both have."""
        # BUILDING is read before CURRENT: activate() swaps CURRENT before removing BUILDING,
        # so a generation that will become live is never missed.
        building = self.building_generation()
        current = self.current_generation()
        marks = [self.applied(g) for g in (building, current) if g is not None]
        if marks:
            self.journal.prune(min(marks))

    def catch_up(self, timeout=None):
        """Write pending journal entries into the live generation, if there is one."""
        generation = self.current_generation()
        if generation is not None:
            self.apply_journal(generation, timeout)

    # Health

    def waiting(self):
        """How many recorded changes the live generation lacks: kept in the database, or in
        the journal and not yet written in."""
        kept = _models().UnwrittenChange.waiting(self.path).count()
        try:
            generation = self.current_generation()
            applied = self.applied(generation) if generation else ""
            return kept + self.journal.count(applied)
        except OSError:
            return kept

    def health(self, timeout=None):
        """Write in every change waiting for this index, then say what is still wrong.

        None when the index is readable and has every change recorded so far (or was never
        built and has none waiting), else an `IndexHealth`.
        """
        try:
            generation = self.current_generation()
            if generation is None:
                self._check_not_lost()
                if not _models().UnwrittenChange.waiting(self.path).exists():
                    return None
                generation = self.live_generation()
            self.write_unwritten()
            self.apply_journal(generation, timeout)
            self.open(generation).doc_count()
        except IndexLockTimeout:
            return None  # another process is writing the changes in
        except IndexLostError as error:
            return IndexHealth("search index missing: it must be rebuilt", str(error))
        except Exception as error:  # whatever it is, the index cannot take its changes
            waiting = self.waiting()
            summary = unwritten_summary(waiting) or "search index cannot be read or written"
            return IndexHealth(summary, f"{self.path}: {type(error).__name__}: {error}", waiting)
        return None
