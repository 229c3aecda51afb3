"""Collect these tests only under the conformance settings (they use modelsearch's test app)."""

import os

CONFORMANCE_SETTINGS = "tests.conformance.settings"


def pytest_ignore_collect(collection_path, config):
    if os.environ.get("DJANGO_SETTINGS_MODULE") != CONFORMANCE_SETTINGS:
        return True
    return None
