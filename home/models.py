"""The home page of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.api_fields import PublicPageField, api_fields_for
from core.models import BasePage
from core.rich_text import INLINE_FEATURES
from procedures.models import ProcedurePage


class HomePage(BasePage):
    """The front door: what the network is, its sections, and what changed lately."""

    intro = RichTextField(blank=True, features=INLINE_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "procedures.ProcedureIndexPage",
        "procedures.ObjectivesPage",
        "meetings.MeetingIndexPage",
        "network.MembershipPage",
        "network.SteeringCommitteePage",
        "network.TaskForceIndexPage",
        "statements.StatementIndexPage",
    ]
    max_count = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "start_here",
            label=_("Start here: the pages a newcomer should read first"),
            max_num=5,
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = api_fields_for("intro", "start_here")

    class Meta:
        verbose_name_plural = _("home pages")
        verbose_name = _("home page")

    def start_here_links(self):
        """The newcomer's first pages that are live and public, in the editor's order."""
        links = self.start_here.select_related("page").filter(page__in=Page.objects.live().public())
        return list(links)

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
        context["start_here_links"] = self.start_here_links()
        return context


class StartHereLink(Orderable):
    """One of the pages the home page sends a newcomer to first, with why."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="start_here")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    note = models.CharField(
        max_length=200, help_text=_("Why to read it, in a few words."), verbose_name=_("note")
    )

    panels = [PageChooserPanel("page"), FieldPanel("note")]
    api_fields = api_fields_for("note", page=PublicPageField())

    def __str__(self):
        return self.note

    class Meta(Orderable.Meta):
        verbose_name = _("start here link")
        verbose_name_plural = _("start here links")
