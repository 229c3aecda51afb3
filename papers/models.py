"""The site's documents (Wagtail's document model, `WAGTAILDOCS_DOCUMENT_MODEL`): background
papers and reports, with the text read from their files so that search finds what they say."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index


class Paper(AbstractDocument):
    """A document with its text: `pages` holds the text of each page of a PDF (one item for
    other files), `text` all of it, for the search index.

    The text is read by a background job (`papers.tasks`) after each upload of a new file;
    until it has run the paper is `pending`. A file whose text cannot be read (encrypted,
    scanned images only, damaged) is `failed`, with the reason in `extraction_error`, shown
    to editors in the document's edit form; the upload itself always stands.
    """

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Waiting for its text to be read")
        DONE = "done", _("Text read")
        FAILED = "failed", _("Text could not be read")
        NOT_READ = "not_read", _("No text is read from this kind of file")

    text = models.TextField(blank=True, editable=False, verbose_name=_("text"))
    pages = models.JSONField(default=list, blank=True, editable=False, verbose_name=_("pages"))
    extraction = models.CharField(
        max_length=10,
        choices=Extraction.choices,
        default=Extraction.PENDING,
        editable=False,
        verbose_name=_("extraction"),
    )
    extraction_error = models.TextField(
        blank=True, editable=False, verbose_name=_("extraction error")
    )
    # The stored file the text was read from: a new file (a new name) is read again.
    extracted_from = models.CharField(
        max_length=255, blank=True, editable=False, verbose_name=_("extracted from")
    )

    admin_form_fields = Document.admin_form_fields
    search_fields = [*AbstractDocument.search_fields, index.SearchField("text")]

    class Meta(AbstractDocument.Meta):
        verbose_name_plural = _("documents")
        verbose_name = _("document")

    @property
    def is_pdf(self):
        return self.file_extension == "pdf"
