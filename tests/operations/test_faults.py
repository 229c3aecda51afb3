"""Faults an operator meets: the database going away, the search index missing, a publish
while the index is being rebuilt."""

import shutil

import pytest
from django.db import OperationalError, connection
from wagtail.models import Page

from search.backends.whoosh import WhooshIndexRebuilder
from tests.factories import ProcedurePageFactory


@pytest.fixture
def database_away(monkeypatch):
    """A callable that makes every new query fail as an unreachable database does, until
    `come_back()`: the connection raises the error the driver raises when it cannot connect."""

    def refuse():
        raise OperationalError("connection refused: is the server running on 127.0.0.1:5432?")

    def go_away():
        monkeypatch.setattr(connection, "ensure_connection", refuse)

    go_away.come_back = monkeypatch.undo
    return go_away


def test_pages_answer_503_while_the_database_is_away_and_recover_without_a_restart(
    client, wiki, database_away
):
    procedure = ProcedurePageFactory(parent=wiki, title="Joining the network")
    assert client.get(procedure.url).status_code == 200

    database_away()
    response = client.get(procedure.url)
    assert response.status_code == 503
    assert b"database is not answering; try again in a minute" in response.content
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["database"].startswith("database not answering")

    database_away.come_back()
    response = client.get(procedure.url)
    assert response.status_code == 200
    assert b"Joining the network" in response.content
    assert client.get("/healthz").status_code == 200


def test_other_errors_are_not_mistaken_for_a_database_outage(client, wiki, monkeypatch):
    procedure = ProcedurePageFactory(parent=wiki)

    def broken_serve(page, request, *args, **kwargs):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(type(procedure), "serve", broken_serve)
    client.raise_request_exception = False
    assert client.get(procedure.url).status_code == 500


def test_with_the_search_index_missing_pages_serve_and_search_and_healthz_say_so(
    client, wiki, whoosh
):
    procedure = ProcedurePageFactory(parent=wiki, title="Making joint statements")
    shutil.rmtree(whoosh)

    response = client.get(procedure.url)
    assert response.status_code == 200
    assert b"Making joint statements" in response.content

    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["search"] == "search index missing: it must be rebuilt"

    search = client.get("/search/", {"query": "statements"})
    assert search.status_code in {200, 503}
    assert b"not available" in search.content.lower() or b"unavailable" in search.content.lower()


def test_a_page_published_while_the_index_is_rebuilt_ends_up_in_the_index(
    wiki, whoosh, monkeypatch
):
    from django.core.management import call_command

    ProcedurePageFactory(parent=wiki, title="Task forces")
    published = []
    finish = WhooshIndexRebuilder.finish

    def publish_then_finish(rebuilder):
        # The rebuild has read every page and filled its new generation; it has not swapped
        # it in yet. A publish now must reach the generation that is about to go live.
        if rebuilder.index.root_model is Page and not published:
            page = ProcedurePageFactory(parent=wiki, title="Quokka procedure", live=False)
            page.save_revision().publish()
            published.append(page)
        finish(rebuilder)

    monkeypatch.setattr(WhooshIndexRebuilder, "finish", publish_then_finish)
    call_command("update_index", verbosity=0)

    assert published, "the rebuild never reached the page index"
    assert list(Page.objects.live().search("quokka")) == [published[0].page_ptr]
    assert [p.title for p in Page.objects.live().search("task forces")] == ["Task forces"]
