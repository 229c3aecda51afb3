"""The readable text of each kind of page, in parts a result can link to.

Search snippets and the spelling vocabulary are built from this text rather than from the
index, so they read the live page (never a draft) and work the same on every backend.
"""

import html
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags

from meetings.models import MeetingPage, OutcomePage
from network.models import MembershipPage, SteeringCommitteePage, TaskForcePage
from procedures.models import ObjectivesPage, ProcedurePage


@dataclass(frozen=True)
class Part:
    """A part of a page: `anchor` is its #fragment ("" for the page itself)."""

    anchor: str
    label: str
    text: str


def plain(value):
    """Rich text or a string as plain text, with tags turned into word breaks."""
    return " ".join(html.unescape(strip_tags(str(value or "").replace("<", " <"))).split())


# Related rows each kind of page needs for its text, fetched for a batch of pages at once.
PREFETCH = {
    MeetingPage: ["objectives", "sessions__facilitators"],
    ObjectivesPage: ["objectives"],
    SteeringCommitteePage: ["seat_terms__holder"],
    TaskForcePage: ["convenors"],
}


def prefetch(pages):
    """Fetch what `parts()` reads for `pages` (specific pages) in a fixed number of queries."""
    for model, lookups in PREFETCH.items():
        batch = [page for page in pages if type(page) is model]
        if batch:
            prefetch_related_objects(batch, *lookups)


def parts(page):
    """[Part, …] for a specific page, the page's own text first."""
    if isinstance(page, ProcedurePage):
        return _procedure(page)
    if isinstance(page, MeetingPage):
        return _meeting(page)
    if isinstance(page, OutcomePage):
        return [Part("", "", plain(page.body))]
    if isinstance(page, ObjectivesPage):
        return [Part("", "", plain(page.preamble))] + [
            Part("", "", objective.text) for objective in page.objectives.all()
        ]
    if isinstance(page, MembershipPage):
        return [Part("", "", plain(page.how_to_join))]
    if isinstance(page, SteeringCommitteePage):
        terms = "; ".join(f"{term.seat}: {term.holder_label}" for term in page.seat_terms.all())
        return [Part("", "", plain(page.intro)), Part("", "", terms)]
    if isinstance(page, TaskForcePage):
        convenors = ", ".join(person.name for person in page.convenors.all())
        return [Part("", "", plain(page.mandate)), Part("", "", convenors)]
    return [Part("", "", plain(getattr(page, "intro", "") or page.search_description))]


def _procedure(page):
    found = [Part("", "", page.summary)]
    for clause in page.clauses:
        value = clause["value"]
        found.append(
            Part(
                value["anchor"],
                f"§{clause['number']} {value['heading']}",
                f"{value['heading']}. {plain(value['text'])}",
            )
        )
        for sub in clause["subclauses"]:
            heading = sub["value"]["heading"] or ""
            found.append(
                Part(
                    sub["value"]["anchor"],
                    f"§{sub['number']} {heading}".strip(),
                    f"{heading}. {plain(sub['value']['text'])}".lstrip(". "),
                )
            )
    return found


def _meeting(page):
    found = [
        Part("", "", f"{page.location}. {plain(page.context)}"),
        *(Part("", "", objective.text) for objective in page.objectives.all()),
    ]
    for session in page.sessions.all():
        people = ", ".join(person.name for person in session.facilitators.all())
        text = " ".join(
            filter(
                None,
                [
                    f"{session.title}.",
                    f"Facilitated by {people}." if people else "",
                    plain(session.description),
                    *_stream_text(session.agenda.raw_data),
                    *_stream_text(session.expected_outputs.raw_data),
                ],
            )
        )
        found.append(Part(session.anchor, f"Session: {session.title}", text))
    return found


def _stream_text(raw_data):
    """Every string in an agenda or outputs stream, in order (page links left out)."""
    for item in raw_data:
        yield from _strings(item.get("value"))


def _strings(value):
    if isinstance(value, str):
        if value.strip():
            yield value
    elif isinstance(value, dict):
        # List items are stored as {"type": "item", "value": …, "id": …}.
        if "type" in value and "value" in value and "id" in value:
            yield from _strings(value["value"])
            return
        for key, child in value.items():
            if key not in {"outcome", "id", "type"}:
                yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
