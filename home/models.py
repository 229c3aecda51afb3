"""The home page of the site."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.models import BasePage
from core.rich_text import INLINE_FEATURES
from procedures.models import ProcedurePage


class HomePage(BasePage):
    """The front door: what the network is, its sections, and what changed lately."""

    intro = RichTextField(blank=True, features=INLINE_FEATURES)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "procedures.ProcedureIndexPage",
        "procedures.ObjectivesPage",
        "meetings.MeetingIndexPage",
        "network.MembershipPage",
        "network.SteeringCommitteePage",
        "network.TaskForceIndexPage",
    ]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "home page"

    def sections(self):
        return self.get_children().live().public().in_menu().specific()

    def recently_changed_procedures(self, limit=5):
        return (
            ProcedurePage.objects.descendant_of(self)
            .live()
            .public()
            .order_by("-last_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recent_procedures"] = self.recently_changed_procedures()
        return context
