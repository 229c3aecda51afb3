"""Whatever the backend and whatever broke, the search page and the header box say search is
unavailable, with a 503, and never answer 500.

The Whoosh index is broken on disk as a bad day breaks it (`tests.broken_disk`): removed, a
file where its directory was, unreadable, its segments overwritten, read-only. Requests are
made with file permissions enforced, as for a web server that does not run as root.
"""

import shutil

import pytest
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from wagtail.search.backends import get_search_backend

from search.backends.whoosh import WhooshSearchResults
from tests import broken_disk
from tests.factories import ProcedurePageFactory

pytestmark = pytest.mark.django_db
MESSAGE = b"Search is not available right now"


def remove_index(path, monkeypatch):
    shutil.rmtree(path)


def index_path_is_a_file(path, monkeypatch):
    shutil.rmtree(path)
    path.write_text("not an index")


def server_down(path, monkeypatch):
    # What an OpenSearch or Elasticsearch client raises when its server does not answer.
    def refuse(*args, **kwargs):
        raise ConnectionError("Connection refused")

    # Every search, count, ranked list and suggestion asks the engine through `_hits`.
    monkeypatch.setattr(WhooshSearchResults, "_hits", refuse)


BREAKAGES = [remove_index, index_path_is_a_file, server_down]


@pytest.fixture
def page(wiki):
    return ProcedurePageFactory(parent=wiki, title="Making joint statements")


@pytest.mark.parametrize("break_search", BREAKAGES)
def test_the_search_page_says_search_is_unavailable(whoosh, page, monkeypatch, break_search):
    break_search(whoosh, monkeypatch)

    response = Client().get("/search/", {"query": "statements"})

    assert response.status_code == 503
    assert MESSAGE in response.content
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("break_search", BREAKAGES)
def test_the_header_box_says_search_is_unavailable(whoosh, page, monkeypatch, break_search):
    break_search(whoosh, monkeypatch)

    response = Client().get("/search/autocomplete/", {"query": "stat"})

    assert response.status_code == 503
    assert response.json() == {"results": [], "error": "Search is not available right now."}


def test_a_database_backend_error_is_unavailable_too(settings, page, monkeypatch):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

    def fail(*args, **kwargs):
        raise DatabaseError("canceling statement due to statement timeout")

    monkeypatch.setattr(type(get_search_backend()), "search", fail)

    response = Client().get("/search/", {"query": "statements"})

    assert response.status_code == 503
    assert MESSAGE in response.content


PAGE_INDEX = "wagtailcore_page"


def page_index_removed(path):
    shutil.rmtree(path / PAGE_INDEX)


def page_index_is_a_file(path):
    broken_disk.replace_with_file(path / PAGE_INDEX)


def index_unreadable(path):
    broken_disk.make_unreadable(path)


def page_index_unreadable(path):
    broken_disk.make_unreadable(path / PAGE_INDEX)


def segments_corrupt(path):
    broken_disk.corrupt_segments(path / PAGE_INDEX)


ON_DISK = [
    page_index_removed,
    page_index_is_a_file,
    index_unreadable,
    page_index_unreadable,
    segments_corrupt,
]


@pytest.fixture
def built_index(whoosh, page):
    """The index of a site with one page, built by `update_index` and not yet searched (a
    server process starting after the damage has no searcher open on the old files)."""
    call_command("update_index", verbosity=0)
    yield whoosh
    if whoosh.is_dir():
        broken_disk.make_usable(whoosh)


@pytest.mark.parametrize("break_index", ON_DISK)
def test_a_broken_index_makes_the_search_page_say_search_is_unavailable(built_index, break_index):
    break_index(built_index)
    client = Client(raise_request_exception=False)

    with broken_disk.permissions_enforced():
        response = client.get("/search/", {"query": "statements"})

    assert response.status_code == 503
    assert MESSAGE in response.content
    assert b"Traceback" not in response.content
    assert str(built_index).encode() not in response.content


@pytest.mark.parametrize("break_index", ON_DISK)
def test_a_broken_index_makes_the_header_box_say_search_is_unavailable(built_index, break_index):
    break_index(built_index)
    client = Client(raise_request_exception=False)

    with broken_disk.permissions_enforced():
        response = client.get("/search/autocomplete/", {"query": "stat"})

    assert response.status_code == 503
    assert response.json() == {"results": [], "error": "Search is not available right now."}


def test_a_read_only_index_still_answers_with_what_it_holds(built_index):
    # Nothing is broken for reading: searches go on; what cannot be written is /healthz's
    # business (tests/operations/test_index_health.py).
    broken_disk.make_read_only(built_index)
    client = Client(raise_request_exception=False)

    with broken_disk.permissions_enforced():
        search = client.get("/search/", {"query": "statements"})
        suggestions = client.get("/search/autocomplete/", {"query": "stat"})

    assert search.status_code == 200
    assert b"Making joint" in search.content
    assert suggestions.status_code == 200
    assert [s["title"] for s in suggestions.json()["results"]] == ["Making joint statements"]
