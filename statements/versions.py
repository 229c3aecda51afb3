"""Versions of a statement's text, as signatories see them.

A statement's public history has a version for every publication (`history.versions`), but
not every publication changes what people sign: closing the statement, or correcting its
addressees, leaves the text as it was. A *text version* is a run of published versions whose
text (the body, read as plain text, so a change of formatting alone is not a new text) is the
same; text versions are numbered 1, 2, … in order of publication. A signature belongs to the
text version of the revision that was live when it was signed.
"""

from core.text import plain_text
from history.versions import PageHistory


def text_of(content):
    """The signed text of a statement's stored content (a revision's or the record's)."""
    return plain_text((content or {}).get("body") or "")


class TextVersions:
    """The text versions of one statement, read from its record in one query."""

    def __init__(self, page_id, history=None):
        self.history = history or PageHistory(page_id)
        self._number = {}
        self._first = []  # the first published version of each text version
        text = None
        for version in self.history.versions:
            this_text = text_of(version.entry.content)
            if not self._first or this_text != text:
                self._first.append(version)
                text = this_text
            self._number[version.revision_id] = len(self._first)

    @property
    def current(self):
        """The number of the text version live now (0 before the first publication)."""
        return len(self._first)

    def number(self, revision_id):
        """The text version of `revision_id`, or None for a revision never published."""
        return self._number.get(revision_id)

    def is_current(self, revision_id):
        return self.current > 0 and self.number(revision_id) == self.current

    def current_revision_ids(self):
        return {rid for rid, number in self._number.items() if number == self.current}

    def first_version(self, number):
        """The first published version (`history.versions.Version`) of text version `number`."""
        return self._first[number - 1] if 0 < number <= len(self._first) else None

    def latest_version(self):
        return self.history.versions[-1] if self.history.versions else None
