"""Collect these tests only under their own settings (they need modelsearch's test app)."""

import os

CONFORMANCE_SETTINGS = "tests.conformance.settings"


def pytest_ignore_collect(collection_path, config):
    if os.environ.get("DJANGO_SETTINGS_MODULE") != CONFORMANCE_SETTINGS:
        return True
    return None
