"""Saves and deletes reach the index through modelsearch's own signal handlers."""

from datetime import date

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from modelsearch.test.testapp import models

from .support import WhooshTestCase


class SignalUpkeepTests(WhooshTestCase):
    def create_book(self, title, model=models.Book, **fields):
        return model.objects.create(
            title=title, publication_date=date(2020, 1, 1), number_of_pages=10, **fields
        )

    def test_index_updates_run_as_immediate_tasks(self):
        # post_save enqueues a django-tasks task; without a TASKS setting it runs at once.
        self.assertIsInstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)

    def test_save_indexes_the_object(self):
        book = self.create_book("Kettles of the world")
        self.assertEqual(list(self.backend.search("kettles", models.Book)), [book])

    def test_update_replaces_the_indexed_text(self):
        book = self.create_book("Kettles of the world")
        book.title = "Teapots of the world"
        book.save()
        # Unfiltered counts come from Whoosh alone, so they show what the index holds.
        self.assertEqual(self.backend.search("kettles", models.Book).count(), 0)
        self.assertEqual(list(self.backend.search("teapots", models.Book)), [book])

    def test_delete_removes_the_document(self):
        book = self.create_book("Kettles of the world")
        book.delete()
        self.assertEqual(self.backend.search("kettles", models.Book).count(), 0)

    def test_child_model_is_found_from_the_parent_by_its_own_fields(self):
        novel = self.create_book("Untitled", model=models.Novel, setting="Kettleland")
        results = list(self.backend.search("kettleland", models.Book))
        self.assertEqual([book.pk for book in results], [novel.pk])
        self.assertEqual(list(self.backend.search("kettleland", models.Novel)), [novel])
        self.assertEqual(list(self.backend.search("kettleland", models.ProgrammingGuide)), [])
