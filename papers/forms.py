"""The document form editors upload and edit documents with: it says whether the file's text
could be read, and why not."""

from wagtail.documents.forms import BaseDocumentForm

from . import extraction
from .models import Paper

TYPES_READ = "PDF, Word (.docx) and plain-text (.txt)"


class PaperForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = " ".join(
                filter(None, [self.fields["file"].help_text, self.extraction_note()])
            )

    def extraction_note(self):
        """What became of reading the text of the document's file, in words."""
        paper = self.instance
        if paper.pk is None:
            return f"The text of {TYPES_READ} files is read after upload, so search finds it."
        if paper.extraction == Paper.Extraction.FAILED:
            return (
                f"Its text could not be read, so search does not find it: "
                f"{paper.extraction_error} The document itself is kept as uploaded."
            )
        if paper.extraction == Paper.Extraction.PENDING:
            return "Its text is waiting to be read, after which search finds it."
        if paper.extraction == Paper.Extraction.NOT_READ:
            return f"No text is read from this kind of file; it is for {TYPES_READ} files."
        pages = len(paper.pages)
        where = f" ({pages} pages)" if paper.file_extension in extraction.READ and pages > 1 else ""
        return f"Its text was read{where}, so search finds what it says."
