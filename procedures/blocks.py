"""Clauses of a procedure, each with a stable anchor so that links to them stay valid."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from core.text import plain_text

ANCHOR_HELP = _(
    "The clause's address in links (#anchor). Filled in from the heading when left empty, "
    "then kept as it is when the heading changes or clauses are re-ordered."
)
CLAUSE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SubclauseBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200, label=_("Heading"))
    anchor = blocks.CharBlock(
        required=False, max_length=80, help_text=ANCHOR_HELP, label=_("Anchor")
    )
    text = blocks.RichTextBlock(features=CLAUSE_FEATURES, label=_("Text"))

    class Meta:
        icon = "list-ol"
        label = _("Sub-clause")


class ClauseBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, label=_("Heading"))
    anchor = blocks.CharBlock(
        required=False, max_length=80, help_text=ANCHOR_HELP, label=_("Anchor")
    )
    text = blocks.RichTextBlock(features=CLAUSE_FEATURES, required=False, label=_("Text"))
    subclauses = blocks.ListBlock(
        SubclauseBlock(), required=False, default=[], label=_("Subclauses")
    )

    class Meta:
        icon = "doc-full"
        label = _("Clause")


def _slug(text, fallback):
    return slugify(text)[:60].strip("-") or fallback


class ClauseStreamBlock(blocks.StreamBlock):
    """The body of a procedure: numbered clauses with unique anchors."""

    clause = ClauseBlock(label=_("Clause"))

    def clean(self, value):
        value = super().clean(value)
        fill_clause_anchors(value)
        clause_errors = {}
        for index in range(len(value)):
            errors = _duplicate_anchor_errors(index, value)
            if errors:
                clause_errors[index] = errors
        if clause_errors:
            raise blocks.StreamBlockValidationError(block_errors=clause_errors)
        return value


def iter_clause_anchors(stream_value):
    """Yield (clause index, sub-clause index or None, anchor) for every clause."""
    for index, item in enumerate(stream_value.raw_data):
        clause = item["value"]
        yield index, None, clause.get("anchor") or ""
        for sub_index, sub in enumerate(clause.get("subclauses") or []):
            yield index, sub_index, _sub_value(sub).get("anchor") or ""


def _sub_value(item):
    # List items are stored as {"type": "item", "value": {...}, "id": ...} since Wagtail 2.16.
    return item["value"] if "type" in item and "value" in item else item


def _duplicate_anchor_errors(index, stream_value):
    seen = {}
    for other_index, sub_index, anchor in iter_clause_anchors(stream_value):
        if anchor:
            seen.setdefault(anchor, []).append((other_index, sub_index))
    message = gettext("Another clause already uses the anchor “{}”; anchors must be unique.")
    clause = stream_value.raw_data[index]["value"]
    errors = {}
    clause_anchor = clause.get("anchor")
    if clause_anchor and len(seen[clause_anchor]) > 1:
        errors["anchor"] = ErrorList([ValidationError(message.format(clause_anchor))])
    sub_errors = {}
    for sub_index, sub in enumerate(clause.get("subclauses") or []):
        anchor = _sub_value(sub).get("anchor")
        if anchor and len(seen[anchor]) > 1:
            sub_errors[sub_index] = StructBlockValidationError(
                block_errors={"anchor": ErrorList([ValidationError(message.format(anchor))])}
            )
    if sub_errors:
        errors["subclauses"] = ListBlockValidationError(block_errors=sub_errors)
    return StructBlockValidationError(block_errors=errors) if errors else None


def fill_clause_anchors(stream_value):
    """Give every clause without an anchor one made from its heading, unique in the stream.

    Anchors already set are never changed, which is what keeps old links working.
    Returns True when an anchor was added.
    """
    taken = {anchor for _, _, anchor in iter_clause_anchors(stream_value) if anchor}
    changed = False

    def unique(base):
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    for index, item in enumerate(stream_value.raw_data):
        clause = item["value"]
        item_changed = False
        if not clause.get("anchor"):
            clause["anchor"] = unique(_slug(clause.get("heading", ""), f"clause-{index + 1}"))
            item_changed = True
        for sub_index, sub in enumerate(clause.get("subclauses") or []):
            sub = _sub_value(sub)
            if not sub.get("anchor"):
                base = _slug(sub.get("heading", ""), f"{clause['anchor']}-{sub_index + 1}")
                sub["anchor"] = unique(base)
                item_changed = True
        if item_changed:
            # Re-assigning drops the cached block, so the new anchors are what gets saved.
            stream_value.raw_data[index] = item
            changed = True
    return changed


def numbered_clauses(stream_value):
    """The clauses with their numbers (1, 2, 2.1 …), for the page and its table of contents."""
    clauses = []
    for index, child in enumerate(stream_value, start=1):
        clause = child.value
        subclauses = [
            {"number": f"{index}.{sub_index}", "value": sub}
            for sub_index, sub in enumerate(clause.get("subclauses") or [], start=1)
        ]
        clauses.append({"number": str(index), "value": clause, "subclauses": subclauses})
    return clauses


def clause_data(clause):
    """A numbered clause (from `numbered_clauses`) as data: its number, anchor and heading,
    its text as plain text and as the HTML the page shows, and its sub-clauses."""
    value = clause["value"]
    return {
        "number": clause["number"],
        "anchor": value["anchor"],
        "heading": value["heading"] or "",
        "text": plain_text(value["text"]),
        "html": str(value["text"]).strip() if value["text"] else "",
        "subclauses": [clause_data(sub) for sub in clause.get("subclauses", [])],
    }
