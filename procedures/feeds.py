"""Atom feeds of published changes: the whole site, and one page's history."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from operations.site_address import absolute_url

from .changes import recent_changes

FEED_LENGTH = 50


class RecentChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Best Bits: recent changes"
    subtitle = "Every change to the network's rules and records, once approved and published."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return absolute_url(reverse("changes"))

    def feed_url(self):
        return absolute_url(self.request.path)

    def items(self):
        return recent_changes(limit=FEED_LENGTH)

    def item_title(self, change):
        return f"{change.page.title}: {change.summary or 'published'}"

    def item_description(self, change):
        return change.summary or "Published without a change summary."

    def item_link(self, change):
        return absolute_url(change.diff_url(self.request) or change.version_url(self.request))

    def item_guid(self, change):
        return absolute_url(change.version_url(self.request))

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.published_at

    def item_updateddate(self, change):
        return change.published_at

    def item_author_name(self, change):
        return change.published_by or None


class PageHistoryFeed(Feed):
    """The published versions of one page, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, page):
        self.request = request
        return page

    def title(self, page):
        return f"Best Bits: history of “{page.title}”"

    def link(self, page):
        return absolute_url(page.history_url())

    def feed_url(self, page):
        return absolute_url(self.request.path)

    def subtitle(self, page):
        return f"Every approved version of “{page.title}”."

    def items(self, page):
        history = page.history()
        return history.describe(history.newest_first()[:FEED_LENGTH])

    def item_title(self, version):
        return f"Version {version.number}: {version.summary or 'published'}"

    def item_description(self, version):
        parts = [version.summary or "Published without a change summary."]
        if version.proposed_by:
            parts.append(f"Proposed by {version.proposed_by}.")
        if version.approved_by:
            parts.append(f"Approved by {', '.join(version.approved_by)}.")
        return " ".join(parts)

    def item_link(self, version):
        page = self._page
        if version.previous is not None:
            return absolute_url(page.history_url(version.previous.revision_id, version.revision_id))
        return absolute_url(page.history_url(version.revision_id))

    def item_guid(self, version):
        return absolute_url(self._page.history_url(version.revision_id))

    item_guid_is_permalink = False

    def item_pubdate(self, version):
        return version.published_at

    def item_updateddate(self, version):
        return version.published_at

    def item_author_name(self, version):
        return version.proposed_by or None

    def get_feed(self, obj, request):
        self._page = obj
        return super().get_feed(obj, request)
