"""The site's pages and documents stay in step with the Whoosh index through Wagtail's signals.

Every test has its own index (see conftest.py) and searches the way the site does.
"""

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend
from whoosh.query import Term

from procedures.models import ProcedurePage
from search.backends.whoosh import IndexUnavailableError, WhooshIndex
from search.backends.whoosh.documents import PK_FIELD
from search.backends.whoosh.generations import CURRENT_FILE
from tests.admin_forms import edit_url, procedure_edit_form
from tests.factories import ProcedureIndexPageFactory, ProcedurePageFactory, clause_data

pytestmark = pytest.mark.django_db


def found(word):
    """Live, public procedures a visitor's search for `word` returns."""
    return list(ProcedurePage.objects.live().public().search(word))


def in_index(obj):
    """Whether the Whoosh index itself holds a document for `obj`."""
    backend = get_search_backend()
    searcher = backend.get_index_for_model(type(obj)).store.searcher().searcher
    return len(searcher.search(Term(PK_FIELD, str(obj.pk)), limit=None)) > 0


def procedure(wiki, summary, **fields):
    return ProcedurePageFactory(parent=wiki, summary=summary, **fields)


def test_publishing_makes_a_draft_findable(whoosh, wiki):
    page = procedure(wiki, "Heliotrope gardens are tended in turn.", live=False)
    assert found("heliotrope") == []

    page.save_revision().publish()

    assert found("heliotrope") == [page]


def test_unpublishing_removes_a_page_from_live_results(whoosh, wiki):
    page = procedure(wiki, "Marmalade is shared at every meeting.")
    assert found("marmalade") == [page]

    page.unpublish()

    assert found("marmalade") == []


def test_an_edited_page_is_found_by_its_new_words_only(whoosh, wiki):
    page = procedure(wiki, "Lighthouse keepers report weekly.")

    page.summary = "Orchard keepers report monthly."
    page.save_revision().publish()

    assert found("orchard") == [page]
    assert found("lighthouse") == []


def test_an_edited_clause_is_found_once_republished(whoosh, wiki):
    page = procedure(wiki, "How the network keeps records.")

    page.body = [clause_data("Archives", "<p>Minutes are kept on parchment.</p>")]
    page.save_revision().publish()

    assert found("parchment") == [page]


def test_a_moved_page_is_still_found(whoosh, home, wiki):
    archive = ProcedureIndexPageFactory(parent=home, slug="archive", title="Archive")
    page = procedure(wiki, "Tangerine ballots are counted twice.")

    page.move(archive, pos="last-child")

    results = found("tangerine")
    assert results == [page]
    assert results[0].url_path.startswith(archive.url_path)


def test_a_deleted_page_leaves_the_index(whoosh, wiki):
    page = procedure(wiki, "Saffron banners mark the venue.")
    assert in_index(page)

    page.delete()

    assert found("saffron") == []
    assert not in_index(page)


def test_a_document_is_indexed_when_saved_and_removed_when_deleted(whoosh):
    Document = get_document_model()
    document = Document.objects.create(
        title="Walrus committee minutes", file=ContentFile(b"Minutes.", name="minutes.txt")
    )
    assert list(Document.objects.search("walrus")) == [document]
    assert in_index(document)

    document.title = "Pelican committee minutes"
    document.save()
    assert list(Document.objects.search("pelican")) == [document]
    assert list(Document.objects.search("walrus")) == []

    document.delete()
    assert list(Document.objects.search("pelican")) == []
    assert not in_index(document)


def test_update_index_finds_pages_saved_while_indexing_was_off(whoosh, settings, wiki):
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    page = procedure(wiki, "Juniper hedges divide the plots.")
    assert found("juniper") == []
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = True

    call_command("update_index", verbosity=0)

    assert found("juniper") == [page]


def _failing_add_items(self, model, items):
    raise OSError("No space left on device")


def _point_at_missing_generation(monkeypatch):
    store = get_search_backend().get_index_for_model(ProcedurePage).store
    (store.path / CURRENT_FILE).write_text("g-missing")


def _make_writes_fail(monkeypatch):
    monkeypatch.setattr(WhooshIndex, "add_items", _failing_add_items)


@pytest.mark.parametrize("break_index", [_make_writes_fail, _point_at_missing_generation])
def test_an_indexing_failure_never_loses_the_editors_publish(
    whoosh, wiki, admin_client, caplog, monkeypatch, break_index
):
    page = procedure(wiki, "Walnut trees shade the square.")
    break_index(monkeypatch)
    data = procedure_edit_form(page, text="Lanterns light the square at dusk.")
    data["action-publish"] = "action-publish"

    with caplog.at_level(logging.ERROR):
        response = admin_client.post(edit_url(page), data)

    assert response.status_code == 302
    page = ProcedurePage.objects.get(pk=page.pk)
    assert page.live
    assert not page.has_unpublished_changes
    assert "Lanterns light the square" in page.clauses[0]["value"]["text"].source
    assert page.live_revision == page.get_latest_revision()
    # A failure to build the document is logged by Wagtail's signal handler; a broken index
    # is found, and logged, when the recorded change is written in after the response.
    assert any(
        (record.name == "modelsearch.index" and "search backend" in record.getMessage())
        or (record.exc_info and isinstance(record.exc_info[1], IndexUnavailableError))
        for record in caplog.records
    )


def test_update_index_repairs_what_a_failed_write_missed(whoosh, wiki, monkeypatch):
    page = procedure(wiki, "Walnut trees shade the square.")
    with monkeypatch.context() as patch:
        _make_writes_fail(patch)
        page.summary = "Chestnut trees shade the square."
        page.save_revision().publish()
    assert found("chestnut") == []

    call_command("update_index", verbosity=0)

    assert found("chestnut") == [page]
    assert found("walnut") == []
