"""Atom feeds of published changes: the whole site, and one page's history.

A feed object serves every request (the site feed is one object in the URL configuration),
so nothing about a request is kept on it: `get_object()` returns what the request asks for,
`items()` turns it into `Entry`s with their links worked out, and the item methods only read
the entry they are given.
"""

import dataclasses
import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.site_address import absolute_url

from .changes import recent_changes

FEED_LENGTH = 50
NO_SUMMARY = _("Published without a change summary.")


def headline(entry):
    """What happened, in a few words: the change summary, or the kind of event."""
    if entry.kind == entry.Kind.PUBLISHED:
        return entry.summary or gettext("published")
    return (
        f"{entry.get_kind_display().lower()}: {entry.summary}"
        if entry.summary
        else (entry.get_kind_display().lower())
    )


def describe(entry):
    """The entry in a sentence or three: what changed, who proposed it, who approved it."""
    if entry.kind == entry.Kind.PUBLISHED:
        parts = [entry.summary or str(NO_SUMMARY)]
    else:
        parts = [
            f"{entry.get_kind_display()}."
            + (
                " " + gettext("Reason: %(reason)s") % {"reason": entry.summary}
                if entry.summary
                else ""
            )
        ]
    if entry.proposed_by:
        parts.append(gettext("Proposed by %(name)s.") % {"name": entry.proposed_by})
    if entry.approved_by:
        parts.append(gettext("Approved by %(names)s.") % {"names": ", ".join(entry.approved_by)})
    elif entry.performed_by and entry.performed_by != entry.proposed_by:
        parts.append(gettext("Done by %(name)s.") % {"name": entry.performed_by})
    return " ".join(parts)


@dataclasses.dataclass(frozen=True)
class Entry:
    title: str
    description: str
    link: str
    guid: str
    published: datetime.datetime
    author: str = ""


@dataclasses.dataclass(frozen=True)
class PageFeed:
    """What a page's history feed is about: the page, for the request asking."""

    page: object
    request: object


class EntryFeed(Feed):
    """An Atom feed whose items are `Entry`s; every link is on the site's own address.

    An entry's description is plain text (change summaries, reasons, people's names as they
    were typed); Atom carries it as `<summary type="html">`, which feed readers read as HTML,
    so it is escaped as HTML first: a summary saying `<script>` reaches readers as those
    characters, never as markup.
    """

    feed_type = Atom1Feed
    item_guid_is_permalink = False
    # Atom wants an author for the feed when an entry has none.
    author_name = "The Best Bits network"

    def feed_url(self, obj):
        request = obj.request if isinstance(obj, PageFeed) else obj
        return absolute_url(request.path)

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return escape(entry.description)

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.published

    def item_author_name(self, entry):
        return entry.author or None


class RecentChangesFeed(EntryFeed):
    title = _("Best Bits: recent changes")
    subtitle = _("Every change to the network's rules and records, once approved and published.")

    def link(self):
        return absolute_url(reverse("changes"))

    def get_object(self, request):
        return request

    def items(self, request):
        return [
            Entry(
                title=f"{change.title}: {headline(change.entry)}",
                description=describe(change.entry),
                link=absolute_url(change.diff_url(request) or change.version_url(request)),
                guid=absolute_url(f"{change.record_url(request)}#record-{change.entry.pk}"),
                published=change.entry.at,
                author=change.entry.proposed_by or change.entry.performed_by,
            )
            for change in recent_changes(limit=FEED_LENGTH)
        ]


class PageHistoryFeed(EntryFeed):
    """The published versions of one page, newest first."""

    def get_object(self, request, page):
        return PageFeed(page, request)

    def title(self, feed):
        return gettext("Best Bits: history of “%(title)s”") % {"title": feed.page.title}

    def link(self, feed):
        return absolute_url(feed.page.subpage_url("history", request=feed.request))

    def subtitle(self, feed):
        return gettext("Every approved version of “%(title)s”.") % {"title": feed.page.title}

    def items(self, feed):
        page, request = feed.page, feed.request
        history = page.history()
        entries = []
        for version in history.newest_first()[:FEED_LENGTH]:
            if version.previous is not None:
                link = page.subpage_url(
                    "history_diff",
                    version.previous.revision_id,
                    version.revision_id,
                    request=request,
                )
            else:
                link = page.subpage_url("history_version", version.revision_id, request=request)
            entries.append(
                Entry(
                    title=f"Version {version.number}: {version.summary or 'published'}",
                    description=describe(version.entry),
                    link=absolute_url(link),
                    guid=absolute_url(
                        page.subpage_url("history_version", version.revision_id, request=request)
                    ),
                    published=version.published_at,
                    author=version.proposed_by,
                )
            )
        return entries
