import pytest
from django.core.management import call_command

BACKEND = "search.backends.whoosh"


@pytest.fixture
def search_backend(settings, tmp_path):
    """The site's Whoosh backend writing to this test's own index, built empty.

    Wagtail's signal handlers look the backend up from settings on every save, and
    modelsearch builds a new backend object on each lookup, so nothing else needs resetting.
    """
    from modelsearch.backends import get_search_backend

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": BACKEND, "PATH": str(tmp_path / "search-index"), "LOCK_TIMEOUT": 5}
    }
    call_command("update_index", verbosity=0)
    return get_search_backend()
