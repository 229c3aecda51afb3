"""The public record of a page: every version that was published, and only those.

A version is a revision that Wagtail logged as published ("wagtail.publish"). It is in force
from that moment until the next publication or until the page was unpublished. Drafts,
rejected submissions and revisions that never went live are never shown.

Who proposed and who approved a version is told by the apps that run approvals, through the
`ATTRIBUTION_HOOK` Wagtail hook (moderation registers one), so this module knows nothing of
how changes are approved.
"""

import dataclasses
import datetime
import re

from django.utils import timezone
from wagtail import hooks
from wagtail.models import PageLogEntry

from .models import ChangeSummary

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PUBLISH = "wagtail.publish"
UNPUBLISH = "wagtail.unpublish"
# Hook functions take a list of revision ids and return {revision id: Attribution}.
ATTRIBUTION_HOOK = "attribute_published_revisions"


def public_name(user):
    """A person's name as they show it on their account; never their login name."""
    if user is None:
        return ""
    return user.get_full_name().strip() or "A member"


@dataclasses.dataclass(frozen=True)
class Attribution:
    """Who proposed a published revision, and who approved it (public names)."""

    proposed_by: str = ""
    approved_by: tuple = ()


def attributions(revision_ids):
    """{revision id: Attribution} from every app that records approvals."""
    found = {}
    for attribute in hooks.get_hooks(ATTRIBUTION_HOOK):
        for revision_id, attribution in attribute(revision_ids).items():
            found.setdefault(revision_id, attribution)
    return found


@dataclasses.dataclass
class Version:
    """One published version of a page."""

    number: int
    revision_id: int
    published_at: datetime.datetime
    until: datetime.datetime | None = None
    withdrawn: bool = False
    summary: str = ""
    proposed_by: str = ""
    approved_by: list = dataclasses.field(default_factory=list)
    published_by: str = ""
    previous: "Version | None" = None

    @property
    def is_current(self):
        return self.until is None and not self.withdrawn

    def in_force_on(self, day):
        start = timezone.localtime(self.published_at).date()
        if day < start:
            return False
        return self.until is None or day < timezone.localtime(self.until).date()


class PageHistory:
    """The published versions of one page, oldest first, with their details on demand."""

    def __init__(self, page):
        self.page = page
        entries = (
            PageLogEntry.objects.filter(page=page, action__in=[PUBLISH, UNPUBLISH])
            .order_by("timestamp", "pk")
            .values_list("action", "revision_id", "timestamp")
        )
        self.versions = []
        for action, revision_id, timestamp in entries:
            current = self.versions[-1] if self.versions else None
            if action == UNPUBLISH:
                if current is not None and current.until is None:
                    current.until, current.withdrawn = timestamp, True
                continue
            if revision_id is None:
                continue
            if current is not None and current.until is None:
                current.until = timestamp
            self.versions.append(
                Version(
                    number=len(self.versions) + 1,
                    revision_id=revision_id,
                    published_at=timestamp,
                    previous=current,
                )
            )
        self._by_revision = {v.revision_id: v for v in self.versions}

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

    @property
    def first(self):
        return self.versions[0] if self.versions else None

    def describe(self, versions):
        """Fill in summary, proposer, approvers and publisher for `versions` in a few queries."""
        revision_ids = [v.revision_id for v in versions]
        summaries = dict(
            ChangeSummary.objects.filter(revision_id__in=revision_ids).values_list(
                "revision_id", "text"
            )
        )
        attributed = attributions(revision_ids)
        entries = PageLogEntry.objects.filter(
            page=self.page, action=PUBLISH, revision_id__in=revision_ids
        ).select_related("user", "revision__user")
        for entry in entries:
            version = self._by_revision.get(entry.revision_id)
            if version is None:
                continue
            attribution = attributed.get(entry.revision_id, Attribution())
            version.published_by = public_name(entry.user)
            version.summary = summaries.get(entry.revision_id, "")
            version.approved_by = list(attribution.approved_by)
            version.proposed_by = attribution.proposed_by or public_name(
                entry.revision.user if entry.revision else None
            )
        return versions


def parse_day(text):
    """A YYYY-MM-DD date, or None if `text` is not one (malformed or impossible)."""
    if not DAY.fullmatch(text or ""):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
