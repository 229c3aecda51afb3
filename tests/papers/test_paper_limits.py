"""Large and hostile background papers: a 50 MB PDF is accepted and read by the job, not the
request; a file over the upload limit is refused with its reason; reading a file is stopped
past its time or memory limit, and the editor is told why while the upload stands."""

import io
import zlib
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from demo.papers import pdf
from papers.models import Paper
from tests.html import parse, text
from tests.papers.test_background_papers import PAGES, run_worker, upload

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def editor(client, superuser):
    client.force_login(superuser)
    return client


def large_pdf(megabytes):
    """A PDF of the demo's two pages carrying `megabytes` MB of attached data."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(PAGES))))
    writer.add_attachment("appendix.bin", b"\0" * (megabytes * MB))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def unpacking_pdf(megabytes):
    """A small PDF whose one page's content unpacks to `megabytes` MB (a hostile file)."""
    text = b"BT /F1 12 Tf 72 720 Td (zanzibar) Tj ET\n" + b" " * (megabytes * MB)
    data = zlib.compress(text, 1)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_50_mb_pdf_is_accepted_and_read_by_the_job_not_the_request(editor):
    content = large_pdf(50)
    assert len(content) > 50 * MB

    response = upload(editor, "proceedings.pdf", content)

    assert response.status_code == 302
    paper = Paper.objects.get()
    assert paper.file.size == len(content)
    # The request only asked for the text to be read.
    assert paper.extraction == Paper.Extraction.PENDING
    assert DBTaskResult.objects.count() == 1
    run_worker()
    paper.refresh_from_db()
    assert paper.extraction == Paper.Extraction.DONE
    assert "zanzibar mandate" in paper.pages[1]


def test_a_file_over_the_upload_limit_is_refused_with_the_limit(editor):
    response = upload(editor, "huge.pdf", b"%PDF-1.4\n" + b"\0" * (70 * MB))

    assert response.status_code == 200
    errors = text(parse(response).select_one(".error-message")).replace("\xa0", " ")
    assert "This file is too big (70.0 MB). Maximum filesize 64.0 MB." in errors
    assert not Paper.objects.exists()
    assert not DBTaskResult.objects.exists()


def assert_failed_but_kept(editor, reason):
    """The document is marked unread with `reason`, shown in its form; its file is kept and
    the job itself ended normally."""
    paper = Paper.objects.get()
    assert paper.extraction == Paper.Extraction.FAILED
    assert reason in paper.extraction_error
    assert paper.file.size > 0 and paper.text == ""
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    form = editor.get(f"/admin/documents/edit/{paper.pk}/")
    assert form.status_code == 200
    assert reason in text(parse(form))
    assert editor.get(paper.url).status_code == 200  # the file is still served


@override_settings(PAPERS_READ_MEGABYTES=100)
def test_a_file_that_needs_more_memory_than_allowed_is_stopped(editor):
    assert upload(editor, "bomb.pdf", unpacking_pdf(60)).status_code == 302
    run_worker()

    assert_failed_but_kept(editor, "Reading the file needed more than 100 MB of memory")


@override_settings(PAPERS_READ_SECONDS=0.5)
def test_a_file_that_takes_longer_than_allowed_is_stopped(editor):
    assert upload(editor, "slow.pdf", unpacking_pdf(60)).status_code == 302
    run_worker()

    assert_failed_but_kept(editor, "Reading the file was stopped after 0.5 seconds")


def test_a_file_that_would_unpack_past_the_readers_limit_is_refused(editor):
    assert upload(editor, "bomb.pdf", unpacking_pdf(80)).status_code == 302
    run_worker()

    assert_failed_but_kept(editor, "The PDF's content unpacks to more than can be read safely")


def upload_several(client, name, content):
    """Upload a file through the admin's "Add documents" page (several at once), as an editor
    dragging files onto it does."""
    return client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )


def test_the_add_documents_page_refuses_a_type_that_is_not_allowed_with_the_allowed_list(editor):
    response = upload_several(editor, "tool.exe", b"MZ")

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "File extension “exe” is not allowed" in answer["error_message"]
    assert "Allowed extensions are: csv, docx, odt, pdf" in answer["error_message"]
    assert not Paper.objects.exists()


def test_the_add_documents_page_accepts_a_pdf_and_only_asks_for_its_text(editor):
    with mock.patch("django.db.transaction.on_commit", lambda callback, **kwargs: callback()):
        response = upload_several(editor, "paper.pdf", pdf(PAGES))

    assert response.json()["success"] is True
    paper = Paper.objects.get()
    assert paper.extraction == Paper.Extraction.PENDING
    assert DBTaskResult.objects.count() == 1
