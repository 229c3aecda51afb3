"""A session's agenda, its expected outputs, and a meeting's papers."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

# Longer than any single agenda item could run: anything above this is a typing mistake.
MAX_DURATION_MINUTES = 600


class AgendaItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=1000)
    duration = blocks.IntegerBlock(
        required=False,
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        help_text=f"In minutes, from 1 to {MAX_DURATION_MINUTES}; leave empty if not given.",
    )
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=1000),
        required=False,
        default=[],
        label="Points under this item",
    )

    class Meta:
        icon = "time"
        label = "Agenda item"
        template = "meetings/blocks/agenda_item.html"


class DiscussionQuestionsBlock(blocks.StructBlock):
    questions = blocks.ListBlock(blocks.CharBlock(max_length=1000), min_num=1)
    note = blocks.CharBlock(
        required=False,
        max_length=1000,
        help_text="How the discussion is run, e.g. in small groups reporting back.",
    )

    class Meta:
        icon = "help"
        label = "Discussion questions"
        template = "meetings/blocks/discussion_questions.html"


class BreakoutGroupBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200)
    brief = blocks.TextBlock(help_text="What the group works on.")
    expected_output = blocks.TextBlock(required=False, help_text="What the group may produce.")

    class Meta:
        icon = "group"
        label = "Breakout group"
        template = "meetings/blocks/breakout_group.html"


class AgendaBlock(blocks.StreamBlock):
    """A session's running order: timed items, discussion questions and breakout groups."""

    item = AgendaItemBlock()
    questions = DiscussionQuestionsBlock()
    breakout_group = BreakoutGroupBlock()


class ExpectedOutputBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=1000)
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=1000),
        required=False,
        default=[],
        label="Questions it answers",
    )
    outcome = blocks.PageChooserBlock(
        page_type="meetings.OutcomePage",
        required=False,
        help_text="The outcome it became, once there is one.",
    )

    class Meta:
        icon = "success"
        label = "Expected output"


class ExpectedOutputsBlock(blocks.StreamBlock):
    output = ExpectedOutputBlock()


class ExternalPaperBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "link-external"
        label = "External link"


class PapersBlock(blocks.StreamBlock):
    """Background papers or reports: documents uploaded here, or links to elsewhere."""

    document = DocumentChooserBlock()
    link = ExternalPaperBlock()


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
