"""What changed between two versions of a page, section by section and word by word.

Pages describe themselves as a list of `Section`s (clauses for a procedure, objectives for
the statement of objectives, fields for the rest) holding plain text, as `core.text.plain_text`
makes it. Sections are matched by a stable key (a clause's anchor), so a clause that moved is
reported as moved, not as removed and added.
Insertions and deletions are marked with <ins> and <del> and a hidden text label, so the
marking does not depend on colour.
"""

import dataclasses
import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Words, runs of spaces and single punctuation marks, so "leave." differs from "leave" by ".".
WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclasses.dataclass(frozen=True)
class Section:
    key: str
    number: str
    heading: str
    text: str


@dataclasses.dataclass
class SectionChange:
    kind: str  # "added", "removed", "moved", "changed" or "unchanged"
    old: Section | None
    new: Section | None
    heading_html: str = ""
    text_html: str = ""

    @property
    def key(self):
        return (self.new or self.old).key

    @property
    def label(self):
        section = self.new or self.old
        return f"{section.number} {section.heading}".strip()

    @property
    def moved(self):
        return self.kind == "moved" or (
            self.old is not None and self.new is not None and self.old.number != self.new.number
        )


def word_diff(old, new):
    """HTML marking the words deleted from `old` and inserted in `new`; all text escaped."""
    a, b = WORDS.findall(old or ""), WORDS.findall(new or "")
    parts = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                '<del><span class="visually-hidden">[deleted: </span>'
                f'{escape("".join(a[a1:a2]))}<span class="visually-hidden">]</span></del>'
            )
        if op in ("insert", "replace"):
            parts.append(
                '<ins><span class="visually-hidden">[inserted: </span>'
                f'{escape("".join(b[b1:b2]))}<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _moved_keys(old_keys, new_keys):
    common = set(old_keys) & set(new_keys)
    a = [k for k in old_keys if k in common]
    b = [k for k in new_keys if k in common]
    in_order = set()
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        in_order.update(a[block.a : block.a + block.size])
    return common - in_order


def diff_sections(old_sections, new_sections):
    """Compare two lists of sections; returns SectionChanges in the newer version's order,
    with removed sections placed where they stood."""
    old_by_key = {s.key: s for s in old_sections}
    new_by_key = {s.key: s for s in new_sections}
    moved = _moved_keys([s.key for s in old_sections], [s.key for s in new_sections])
    changes = []
    removed_before = {}
    previous_key = None
    for section in old_sections:
        if section.key not in new_by_key:
            removed_before.setdefault(previous_key, []).append(section)
        else:
            previous_key = section.key

    def removed_after(key):
        return [SectionChange("removed", s, None) for s in removed_before.get(key, [])]

    changes.extend(removed_after(None))
    for section in new_sections:
        old = old_by_key.get(section.key)
        if old is None:
            change = SectionChange("added", None, section)
        else:
            same = old.heading == section.heading and old.text == section.text
            kind = "moved" if section.key in moved else ("unchanged" if same else "changed")
            change = SectionChange(kind, old, section)
            if not same:
                change.heading_html = word_diff(old.heading, section.heading)
                change.text_html = word_diff(old.text, section.text)
        changes.append(change)
        changes.extend(removed_after(section.key))
    return changes
