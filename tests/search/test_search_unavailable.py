"""Whatever the backend and whatever broke, the search page and the header box say search is
unavailable, with a 503, and never answer 500."""

import shutil

import pytest
from django.db import DatabaseError
from django.test import Client
from wagtail.search.backends import get_search_backend

from search.backends.whoosh import WhooshSearchResults
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

    monkeypatch.setattr(WhooshSearchResults, "_do_search", refuse)
    monkeypatch.setattr(WhooshSearchResults, "_do_count", refuse)


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
