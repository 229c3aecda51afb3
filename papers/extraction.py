"""Reading the text of a document's file: PDF (pypdf), Word .docx (python-docx), plain text.

`read(file, extension)` returns the text of each page (one item for files without pages)
or raises `Unreadable` with a reason an editor can act on. It never runs another program.
A PDF is read page by page and given up, with its reason, past `MAX_PAGES` pages or
`TIME_LIMIT` seconds, and a text past `MAX_CHARACTERS` is cut.

The background job calls `read_limited(path, extension, seconds, megabytes)`, which runs
`read` in a child Python process (`limits`) whose memory is capped and which is stopped
after `seconds`, so that a huge or hostile file fails with its reason instead of taking the
worker's memory or time. This module imports nothing of Django, for that child.
"""

import time
import zipfile

from .limits import run_limited

MAX_PAGES = 2000
TIME_LIMIT = 60
# About 300 pages of dense text; PostgreSQL's search index holds at most 1 MB per document.
MAX_CHARACTERS = 500_000
READ = frozenset({"pdf", "docx", "txt"})


class Unreadable(Exception):
    """The file's text could not be read; the message says why, for the editor."""


def read(file, extension):
    """[text of each page] of `file` (an open binary file) of type `extension`."""
    extension = extension.lower()
    if extension == "pdf":
        return _pdf(file)
    if extension == "docx":
        return [_cut(_docx(file))]
    if extension == "txt":
        return [_cut(file.read(MAX_CHARACTERS * 4).decode("utf-8", errors="replace"))]
    raise ValueError(f"No text is read from .{extension} files.")


def read_limited(path, extension, seconds, megabytes):
    """`read` of the file at `path`, in a child process given `seconds` of wall-clock time and
    `megabytes` of memory; past either it raises `Unreadable` saying which."""
    return run_limited(_read_path, (str(path), extension), seconds, megabytes, Unreadable)


def _read_path(path, extension):
    with open(path, "rb") as file:
        return read(file, extension)


def _cut(text):
    return text[:MAX_CHARACTERS]


def _pdf(file):
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    started = time.monotonic()
    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("The PDF is encrypted with a password, so its text cannot be read.")
        pages, total = [], 0
        for number, page in enumerate(reader.pages, start=1):
            if number > MAX_PAGES:
                raise Unreadable(
                    f"The PDF has more than {MAX_PAGES} pages; only shorter ones are read."
                )
            if time.monotonic() - started > TIME_LIMIT:
                raise Unreadable(
                    f"Reading the PDF took longer than {TIME_LIMIT} seconds (it stopped at page "
                    f"{number}); it may be damaged or unusually complex."
                )
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_CHARACTERS:
                break
            pages.append(text)
    except Unreadable:
        raise
    except LimitReachedError as error:
        raise Unreadable(
            "The PDF's content unpacks to more than can be read safely (it may be built to "
            "exhaust memory), so its text was not read."
        ) from error
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise Unreadable(f"The file could not be read as a PDF ({error}).") from error
    if not any(page.strip() for page in pages):
        raise Unreadable(
            "The PDF has no text to read: it may be scanned images of pages. Upload a PDF "
            "with its text (or run text recognition on it first) to make it searchable."
        )
    return pages


def _docx(file):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(file)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable(f"The file could not be read as a Word document ({error}).") from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    text = "\n".join(part for part in parts if part.strip())
    if not text.strip():
        raise Unreadable("The Word document has no text to read.")
    return text
