"""Recent changes across the site, for /changes/ and its Atom feed: every publication,
withdrawal, deletion and move on the public record, newest first."""

import dataclasses

from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page

from .models import RecordEntry


@dataclasses.dataclass
class Change:
    """One entry of the record, with the page it is about if the page still exists."""

    entry: RecordEntry
    page: Page | None
    previous_revision_id: int | None

    @property
    def kind(self):
        return self.entry.kind

    @property
    def title(self):
        return self.page.title if self.page is not None else self.entry.title

    @property
    def has_history(self):
        return getattr(self.page, "has_public_history", False)

    def page_url(self, request=None):
        """The page as it is now, or None when it is no longer on the site."""
        if self.page is None or not self.page.live:
            return None
        return self.page.get_url(request)

    def record_url(self, request=None):
        """Where the record of the page can be read: its history, or, for a page that no
        longer exists, what the record kept of it."""
        if self.page is None:
            return reverse("deleted_page", args=(self.entry.page_id,))
        if self.has_history:
            return self.page.subpage_url("history", request=request)
        return self.page_url(request)

    def version_url(self, request=None):
        """The version this publication put on the site, as it read."""
        if self.kind != RecordEntry.Kind.PUBLISHED or self.entry.revision_id is None:
            return self.record_url(request)
        if self.page is None:
            return reverse("deleted_page_version", args=(self.entry.page_id, self.entry.pk))
        if not self.has_history:
            return self.page_url(request)
        return self.page.subpage_url("history_version", self.entry.revision_id, request=request)

    def diff_url(self, request=None):
        """What this publication changed, or None for a first version or a page without
        a public history."""
        if (
            self.kind != RecordEntry.Kind.PUBLISHED
            or not self.has_history
            or self.previous_revision_id is None
        ):
            return None
        return self.page.subpage_url(
            "history_diff", self.previous_revision_id, self.entry.revision_id, request=request
        )


def public_entries():
    """The record's entries anyone may read, newest first: those of pages that are public
    now (live or taken off the site), and those of deleted pages that were public then."""
    pages = Page.objects.all()
    return RecordEntry.objects.filter(
        Q(page_id__in=pages.public().values("pk"))
        | (Q(public=True) & ~Q(page_id__in=pages.values("pk")))
    ).order_by("-at", "-pk")


def recent_changes(limit):
    return as_changes(public_entries()[:limit])


def as_changes(entries):
    """Turn record entries into Changes, in a fixed number of queries."""
    entries = list(entries)
    page_ids = {entry.page_id for entry in entries}
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    # Each publication's predecessor on the same page, for the "what changed" link.
    previous, last_by_page = {}, {}
    for page_id, revision_id, pk in (
        RecordEntry.objects.filter(page_id__in=page_ids, kind=RecordEntry.Kind.PUBLISHED)
        .order_by("page_id", "at", "pk")
        .values_list("page_id", "revision_id", "pk")
    ):
        previous[pk] = last_by_page.get(page_id)
        last_by_page[page_id] = revision_id
    return [
        Change(
            entry=entry, page=pages.get(entry.page_id), previous_revision_id=previous.get(entry.pk)
        )
        for entry in entries
    ]
