"""Locking, crashes, atomic rebuilds and broken indexes."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from unittest import mock

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import request_finished
from django.test import modify_settings
from modelsearch.query import MATCH_ALL
from modelsearch.test.testapp import models
from whoosh import index as whoosh_index
from whoosh.writing import PostingPool

from search.backends.whoosh import (
    IndexLockTimeout,
    IndexLostError,
    IndexUnavailableError,
    SearchIndexError,
    WhooshIndexRebuilder,
    WhooshSearchBackend,
    hooks,
    indexes,
    writers,
)
from search.backends.whoosh.documents import PK_FIELD
from search.backends.whoosh.generations import CURRENT_FILE, GENERATION_PREFIX
from search.backends.whoosh.models import IndexMarker, UnwrittenChange, index_key

from .support import WhooshTestCase

REPO_ROOT = Path(__file__).resolve().parents[3]


def start_worker(index_dir, first, count, *options):
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [
            sys.executable,
            "-m",
            "tests.backend.whoosh.index_worker",
            str(index_dir),
            str(first),
            str(count),
            *options,
        ],
        cwd=REPO_ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )


class IndexedPksMixin:
    def indexed_pks(self, model):
        """Primary keys of every document in `model`'s live index, read with Whoosh directly."""
        searcher = self.backend.get_index_for_model(model).store.searcher().searcher
        column = searcher.reader().column_reader(PK_FIELD)
        return {int(column[docnum]) for docnum in searcher.reader().all_doc_ids()}


class LockingTests(IndexedPksMixin, WhooshTestCase):
    lock_timeout = 0.3

    def hold_lock(self, model):
        store = self.backend.get_index_for_model(model).store
        writer = whoosh_index.open_dir(str(store.path / store.current_generation())).writer()
        self.addCleanup(lambda: writer.is_closed or writer.cancel())
        return writer

    def test_save_is_recorded_at_once_while_the_index_is_locked(self):
        self.hold_lock(models.Author)
        started = time.monotonic()
        with self.assertNoLogs("modelsearch.index", "ERROR"):
            author = models.Author.objects.create(name="Saved Anyway")
        self.assertLess(time.monotonic() - started, self.lock_timeout)
        self.assertTrue(models.Author.objects.filter(pk=author.pk).exists())

    def test_search_gives_up_after_lock_timeout_and_answers_without_the_change(self):
        writer = self.hold_lock(models.Author)
        self.backend.add(models.Author(pk=500, name="Patient Writer"))
        started = time.monotonic()
        with self.assertLogs("search", "WARNING") as logs:
            self.assertEqual(self.backend.search("patient", models.Author).count(), 0)
        self.assertIn("without its latest changes", "\n".join(logs.output))
        self.assertLess(time.monotonic() - started, 3)

        writer.cancel()
        self.assertIn(500, self.indexed_pks(models.Author))

    def test_search_waits_for_a_lock_released_within_the_timeout(self):
        writer = self.hold_lock(models.Author)
        # Released after 0.1 s, well within the timeout even on a loaded machine.
        self.backend.get_index_for_model(models.Author).store.lock_timeout = 30
        self.backend.add(models.Author(pk=501, name="Patient Writer"))
        threading.Timer(0.1, writer.cancel).start()
        self.assertIn(501, self.indexed_pks(models.Author))

    def test_catching_up_after_a_request_gives_up_on_a_locked_index(self):
        self.hold_lock(models.Author)
        self.backend.add(models.Author(pk=502, name="Patient Writer"))
        store = self.backend.get_index_for_model(models.Author).store
        with mock.patch.object(hooks, "CATCH_UP_TIMEOUT", 0.1):
            request_finished.send(sender=None)
        self.assertTrue(store.journal.has_pending(store.applied(store.current_generation())))

    def test_writing_changes_in_gives_up_after_lock_timeout_with_a_clear_error(self):
        self.hold_lock(models.Author)
        store = self.backend.get_index_for_model(models.Author).store
        self.backend.add(models.Author(pk=503, name="Patient Writer"))
        with self.assertRaises(IndexLockTimeout), self.assertLogs("search", "WARNING"):
            store.apply_journal(store.current_generation())
        self.assertIsInstance(IndexLockTimeout(), SearchIndexError)


class JournalTests(IndexedPksMixin, WhooshTestCase):
    def store(self, model):
        return self.backend.get_index_for_model(model).store

    def raw_pks(self, model):
        """Primary keys in the live generation as Whoosh has it, without catching up."""
        store = self.store(model)
        with store.open(store.current_generation()).searcher() as searcher:
            column = searcher.reader().column_reader(PK_FIELD)
            return {int(column[docnum]) for docnum in searcher.reader().all_doc_ids()}

    def test_a_save_is_recorded_then_written_by_the_next_search(self):
        store = self.store(models.Author)
        self.backend.add(models.Author(pk=600, name="Journalled Author"))
        self.assertNotIn(600, self.raw_pks(models.Author))
        self.assertEqual(len(store.journal.pending()), 1)

        self.assertEqual(self.backend.search("journalled", models.Author).count(), 1)
        self.assertIn(600, self.raw_pks(models.Author))
        self.assertEqual(store.journal.pending(), [])

    def test_the_end_of_a_request_writes_the_changes_it_recorded(self):
        self.backend.add(models.Author(pk=601, name="Request Author"))
        request_finished.send(sender=None)
        self.assertIn(601, self.raw_pks(models.Author))
        self.assertEqual(self.store(models.Author).journal.pending(), [])

    def test_the_app_connects_the_end_of_request_hook_once(self):
        request_finished.disconnect(dispatch_uid=hooks.DISPATCH_UID)
        self.addCleanup(hooks.connect)
        for _ in range(2):
            apps.get_app_config("whoosh_backend").ready()
        self.backend.add(models.Author(pk=604, name="Hooked Author"))
        request_finished.send(sender=None)
        self.assertIn(604, self.raw_pks(models.Author))
        self.assertTrue(request_finished.disconnect(dispatch_uid=hooks.DISPATCH_UID))
        self.assertFalse(request_finished.disconnect(dispatch_uid=hooks.DISPATCH_UID))

    @modify_settings(INSTALLED_APPS={"remove": "search.backends.whoosh"})
    def test_the_backend_refuses_to_start_without_its_app(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "INSTALLED_APPS"):
            WhooshSearchBackend({"PATH": str(self.index_dir)})

    def test_the_last_change_to_a_document_wins(self):
        self.backend.add(models.Author(pk=602, name="First draft"))
        self.backend.delete(models.Author(pk=602, name="First draft"))
        self.backend.add(models.Author(pk=602, name="Second draft"))
        self.backend.add(models.Author(pk=602, name="Final text"))
        self.backend.add(models.Author(pk=603, name="Deleted draft"))
        self.backend.delete(models.Author(pk=603, name="Deleted draft"))
        self.assertEqual(self.backend.search("draft", models.Author).count(), 0)
        results = self.backend.search("final", models.Author)
        self.assertEqual([author.pk for author in results], [])  # not in the database
        self.assertEqual(self.raw_pks(models.Author) & {602, 603}, {602})

    def test_journal_entries_run_no_code_and_sort_in_recording_order(self):
        journal = self.store(models.Author).journal
        names = [journal.append([], [str(n)]) for n in range(5)]
        self.assertEqual(names, sorted(names))
        self.assertEqual(journal.read(names[0]), {"documents": [], "deleted": ["0"]})

    def test_half_written_entries_are_ignored_then_removed(self):
        journal = self.store(models.Author).journal
        journal.append([], ["90001"])
        tmp = journal.path / ".00000000000000000001-999.json.tmp"
        tmp.write_text("{not json")
        self.assertEqual(len(journal.pending()), 1)
        self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)
        self.assertTrue(tmp.exists())  # recent: its writer may still be renaming it
        os.utime(tmp, (0, 0))
        journal.append([], ["90002"])
        self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)
        self.assertFalse(tmp.exists())
        self.assertEqual(journal.pending(), [])

    def test_clock_going_back_keeps_names_growing(self):
        journal = self.store(models.Author).journal
        first = journal.append([], ["1"])
        with mock.patch("time.time_ns", return_value=1):
            second = journal.append([], ["2"])
        self.assertGreater(second, first)


class MultiProcessTests(IndexedPksMixin, WhooshTestCase):
    def test_two_processes_writing_at_once_lose_no_document(self):
        workers = [start_worker(self.index_dir, 1000, 40), start_worker(self.index_dir, 2000, 40)]
        for worker in workers:
            _out, errors = worker.communicate(timeout=120)
            self.assertEqual(worker.returncode, 0, errors)
        expected = set(range(1000, 1040)) | set(range(2000, 2040))
        self.assertLessEqual(expected, self.indexed_pks(models.Author))

    def test_a_process_writes_the_changes_it_recorded_in_when_it_exits(self):
        worker = start_worker(self.index_dir, 5000, 3, "--no-requests")
        _out, errors = worker.communicate(timeout=120)
        self.assertEqual(worker.returncode, 0, errors)
        store = self.backend.get_index_for_model(models.Author).store
        self.assertFalse(store.journal.has_pending(store.applied(store.current_generation())))
        self.assertLessEqual({5000, 5001, 5002}, self.indexed_pks(models.Author))

    def test_process_killed_while_writing_leaves_a_working_index(self):
        before = self.indexed_pks(models.Author)
        worker = start_worker(self.index_dir, 3000, 0)
        store = self.backend.get_index_for_model(models.Author).store
        deadline = time.monotonic() + 60
        # Let it commit a few documents, then kill it wherever it is.
        while len(self.indexed_pks(models.Author) - before) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)
        worker.communicate(timeout=30)
        self.assertEqual(worker.returncode, -signal.SIGKILL)

        written = self.indexed_pks(models.Author) - before
        self.assertGreaterEqual(len(written), 5)
        self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)
        # The dead writer's lock is gone with it.
        self.backend.add(models.Author(pk=4000, name="After the crash"))
        self.assertIn(4000, self.indexed_pks(models.Author))
        self.assertTrue(store.searcher().searcher.up_to_date())


class RebuildTests(WhooshTestCase):
    def generations(self, model):
        path = self.backend.get_index_for_model(model).store.path
        return sorted(p.name for p in path.iterdir() if p.is_dir())

    def test_searches_see_the_old_index_until_the_rebuild_finishes(self):
        index = self.backend.get_index_for_model(models.Book)
        rebuilder = WhooshIndexRebuilder(index)
        new_index = rebuilder.start()
        new_index.add_items(models.Book, models.Book.objects.filter(title="Foundation"))

        self.assertEqual(
            self.titles(self.backend.search("javascript", models.Book)),
            {
                "JavaScript: The good parts",
                "JavaScript: The Definitive Guide",
            },
        )
        self.assertEqual(self.backend.search(MATCH_ALL, models.Book).count(), 14)

        rebuilder.finish()
        self.assertEqual(list(self.backend.search("javascript", models.Book)), [])
        self.assertEqual(self.titles(self.backend.search(MATCH_ALL, models.Book)), {"Foundation"})

    def test_changes_made_during_a_rebuild_survive_it(self):
        index = self.backend.get_index_for_model(models.Book)
        rebuilder = WhooshIndexRebuilder(index)
        rebuilder.start()
        book = models.Book.objects.create(
            title="Written mid-rebuild", publication_date=date(2020, 1, 1), number_of_pages=1
        )
        rebuilder.finish()
        self.assertEqual(list(self.backend.search("rebuild", models.Book)), [book])

    def test_old_generations_are_removed(self):
        for _ in range(3):
            self.rebuild()
        generations = self.generations(models.Book)
        self.assertEqual(len(generations), 2)
        store = self.backend.get_index_for_model(models.Book).store
        self.assertEqual(store.current_generation(), generations[-1])


class ParallelRebuildTests(WhooshTestCase):
    """A large rebuild writes its documents in a child process (`RebuildWriter`); here every
    rebuild is large enough."""

    def setUp(self):
        super().setUp()
        patcher = mock.patch.object(indexes, "PARALLEL_FROM", 1)
        patcher.start()
        self.addCleanup(patcher.stop)

    def documents_in_order(self, model):
        store = self.backend.get_index_for_model(model).store
        with store.open(store.current_generation()).reader() as reader:
            return reader.is_atomic(), list(reader.column_reader(PK_FIELD))

    def test_finds_the_same_in_one_segment_in_the_same_order(self):
        with mock.patch.object(indexes, "PARALLEL_FROM", 10**9):
            self.rebuild()
        single_process = self.documents_in_order(models.Book)
        with mock.patch.object(
            writers.RebuildWriter, "_new_task", autospec=True,
            side_effect=writers.RebuildWriter._new_task,
        ) as new_task:  # fmt: skip
            self.rebuild()
        self.assertTrue(new_task.called)
        self.assertEqual(self.documents_in_order(models.Book), single_process)
        self.assertEqual(single_process[0], True)
        self.assertEqual(
            self.titles(self.backend.search("javascript", models.Book)),
            {"JavaScript: The good parts", "JavaScript: The Definitive Guide"},
        )
        self.assertEqual(self.backend.search(MATCH_ALL, models.Book).count(), 14)
        self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)

    def test_a_failed_child_fails_the_rebuild_and_the_old_index_stays(self):
        self.rebuild()

        def fail(task, filename, doc_count):
            raise OSError("disk full")

        with (
            mock.patch.object(writers.SubWriterTask, "_process_file", fail),
            mock.patch("sys.stderr"),  # the child's traceback
            self.assertRaises(SearchIndexError),
        ):
            self.rebuild()
        self.assertEqual(
            self.titles(self.backend.search("javascript", models.Book)),
            {"JavaScript: The good parts", "JavaScript: The Definitive Guide"},
        )

    def test_cancelling_ends_the_child(self):
        index = self.backend.get_index_for_model(models.Book)
        building = WhooshIndexRebuilder(index).start()
        building.add_items(models.Book, models.Book.objects.all())
        building._writer.add_document(pk="x")  # a batch is sent: the child starts
        building._writer._enqueue()
        (child,) = building._writer.tasks
        building.cancel()
        self.assertFalse(child.is_alive())


class SmallRebuildMemoryTests(WhooshTestCase):
    """A rebuild whose postings overflow its memory into temporary files, merged at the end."""

    def backend_options(self):
        return {**super().backend_options(), "REBUILD_MEMORY_MB": 0.001}

    def test_rebuild_that_spills_to_disk_finds_the_same(self):
        with mock.patch.object(
            PostingPool, "save", autospec=True, side_effect=PostingPool.save
        ) as save:
            self.rebuild()
        self.assertGreater(save.call_count, 1)
        self.assertEqual(
            self.titles(self.backend.search("javascript", models.Book)),
            {"JavaScript: The good parts", "JavaScript: The Definitive Guide"},
        )
        self.assertEqual(self.backend.search(MATCH_ALL, models.Book).count(), 14)
        self.assertEqual(self.backend.search("tolkien", models.Author).count(), 1)


class BrokenIndexTests(WhooshTestCase):
    def break_index(self, model):
        """Point the live index at a generation whose table of contents is garbage."""
        store = self.backend.get_index_for_model(model).store
        broken = store.path / f"{GENERATION_PREFIX}99999999999999999999"
        broken.mkdir()
        (broken / "_MAIN_1.toc").write_bytes(b"not a whoosh index")
        (store.path / CURRENT_FILE).write_text(broken.name)

    def test_missing_index_is_logged_and_raises_a_clear_error(self):
        shutil.rmtree(self.backend.get_index_for_model(models.Book).store.path)
        with (
            self.assertRaisesMessage(IndexUnavailableError, "update_index"),
            self.assertLogs("search", "ERROR"),
        ):
            list(self.backend.search("javascript", models.Book))

    def test_unreadable_index_is_logged_and_raises_a_clear_error(self):
        self.break_index(models.Book)
        with (
            self.assertRaisesMessage(IndexUnavailableError, "update_index"),
            self.assertLogs("search", "ERROR"),
        ):
            list(self.backend.search("javascript", models.Book))

    def test_broken_index_never_fails_a_save_or_delete(self):
        self.break_index(models.Book)
        with self.assertNoLogs("modelsearch.index", "ERROR"):
            book = models.Book.objects.create(
                title="Saved despite the index",
                publication_date=date(2020, 1, 1),
                number_of_pages=1,
            )
            self.assertTrue(models.Book.objects.filter(pk=book.pk).exists())
            book.delete()
        self.assertFalse(models.Book.objects.filter(pk=book.pk).exists())
        # Writing the changes in, after the request, reports the broken index in the logs.
        with self.assertLogs("search", "ERROR") as logs:
            request_finished.send(sender=None)
        self.assertIn("update_index", "\n".join(logs.output))

    def test_update_index_repairs_a_broken_index(self):
        self.break_index(models.Book)
        self.rebuild()
        self.assertEqual(self.backend.search("javascript", models.Book).count(), 2)

    def test_first_write_to_an_index_never_built_creates_it(self):
        store = self.backend.get_index_for_model(models.Book).store
        shutil.rmtree(store.path)
        IndexMarker.objects.filter(path=index_key(store.path)).delete()
        with self.assertLogs("search", "WARNING"):
            book = models.Book.objects.create(
                title="First of many", publication_date=date(2020, 1, 1), number_of_pages=1
            )
        self.assertEqual(list(self.backend.search("first", models.Book)), [book])

    def test_a_built_index_that_lost_its_directory_is_reported_not_recreated_empty(self):
        store = self.backend.get_index_for_model(models.Book).store
        shutil.rmtree(store.path)
        with self.assertLogs("search", "ERROR"):
            book = models.Book.objects.create(
                title="First of many", publication_date=date(2020, 1, 1), number_of_pages=1
            )
        self.assertIsNone(store.current_generation())
        self.assertEqual(UnwrittenChange.waiting(store.path).count(), 1)
        problem = self.backend.health()["searchtests_book"]
        self.assertEqual(problem.summary, "search index missing: it must be rebuilt")
        self.assertIn("update_index", problem.detail)
        with self.assertRaises(IndexLostError):
            list(self.backend.search("first", models.Book))

        self.rebuild()

        self.assertNotIn("searchtests_book", self.backend.health())
        self.assertFalse(UnwrittenChange.waiting(store.path).exists())
        self.assertIn(book, list(self.backend.search("first", models.Book)))
        self.assertEqual(self.backend.search("javascript", models.Book).count(), 2)
