"""A test case with its own Whoosh index, built from modelsearch's "search" fixture."""

import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings
from modelsearch.backends import get_search_backend

BACKEND = "search.backends.whoosh"


class WhooshTestCase(TestCase):
    fixtures = ["search"]
    lock_timeout = 5

    def setUp(self):
        self.index_dir = Path(tempfile.mkdtemp(prefix="bbwiki-whoosh-test-"))
        self.addCleanup(shutil.rmtree, self.index_dir, ignore_errors=True)
        # Signal handlers look the backend up by name, so they write to this index too.
        settings = override_settings(MODELSEARCH_BACKENDS={"default": self.backend_options()})
        settings.enable()
        self.addCleanup(settings.disable)
        self.backend = get_search_backend()
        self.rebuild()

    def backend_options(self):
        return {"BACKEND": BACKEND, "PATH": str(self.index_dir), "LOCK_TIMEOUT": self.lock_timeout}

    def rebuild(self):
        call_command("rebuild_modelsearch_index", stdout=StringIO())

    def titles(self, results):
        return {result.title for result in results}
