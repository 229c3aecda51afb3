"""What meetings produced: statements, recommendations, reports, messages …"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.api_fields import PublicPageField, RecordField, api_fields_for
from core.models import BasePage
from core.rich_text import DOCUMENT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from core.visibility import viewable

from ..forms import OutcomePageForm
from .sessions import Session

LED_TO_TYPES = [
    "procedures.ProcedurePage",
    "procedures.ProcedureIndexPage",
    "procedures.ObjectivesPage",
    "network.TaskForcePage",
    "network.TaskForceIndexPage",
]


class OutcomePage(BasePage):
    """What a meeting produced: a statement, recommendations, a report, a message …"""

    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Statement")
        RECOMMENDATIONS = "recommendations", _("Recommendations")
        REPORT = "report", _("Report")
        MESSAGE = "message", _("Message")
        OBJECTIVES = "objectives", _("Objectives")
        PROCEDURE_WIKI = "procedure_wiki", _("Procedure wiki")
        TASK_FORCES = "task_forces", _("Task forces")

    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    date = models.DateField(
        null=True,
        blank=True,
        help_text=_("When it was agreed or published, if known."),
        verbose_name=_("date"),
    )
    session = models.ForeignKey(
        Session,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outcomes",
        help_text=_("The session of this meeting that produced it, if one did."),
        verbose_name=_("session"),
    )
    body = RichTextField(blank=True, features=DOCUMENT_FEATURES, verbose_name=_("body"))

    parent_page_types = ["meetings.MeetingPage"]
    subpage_types = []
    base_form_class = OutcomePageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("date"), FieldPanel("session")], heading=_("Record")
        ),
        FieldPanel("body"),
        InlinePanel("led_to", label=_("What it led to")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("get_kind_display"),
        index.SearchField("search_context"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    api_fields = api_fields_for(
        "kind", "date", "body", "led_to", session=RecordField(("id", "title", "day"))
    )

    search_kind = PageKind("outcome", gettext_noop("Outcome"))
    search_date_field = "date"
    search_prefetch = ("led_to",)

    class Meta:
        verbose_name = _("outcome")

    def search_context(self):
        """The meeting and the session the outcome came from, as its page names them."""
        session = f" Session: {self.session.title}." if self.session_id else ""
        return f"From {self.get_parent().title}.{session}"

    def search_parts(self):
        """Its text, pointing to the pages it links to and those it led to ("The objectives
        page holds its current text": the procedure or objectives it led to are where the
        rule is now)."""
        led_to = tuple(link.page_id for link in self.led_to.all())
        links = tuple(dict.fromkeys(linked_pages(self.body) + led_to))
        return [Part("", "", plain_text(self.body), links)]

    def preview_text(self):
        return self.search_description or plain_text(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["meeting"] = self.get_parent().specific
        context["led_to_pages"] = viewable(
            [link.page for link in self.led_to.select_related("page")], request
        )
        return context


class OutcomeLink(Orderable):
    """A procedure, the objectives or a task force that an outcome led to."""

    outcome = ParentalKey(OutcomePage, on_delete=models.CASCADE, related_name="led_to")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    panels = [PageChooserPanel("page", LED_TO_TYPES)]
    api_fields = api_fields_for(page=PublicPageField())

    def clean(self):
        super().clean()
        if self.page_id and self.page.specific_class._meta.label not in LED_TO_TYPES:
            raise ValidationError({"page": "Choose a procedure, the objectives, or a task force."})

    class Meta(Orderable.Meta):
        verbose_name = _("outcome link")
        verbose_name_plural = _("outcome links")
