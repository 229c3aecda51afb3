"""Background papers for the Bali sessions: three short example papers written for the demo
(the programme lists "background documents" for its sessions but not what they said), made
as real files — a two-page PDF, a Word document and a plain-text file — so that search finds
the words inside them. Each is titled and headed as an example written for the demo.
"""

import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from meetings.models import MeetingPage
from papers.services import extract_text

from .meetings import BALI_SLUG
from .pages import at, publish_change

EXAMPLE = "Example written for the demo, not a paper of the Bali meeting."

# (session title, document title, file name, pages of text)
PAPERS = [
    (
        "Global Internet governance principles, enhanced cooperation and the IGF",
        "Example background paper: enhanced cooperation and the IGF",
        "example-enhanced-cooperation.pdf",
        [
            [
                "Example background paper: enhanced cooperation and the IGF",
                EXAMPLE,
                "The Tunis Agenda asked for enhanced cooperation among governments on public",
                "policy issues of the Internet. Civil society has asked what that means for",
                "the Internet Governance Forum, whose mandate ends in 2015.",
            ],
            [
                "Questions for the session",
                "Should the network ask for a multistakeholder working group on enhanced",
                "cooperation, open to civil society on equal terms, before the IGF's",
                "mandate is renewed?",
            ],
        ],
    ),
    (
        "The ITU, the WSIS+10 process and other IG-related spaces",
        "Example background paper: the WSIS+10 review",
        "example-wsis-review.docx",
        [
            [
                "Example background paper: the WSIS+10 review",
                EXAMPLE,
                "In 2015 the United Nations reviews the World Summit on the Information "
                "Society ten years on. This paper lists the meetings where civil society can "
                "take part, and the ITU's plenipotentiary conference in Busan in 2014.",
            ]
        ],
    ),
    (
        "State surveillance and human rights",
        "Example background paper: surveillance and human rights",
        "example-surveillance.txt",
        [
            [
                "Example background paper: surveillance and human rights",
                EXAMPLE,
                "The international principles on the application of human rights to "
                "communications surveillance ask that any surveillance be necessary and "
                "proportionate, authorised by a competent judicial authority and open to "
                "public oversight.",
            ]
        ],
    ),
]


def pdf(pages):
    """A PDF with one page per list of lines, in Helvetica, its text extractable."""

    def escape(line):
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        text = " T* ".join(f"({escape(line)}) Tj" for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 770 Td {text} ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx(pages):
    from docx import Document

    document = Document()
    for lines in pages:
        document.add_heading(lines[0], level=1)
        for line in lines[1:]:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def content(name, pages):
    if name.endswith(".pdf"):
        return pdf(pages)
    if name.endswith(".docx"):
        return docx(pages)
    return "\n\n".join("\n".join(lines) for lines in pages).encode()


def load(cast):
    """Give the Bali sessions their example papers, once: while no session has papers yet."""
    meeting = MeetingPage.objects.filter(slug=BALI_SLUG).first()
    if meeting is None:
        return
    meeting = meeting.specific
    sessions = list(meeting.sessions.all())
    # Once: not when a session has papers, nor over a change waiting for approval or notice.
    if meeting.has_unpublished_changes or any(s.background_papers.raw_data for s in sessions):
        return
    Paper = get_document_model()
    by_title = {session.title: session for session in sessions}
    for session_title, title, name, pages in PAPERS:
        session = by_title.get(session_title)
        if session is None:
            continue
        paper = Paper.objects.filter(title=title).first()
        if paper is None:
            paper = Paper(title=title)
            paper.file.save(name, ContentFile(content(name, pages)), save=False)
            paper.save()
        # Read now, so the demo is searchable before the worker runs.
        extract_text(paper.pk)
        session.background_papers = [("document", paper)]
    meeting.sessions = sessions
    publish_change(
        meeting,
        "Add the example background papers of three sessions.",
        at(2013, 10, 15),
        cast,
    )
