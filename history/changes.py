"""Recent published changes across the site, for /changes/ and its Atom feed."""

import dataclasses
import datetime

from wagtail.models import Page, PageLogEntry

from .versions import PUBLISH, public_name


@dataclasses.dataclass
class Change:
    page: Page
    revision_id: int
    published_at: datetime.datetime
    summary: str
    published_by: str
    previous_revision_id: int | None

    @property
    def has_history(self):
        return getattr(self.page, "has_public_history", False)

    def version_url(self, request=None):
        """The version as it read, or the page itself when it keeps no public history."""
        if not self.has_history:
            return self.page.get_url(request)
        return self.page.subpage_url("history_version", self.revision_id, request=request)

    def diff_url(self, request=None):
        """What this publication changed, or None for a first version or a page without
        a public history."""
        if not self.has_history or self.previous_revision_id is None:
            return None
        return self.page.subpage_url(
            "history_diff", self.previous_revision_id, self.revision_id, request=request
        )


def publications():
    """Log entries of publications of live, public pages, newest first."""
    return (
        PageLogEntry.objects.filter(
            action=PUBLISH,
            revision__isnull=False,
            page__in=Page.objects.live().public(),
        )
        .select_related("user", "revision__change_summary")
        .defer("revision__content")
        .order_by("-timestamp", "-pk")
    )


def recent_changes(limit):
    return as_changes(publications()[:limit])


def as_changes(entries):
    """Turn publication log entries into Changes, in a fixed number of queries."""
    entries = list(entries)
    pages = Page.objects.filter(pk__in={e.page_id for e in entries}).specific().in_bulk()
    # Each publication's predecessor, for the "what changed" link, in one query.
    previous, last_by_page = {}, {}
    for page_id, revision_id, pk in (
        PageLogEntry.objects.filter(action=PUBLISH, page_id__in=pages, revision__isnull=False)
        .order_by("page_id", "timestamp", "pk")
        .values_list("page_id", "revision_id", "pk")
    ):
        previous[pk] = last_by_page.get(page_id)
        last_by_page[page_id] = revision_id
    changes = []
    for entry in entries:
        page = pages.get(entry.page_id)
        if page is None:
            continue
        summary = getattr(entry.revision, "change_summary", None)
        changes.append(
            Change(
                page=page,
                revision_id=entry.revision_id,
                published_at=entry.timestamp,
                summary=summary.text if summary else "",
                published_by=public_name(entry.user),
                previous_revision_id=previous.get(entry.pk),
            )
        )
    return changes
