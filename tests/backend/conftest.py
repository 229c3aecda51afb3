"""Collect the backend's tests only under their own settings (they need modelsearch's test app).

``conformance/`` runs django-modelsearch's own backend tests against ours; ``whoosh/`` holds
the Whoosh backend's own. Both use ``tests.backend.settings`` and the "search" fixture in
``fixtures/``.
"""

import os

BACKEND_SETTINGS = "tests.backend.settings"


def pytest_ignore_collect(collection_path, config):
    if os.environ.get("DJANGO_SETTINGS_MODULE") != BACKEND_SETTINGS:
        return True
    return None
