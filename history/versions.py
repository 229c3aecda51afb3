"""The public record of a page: every version that was published, and only those.

A version is a publication on the page's record (`RecordEntry`, written when it happened).
It is in force from that moment until the next publication, or until the page was taken
off the site (withdrawn) or deleted. Drafts, rejected submissions and revisions that never
went live are never on the record.
"""

import dataclasses
import datetime
import re

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from core.charts import Lane, Span, timeline

from .models import RecordEntry

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ENDINGS = {RecordEntry.Kind.WITHDRAWN, RecordEntry.Kind.DELETED}


@dataclasses.dataclass
class Version:
    """One published version of a page, as the record has it."""

    number: int
    entry: RecordEntry
    until: datetime.datetime | None = None
    ended_by: RecordEntry | None = None
    previous: "Version | None" = None

    @property
    def revision_id(self):
        return self.entry.revision_id

    @property
    def published_at(self):
        return self.entry.at

    @property
    def summary(self):
        return self.entry.summary

    @property
    def proposed_by(self):
        return self.entry.proposed_by

    @property
    def approved_by(self):
        return self.entry.approved_by

    @property
    def published_by(self):
        return self.entry.performed_by

    @property
    def withdrawn(self):
        return self.ended_by is not None

    @property
    def is_current(self):
        return self.until is None

    def in_force_on(self, day):
        start = timezone.localtime(self.published_at).date()
        if day < start:
            return False
        return self.until is None or day < timezone.localtime(self.until).date()


class PageHistory:
    """The published versions of one page, oldest first, and how it left the site, if it did;
    read in one query (`entries`: the page's entries, oldest first, when already read)."""

    def __init__(self, page_id, entries=None):
        self.page_id = page_id
        self.versions = []
        self.withdrawals = []
        if entries is None:
            entries = RecordEntry.objects.filter(page_id=page_id).order_by("at", "pk")
        for entry in entries:
            current = self.versions[-1] if self.versions else None
            if entry.kind in ENDINGS:
                self.withdrawals.append(entry)
                if current is not None and current.until is None:
                    current.until, current.ended_by = entry.at, entry
            elif entry.kind == RecordEntry.Kind.PUBLISHED:
                if current is not None and current.until is None:
                    current.until = entry.at
                self.versions.append(
                    Version(number=len(self.versions) + 1, entry=entry, previous=current)
                )
        self._by_revision = {v.revision_id: v for v in self.versions}

    @classmethod
    def for_pages(cls, page_ids):
        """{page id: PageHistory} for every page in `page_ids` (ids, or a query of them), read
        in one query."""
        entries = {}
        for entry in RecordEntry.objects.filter(page_id__in=page_ids).order_by("at", "pk"):
            entries.setdefault(entry.page_id, []).append(entry)
        return {page_id: cls(page_id, page_entries) for page_id, page_entries in entries.items()}

    def newest_first(self):
        return list(reversed(self.versions))

    def get(self, revision_id):
        return self._by_revision.get(revision_id)

    def in_force_on(self, day):
        """The version in force on `day`, or None."""
        for version in reversed(self.versions):
            if version.in_force_on(day):
                return version
        return None

    def not_in_force_reason(self, day):
        """Why no version was in force on `day`, in words."""
        first = self.first
        if first is not None and day < timezone.localtime(first.published_at).date():
            return _(
                "This page did not exist yet on %(day)s: it was first published on %(first)s."
            ) % {
                "day": format_date(day, "j F Y"),
                "first": format_date(timezone.localtime(first.published_at), "j F Y"),
            }
        return _("This page was not in force on %(day)s.") % {"day": format_date(day, "j F Y")}

    @property
    def first(self):
        return self.versions[0] if self.versions else None

    def timeline(self, today=None):
        """The page's life (core.charts.Timeline): each version from its publication to the
        next, and the time it was off the site after a withdrawal."""
        today = today or timezone.localdate()
        spans = []
        for version in self.versions:
            start = timezone.localtime(version.published_at).date()
            if spans and spans[-1].kind == "withdrawn":
                spans[-1].end = start
            end = timezone.localtime(version.until).date() if version.until else None
            spans.append(Span(f"version {version.number}", start, end, "version"))
            if version.ended_by is not None:
                spans.append(Span("off the site", end, None, "withdrawn"))
        return timeline([Lane("Versions", spans)], today) if spans else None

    @property
    def withdrawn(self):
        """The entry that took the page off the site, if it is off the site now."""
        last = self.versions[-1] if self.versions else None
        return last.ended_by if last is not None else None


def parse_day(text):
    """A YYYY-MM-DD date, or None if `text` is not one (malformed or impossible)."""
    if not DAY.fullmatch(text or ""):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
