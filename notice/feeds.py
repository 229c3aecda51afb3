"""The Atom feed of approved changes in their notice period (/changes/upcoming/feed/)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.site_address import absolute_url
from history.feeds import Entry, EntryFeed

from . import periods
from .views import public_notices

FEED_LENGTH = 50


class UpcomingChangesFeed(EntryFeed):
    title = _("Best Bits: approved changes, before they take effect")
    subtitle = _("Every approved change in its notice period, with the date it takes effect.")

    def get_object(self, request):
        return request

    def link(self):
        return absolute_url(reverse("upcoming"))

    def items(self, request):
        return [
            Entry(
                title=f"{notice.page.title}: {notice.summary or 'approved change'}",
                description=(
                    f"{notice.summary} Proposed by {notice.proposed_by}; approved by "
                    f"{', '.join(notice.approved_by)}. {periods.describe(notice.takes_effect_at)}."
                ),
                link=absolute_url(reverse("upcoming_change", args=(notice.pk,))),
                guid=absolute_url(reverse("upcoming_change", args=(notice.pk,))),
                published=notice.approved_at,
                author=notice.proposed_by,
            )
            for notice in public_notices()[:FEED_LENGTH]
        ]
