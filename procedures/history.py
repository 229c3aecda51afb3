"""The public record of a page: every version that was published, and only those.

A version is a revision that Wagtail logged as published ("wagtail.publish"). It is in force
from that moment until the next publication or until the page was unpublished. Drafts,
rejected submissions and revisions that never went live are never shown.
"""

import dataclasses
import datetime
import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import PageLogEntry, Revision, TaskState

from moderation.models import ChangeSummary, QuorumDecision

from .diff import Section, diff_sections

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
PUBLISH = "wagtail.publish"
UNPUBLISH = "wagtail.unpublish"


def public_name(user):
    """A person's name as they show it on their account; never their login name."""
    if user is None:
        return ""
    return user.get_full_name().strip() or "A member"


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
            .values_list("action", "revision_id", "timestamp", "user_id")
        )
        self.versions = []
        for action, revision_id, timestamp, _user_id in entries:
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

    def __len__(self):
        return len(self.versions)

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
        approvers = {}
        for decision in QuorumDecision.objects.filter(
            revision_id__in=revision_ids, decision=QuorumDecision.Decision.APPROVE
        ).select_related("user"):
            approvers.setdefault(decision.revision_id, []).append(public_name(decision.user))
        proposers = {}
        for task_state in TaskState.objects.filter(revision_id__in=revision_ids).select_related(
            "workflow_state__requested_by"
        ):
            proposers.setdefault(
                task_state.revision_id, public_name(task_state.workflow_state.requested_by)
            )
        entries = PageLogEntry.objects.filter(
            Q(page=self.page) & Q(action=PUBLISH) & Q(revision_id__in=revision_ids)
        ).select_related("user", "revision__user")
        for entry in entries:
            version = self._by_revision.get(entry.revision_id)
            if version is None:
                continue
            version.published_by = public_name(entry.user)
            version.summary = summaries.get(entry.revision_id, "")
            version.approved_by = approvers.get(entry.revision_id, [])
            version.proposed_by = proposers.get(entry.revision_id) or public_name(
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


class PublicHistoryMixin(RoutablePageMixin):
    """Public history routes for a page: its versions, each as it read, diffs and as-of views.

    Pages using it describe their content for diffs in `history_sections()`.
    """

    history_per_page = 20

    def history_sections(self):
        return [Section("title", "", "Title", self.title)]

    def history(self):
        return PageHistory(self)

    def not_found(self, request, message):
        return TemplateResponse(
            request, "404.html", {"exception": message, "page": self}, status=404
        )

    def history_url(self, *parts):
        return self.url + "history/" + "".join(f"{part}/" for part in parts)

    def _version_or_404(self, request, history, revision_id):
        version = history.get(revision_id)
        if version is None:
            return None, self.not_found(
                request, f"This page has no published version with the number {revision_id}."
            )
        return version, None

    @path("history/")
    def history_index(self, request):
        history = self.history()
        paginator = Paginator(history.newest_first(), self.history_per_page)
        page_of_versions = paginator.get_page(request.GET.get("page"))
        history.describe(page_of_versions.object_list)
        return TemplateResponse(
            request,
            "history/history_index.html",
            {"page": self, "history": history, "versions": page_of_versions},
        )

    @path("history/<int:revision_id>/")
    def history_version(self, request, revision_id):
        history = self.history()
        version, refusal = self._version_or_404(request, history, revision_id)
        if refusal:
            return refusal
        history.describe([version])
        return self.render_version(request, history, version)

    def render_version(self, request, history, version, as_of=None):
        old_page = Revision.objects.get(pk=version.revision_id).as_object()
        # The stored copy predates its own publication: say when this version went live.
        old_page.last_published_at = version.published_at
        context = old_page.get_context(request)
        context.update(version=version, history=history, current_page=self, as_of=as_of)
        return TemplateResponse(request, old_page.get_template(request), context)

    @path("history/<int:older_id>/<int:newer_id>/")
    def history_diff(self, request, older_id, newer_id):
        history = self.history()
        older, refusal = self._version_or_404(request, history, older_id)
        if refusal:
            return refusal
        newer, refusal = self._version_or_404(request, history, newer_id)
        if refusal:
            return refusal
        if older.number >= newer.number:
            return self.not_found(
                request,
                "To compare two versions, give the older one first: "
                f"{self.history_url(min(older_id, newer_id), max(older_id, newer_id))}",
            )
        history.describe([older, newer])
        revisions = Revision.objects.in_bulk([older_id, newer_id])
        old_page = revisions[older_id].as_object()
        new_page = revisions[newer_id].as_object()
        changes = diff_sections(old_page.history_sections(), new_page.history_sections())
        return TemplateResponse(
            request,
            "history/history_diff.html",
            {
                "page": self,
                "older": older,
                "newer": newer,
                "changes": changes,
                "changed": [c for c in changes if c.kind != "unchanged"],
            },
        )

    @path("as-of/")
    def as_of_form(self, request):
        """The history page's date form submits here; send it on to the date's address."""
        day = request.GET.get("day", "").strip()
        if parse_day(day) is None:
            return self.not_found(
                request, "Give a date as YYYY-MM-DD to read this page as it was on that day."
            )
        return redirect(f"{self.url}as-of/{day}/")

    @path("as-of/<str:day>/")
    def as_of(self, request, day):
        parsed = parse_day(day)
        if parsed is None:
            return self.not_found(
                request, f"“{day}” is not a date. Give one as YYYY-MM-DD, e.g. 2014-03-01."
            )
        history = self.history()
        version = history.in_force_on(parsed)
        if version is None:
            first = history.first
            if first is not None and parsed < timezone.localtime(first.published_at).date():
                message = (
                    f"This page did not exist yet on {parsed:%-d %B %Y}: it was first "
                    f"published on {timezone.localtime(first.published_at):%-d %B %Y}."
                )
            else:
                message = f"This page was not in force on {parsed:%-d %B %Y}."
            return self.not_found(request, message)
        history.describe([version])
        return self.render_version(request, history, version, as_of=parsed)

    @path("history/feed/")
    def history_feed(self, request):
        from .feeds import PageHistoryFeed

        return PageHistoryFeed()(request, page=self)
