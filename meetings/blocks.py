"""A session's agenda, its expected outputs, and a meeting's papers."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

# Longer than any single agenda item could run: anything above this is a typing mistake.
MAX_DURATION_MINUTES = 600


class AgendaItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=1000, label=_("Text"))
    duration = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        help_text=format_lazy(
            _("In minutes, from 1 to {maximum}; leave empty if not given."),
            maximum=MAX_DURATION_MINUTES,
        ),
        label=_("Duration"),
    )
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=1000),
        required=False,
        default=[],
        label=_("Points under this item"),
    )

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "meetings/blocks/agenda_item.html"


class DiscussionQuestionsBlock(blocks.StructBlock):
    questions = blocks.ListBlock(blocks.CharBlock(max_length=1000), min_num=1, label=_("Questions"))
    note = blocks.CharBlock(
        required=False,
        max_length=1000,
        help_text=_("How the discussion is run, e.g. in small groups reporting back."),
        label=_("Note"),
    )

    class Meta:
        icon = "help"
        label = _("Discussion questions")
        template = "meetings/blocks/discussion_questions.html"


class BreakoutGroupBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Name"))
    brief = blocks.TextBlock(help_text=_("What the group works on."), label=_("Brief"))
    expected_output = blocks.TextBlock(
        required=False, help_text=_("What the group may produce."), label=_("Expected output")
    )

    class Meta:
        icon = "group"
        label = _("Breakout group")
        template = "meetings/blocks/breakout_group.html"


class AgendaBlock(blocks.StreamBlock):
    """A session's running order: timed items, discussion questions and breakout groups."""

    item = AgendaItemBlock(label=_("Item"))
    questions = DiscussionQuestionsBlock(label=_("Questions"))
    breakout_group = BreakoutGroupBlock(label=_("Breakout group"))


class ExpectedOutputBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=1000, label=_("Text"))
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=1000),
        required=False,
        default=[],
        label=_("Questions it answers"),
    )
    outcome = blocks.PageChooserBlock(
        page_type="meetings.OutcomePage",
        required=False,
        help_text=_("The outcome it became, once there is one."),
        label=_("Outcome"),
    )

    class Meta:
        icon = "success"
        label = _("Expected output")


class ExpectedOutputsBlock(blocks.StreamBlock):
    output = ExpectedOutputBlock(label=_("Output"))


class ExternalPaperBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link-external"
        label = _("External link")


class PapersBlock(blocks.StreamBlock):
    """Background papers or reports: documents uploaded here, or links to elsewhere."""

    document = DocumentChooserBlock(label=_("Document"))
    link = ExternalPaperBlock(label=_("Link"))


def document_ids(papers):
    """The ids of the documents in a `PapersBlock` stream, in order, read from its raw data."""
    return [
        item["value"] for item in papers.raw_data if item["type"] == "document" and item["value"]
    ]


def stream_strings(raw_data):
    """Every string in an agenda or outputs stream's raw data, in order (page links left out)."""
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
