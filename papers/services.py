"""Reading a document's text into it, and asking for that when its file changes."""

import logging
import shutil
import tempfile
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction

from . import extraction
from .models import Paper

logger = logging.getLogger(__name__)


def needs_reading(paper):
    """Whether `paper`'s file is not the one its text was read from."""
    return bool(paper.file) and paper.file.name != paper.extracted_from


@contextmanager
def local_copy(file):
    """A path to `file`'s content on this machine: its own, or a temporary copy when the
    storage keeps files elsewhere."""
    try:
        yield file.path
        return
    except NotImplementedError:  # a storage with no local paths (object storage)
        pass
    with tempfile.NamedTemporaryFile(suffix=f"-{file.name.rsplit('/', 1)[-1]}") as copy:
        with file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        yield copy.name


def extract_text(paper_id):
    """Read the text of document `paper_id`'s file into it; returns its extraction state.

    Only the extraction fields are written, so an edit of the title meanwhile is kept; a file
    replaced meanwhile is read by the job its upload enqueued.
    """
    paper = Paper.objects.filter(pk=paper_id).first()
    if paper is None or not needs_reading(paper):
        return paper.extraction if paper else None
    name = paper.file.name
    fields = {"extracted_from": name, "pages": [], "text": "", "extraction_error": ""}
    extension = paper.file_extension
    if extension not in extraction.READ:
        fields["extraction"] = Paper.Extraction.NOT_READ
    else:
        try:
            with local_copy(paper.file) as path:
                pages = extraction.read_limited(
                    path,
                    extension,
                    settings.PAPERS_READ_SECONDS,
                    settings.PAPERS_READ_MEGABYTES,
                )
        except extraction.Unreadable as error:
            fields.update(extraction=Paper.Extraction.FAILED, extraction_error=str(error))
        except Exception as error:  # a file no library expected: the upload still stands
            logger.exception("Reading the text of document %s failed", paper_id)
            fields.update(
                extraction=Paper.Extraction.FAILED,
                extraction_error=f"The file's text could not be read ({type(error).__name__}).",
            )
        else:
            fields.update(extraction=Paper.Extraction.DONE, pages=pages, text="\n\n".join(pages))
    with transaction.atomic():
        current = Paper.objects.select_for_update().filter(pk=paper_id).first()
        if current is None or current.file.name != name:
            return None
        for field, value in fields.items():
            setattr(current, field, value)
        current.save(update_fields=list(fields))  # re-indexes it with its text
    return current.extraction
