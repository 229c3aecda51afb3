"""Background papers: uploaded through the admin, their text read by the background job,
found from the search page with the session that carries them and, for a PDF, the page.
Failures are shown to the editor and never undo the upload. Runs on both backends."""

import importlib
import io
import types
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from demo.papers import docx, pdf
from papers.models import Paper
from search import papers
from tests.factories import MeetingIndexPageFactory, MeetingPageFactory, SessionFactory
from tests.html import parse, text
from tests.search.helpers import get

pytestmark = pytest.mark.django_db

PAGES = [
    ["Background paper", "An introduction to the session."],
    ["Questions", "Should the forum keep its zanzibar mandate for another decade?"],
]


def run_worker():
    # As in the notice tests: the worker's check for connections left in a transaction would
    # end the test's own.
    with mock.patch.object(db_worker, "close_old_connections"):
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            "scheduled",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )


def upload(client, name, content, title="A background paper"):
    """Upload a document through the admin's form, as an editor does."""
    with mock.patch("django.db.transaction.on_commit", lambda callback, **kwargs: callback()):
        return client.post(
            "/admin/documents/add/",
            {"title": title, "file": SimpleUploadedFile(name, content)},
        )


def encrypted_pdf():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(PAGES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def editor(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def meeting(home):
    meetings = MeetingIndexPageFactory(parent=home, slug="meetings")
    return MeetingPageFactory(parent=meetings, slug="bali", title="Meeting in Bali")


def carry(meeting, paper, title="Surveillance and human rights"):
    """A session of `meeting` that carries `paper`, published."""
    session = SessionFactory(meeting=meeting, title=title)
    session.background_papers = [("document", paper)]
    session.save()
    meeting.save_revision().publish()
    return session


def papers_found(response):
    return parse(response).select(".search-paper")


def test_the_document_model_is_the_one_with_text():
    assert get_document_model() is Paper


def test_an_uploaded_pdf_is_read_by_the_job_and_found_with_its_session_and_page(
    editor, any_backend, meeting
):
    response = upload(editor, "paper.pdf", pdf(PAGES))
    assert response.status_code == 302
    paper = Paper.objects.get()
    # The upload only asked for the text: it is read by the worker, off the request.
    assert paper.extraction == Paper.Extraction.PENDING
    assert DBTaskResult.objects.count() == 1
    run_worker()
    paper.refresh_from_db()
    assert paper.extraction == Paper.Extraction.DONE
    session = carry(meeting, paper)

    response = get(query="zanzibar mandate", **{"in": "papers"})

    [found] = papers_found(response)
    assert text(found.select_one(".search-hit__title")) == "A background paper"
    assert text(found.select_one(".search-hit__part")) == "Page 2"
    assert found.select_one(".search-hit__title a")["href"] == f"{paper.url}#page=2"
    place = found.find("a", string=f"Meeting in Bali · Session: {session.title}")
    assert place["href"] == f"{meeting.url}#{session.anchor}"
    assert [text(m) for m in found.select("mark")] == ["zanzibar", "mandate"]
    assert "Background papers (1)" in text(parse(response).select_one(".search-facets"))


def test_a_word_document_and_a_text_file_are_read(editor, any_backend, meeting):
    upload(editor, "paper.docx", docx([["Heading", "The quokka paragraph."]]), title="Word")
    upload(editor, "notes.txt", b"Notes about the wombat.", title="Notes")
    run_worker()
    for paper in Paper.objects.all():
        carry(meeting, paper, title=f"Session on {paper.title}")

    assert [
        text(a)
        for a in parse(get(query="quokka", **{"in": "papers"})).select(".search-hit__title a")
    ] == ["Word"]
    [notes] = papers_found(get(query="wombat", **{"in": "papers"}))
    assert notes.select_one(".search-hit__part") is None  # no pages in a text file


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("locked.pdf", encrypted_pdf, "The PDF is encrypted with a password"),
        ("scan.pdf", scanned_pdf, "The PDF has no text to read: it may be scanned images"),
        ("broken.pdf", lambda: b"%PDF-1.4 not really a PDF", "could not be read as a PDF"),
        ("broken.docx", lambda: b"not a zip", "could not be read as a Word document"),
    ],
)
def test_a_file_whose_text_cannot_be_read_stays_uploaded_and_the_editor_is_told_why(
    editor, name, content, reason
):
    assert upload(editor, name, content()).status_code == 302
    run_worker()

    paper = Paper.objects.get()
    assert paper.extraction == Paper.Extraction.FAILED
    assert reason in paper.extraction_error
    form = editor.get(f"/admin/documents/edit/{paper.pk}/")
    assert form.status_code == 200
    assert "Its text could not be read, so search does not find it" in form.content.decode()
    assert reason in form.content.decode()


def test_a_type_that_is_not_allowed_is_refused_at_upload(editor):
    response = upload(editor, "tool.exe", b"MZ")

    assert response.status_code == 200
    assert "File extension “exe” is not allowed" in response.content.decode()
    assert not Paper.objects.exists()


def test_only_papers_a_viewable_page_carries_are_found(any_backend, meeting):
    carried = Paper.objects.create(title="Carried", file=ContentFile(b"zanzibar", "a.txt"))
    Paper.objects.create(title="Loose", file=ContentFile(b"zanzibar", "b.txt"))
    call_command("read_document_texts", verbosity=0)
    assert Paper.objects.filter(text="zanzibar").count() == 2
    carry(meeting, carried)

    found = papers_found(get(query="zanzibar", **{"in": "papers"}))
    assert [text(paper.select_one("h2")) for paper in found] == ["Carried"]

    PageViewRestriction.objects.create(page=meeting, restriction_type=PageViewRestriction.LOGIN)
    assert papers_found(get(query="zanzibar", **{"in": "papers"})) == []


def test_words_no_page_has_show_the_papers_that_have_them_with_where_they_belong(
    any_backend, meeting
):
    paper = Paper.objects.create(title="Roadmap", file=ContentFile(b"zanzibar summit", "a.txt"))
    call_command("read_document_texts", verbosity=0)
    session = carry(meeting, paper)

    html = parse(get(query="zanzibar summit"))

    assert "Nothing found for zanzibar summit" in text(html.select_one(".search-count"))
    section = html.select_one(".search-elsewhere")
    assert text(section.select_one("h2")) == "1 background paper has these words"
    [found] = section.select(".search-paper")
    assert text(found.select_one(".search-hit__title")) == "Roadmap"
    place = found.find("a", string=f"Meeting in Bali · Session: {session.title}")
    assert place["href"] == f"{meeting.url}#{session.anchor}"
    facet = text(html.select_one(".search-facets"))
    assert "Current pages (0)" in facet and "Background papers (1)" in facet
    # A page that has the words is what the search shows; papers are then searched apart.
    meeting.context = "<p>The zanzibar summit.</p>"
    meeting.save_revision().publish()
    html = parse(get(query="zanzibar summit"))
    assert html.select_one(".search-elsewhere") is None
    assert [text(a) for a in html.select(".search-hit__title a")] == ["Meeting in Bali"]


def test_a_search_in_another_language_that_finds_no_page_searches_the_papers_once(
    any_backend, meeting
):
    paper = Paper.objects.create(title="Roadmap", file=ContentFile(b"zanzibar", "a.txt"))
    call_command("read_document_texts", verbosity=0)
    carry(meeting, paper)

    # Nothing in Spanish, nothing in English: the papers are searched, once.
    with mock.patch("search.papers.search", wraps=papers.search) as searched:
        html = parse(Client().get("/es/search/", {"query": "zanzibar"}))

    assert searched.call_count == 1
    assert html.select_one(".search-source") is None
    [found] = html.select(".search-elsewhere .search-paper")
    assert text(found.select_one(".search-hit__title")) == "Roadmap"
    # Papers are indexed in the site's language: searched in it from any language's page.
    asked = Client().get("/es/search/", {"query": "zanzibar", "in": "papers"})
    assert [text(paper.select_one("h2")) for paper in papers_found(asked)] == ["Roadmap"]


def test_no_papers_section_for_words_no_paper_has_nor_for_papers_the_visitor_may_not_see(
    any_backend, meeting
):
    carry(meeting, Paper.objects.create(title="Roadmap", file=ContentFile(b"zanzibar", "a.txt")))
    call_command("read_document_texts", verbosity=0)

    html = parse(get(query="quokka"))

    assert "Nothing found for quokka" in text(html.select_one(".search-count"))
    assert html.select_one(".search-elsewhere") is None
    # A paper only a page the visitor may not view carries is never shown in its place.
    assert parse(get(query="zanzibar")).select_one(".search-elsewhere") is not None
    PageViewRestriction.objects.create(page=meeting, restriction_type=PageViewRestriction.LOGIN)
    assert parse(get(query="zanzibar")).select_one(".search-elsewhere") is None


def test_an_unknown_scope_is_left_out_with_a_note(any_backend):
    response = get(query="zanzibar", **{"in": "everything"})

    assert response.status_code == 200
    notes = [text(p) for p in parse(response).select(".search-notice")]
    assert "“in=everything” is not a choice (only “in=papers”), so it was left out." in notes


def test_documents_uploaded_before_are_copied_with_their_ids_dates_and_tags():
    migration = importlib.import_module("papers.migrations.0002_copy_wagtail_documents")
    old = Document.objects.create(title="Old minutes", file=ContentFile(b"wombat", "old.txt"))
    old.tags.add("minutes")

    migration.copy_documents(django_apps, types.SimpleNamespace(connection=connection))

    copied = Paper.objects.get(pk=old.pk)
    assert (copied.title, copied.file.name, copied.created_at) == (
        old.title,
        old.file.name,
        old.created_at,
    )
    assert list(copied.tags.names()) == ["minutes"]
    assert copied.extraction == Paper.Extraction.PENDING
    call_command("read_document_texts", verbosity=0)
    copied.refresh_from_db()
    assert copied.text == "wombat"
    assert Paper.objects.create(title="New", file=ContentFile(b"x", "new.txt")).pk > old.pk
