"""The procedure wiki and the agreed statement of objectives."""

import json
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.api_fields import PublicPageField, api_fields_for
from core.models import BasePage, TextRow, grouped_by_choice
from core.open_data import popolo_date
from core.rich_text import INLINE_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from history.diff import Section
from history.mixin import PublicHistoryMixin

from .blocks import (
    ClauseStreamBlock,
    clause_data,
    fill_clause_anchors,
    iter_clause_anchors,
    numbered_clauses,
)


class ProcedureIndexPage(BasePage):
    """The front of the procedure wiki: every procedure, grouped by topic."""

    intro = RichTextField(blank=True, features=INLINE_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = api_fields_for("intro")

    class Meta:
        verbose_name_plural = _("procedure wikis")
        verbose_name = _("procedure wiki")

    def procedures_by_topic(self):
        """[(topic label, [procedure, …]), …] in the order topics are declared."""
        procedures = (
            ProcedurePage.objects.child_of(self).live().public().order_by("title").specific()
        )
        return grouped_by_choice(procedures, "topic", ProcedurePage.Topic.choices)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.procedures_by_topic()
        return context


class ProcedurePage(PublicHistoryMixin, BasePage):
    """One working procedure of the network, written as numbered clauses."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    class Topic(models.TextChoices):
        ORGANISATION = "organisation", _("How the network is organised")
        MEMBERSHIP = "membership", _("Membership")
        STATEMENTS = "statements", _("Joint statements")
        STEERING_COMMITTEE = "steering_committee", _("Steering committee")
        TASK_FORCES = "task_forces", _("Task forces")
        MEETINGS = "meetings", _("Meetings")

    summary = models.TextField(
        max_length=400,
        help_text=_("One or two plain sentences, shown in listings and search."),
        verbose_name=_("summary"),
    )
    topic = models.CharField(
        max_length=20, choices=Topic.choices, default=Topic.ORGANISATION, verbose_name=_("topic")
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROPOSED, verbose_name=_("status")
    )
    in_force_from = models.DateField(
        null=True,
        blank=True,
        help_text=_("Only for procedures that are in force or superseded."),
        verbose_name=_("in force from"),
    )
    body = StreamField(ClauseStreamBlock(), blank=True, verbose_name=_("body"))
    related_procedures = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related procedures")
    )

    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("status"), FieldPanel("in_force_from")],
            heading=_("Standing"),
        ),
        FieldPanel("body"),
        FieldPanel("related_procedures", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.FilterField("status"),
        index.FilterField("topic"),
        index.FilterField("in_force_from"),
    ]
    api_fields = api_fields_for(
        "summary",
        "topic",
        "status",
        "in_force_from",
        "body",
        related_procedures=PublicPageField(),
    )

    search_kind = PageKind("procedure", gettext_noop("Procedure"))
    search_answers_how = True
    search_date_field = "in_force_from"

    class Meta:
        verbose_name_plural = _("procedures")
        verbose_name = _("procedure")

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.PROPOSED and self.in_force_from:
            errors["in_force_from"] = "A proposed procedure is not in force yet: leave this empty."
        fill_clause_anchors(self.body)
        anchors = [anchor for _, _, anchor in iter_clause_anchors(self.body)]
        duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
        if duplicates:
            errors["body"] = "Clause anchors must be unique; repeated: " + ", ".join(duplicates)
        if errors:
            raise ValidationError(errors)

    @property
    def standing(self):
        """The procedure's status in words a newcomer reads right: whether it binds anyone; in
        the language being read."""
        day = date_format(self.in_force_from, "j F Y") if self.in_force_from else ""
        if self.status == self.Status.IN_FORCE:
            return gettext("In force since %(day)s") % {"day": day} if day else gettext("In force")
        if self.status == self.Status.SUPERSEDED:
            return (
                gettext("Superseded: no longer in force (it was from %(day)s)") % {"day": day}
                if day
                else gettext("Superseded: no longer in force")
            )
        return gettext("Proposed: not yet adopted, so it binds no one yet")

    @cached_property
    def clauses(self):
        return numbered_clauses(self.body)

    def preview_text(self):
        return self.search_description or self.summary

    def data_content(self):
        """The procedure as data, as its page reads: its standing, summary and clauses."""
        return {
            "title": self.title,
            "summary": self.summary,
            "topic": self.get_topic_display(),
            "status": self.status,
            "standing": self.standing,
            "in_force_from": popolo_date(self.in_force_from),
            "clauses": [clause_data(clause) for clause in self.clauses],
        }

    def history_sections(self):
        sections = [
            Section("title", "", "Title", self.title),
            Section("summary", "", "Summary", self.summary),
            Section(
                "standing",
                "",
                "Status",
                " ".join(filter(None, [self.get_status_display(), str(self.in_force_from or "")])),
            ),
        ]
        for clause in self.clauses:
            value = clause["value"]
            sections.append(
                Section(
                    value["anchor"], clause["number"], value["heading"], plain_text(value["text"])
                )
            )
            for sub in clause["subclauses"]:
                sections.append(
                    Section(
                        sub["value"]["anchor"],
                        sub["number"],
                        sub["value"]["heading"] or "",
                        plain_text(sub["value"]["text"]),
                    )
                )
        return sections

    def search_parts(self):
        """The summary, then each clause and sub-clause, linked by its anchor.

        Kept by the text they are made from (the summary and the body as it would be saved),
        so never out of date: a search page shows the same procedures again and again, and
        reading a body's clauses costs more than writing the body out."""
        # Blocks' ids say nothing a part shows (a clause's anchor is in its value).
        body = [(block["type"], block["value"]) for block in self.body.get_prep_value()]
        return list(_search_parts(self.summary, json.dumps(body, cls=DjangoJSONEncoder)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Ids first: in previews the relation is an in-memory list, not a queryset.
        related_ids = [procedure.pk for procedure in self.related_procedures.all()]
        context["related"] = (
            ProcedurePage.objects.filter(pk__in=related_ids).live().public().order_by("title")
        )
        if self.pk:
            versions = self.history().versions
            context["current_version"] = versions[-1] if versions else None
        return context


# Procedures' search parts kept by their summary and body (`ProcedurePage.search_parts`).
KEPT_PARTS = 1024


@lru_cache(maxsize=KEPT_PARTS)
def _search_parts(summary, body):
    """(Part, …) of a procedure with this summary and this body (its blocks' types and
    values, as JSON)."""
    stream = [{"type": kind, "value": value} for kind, value in json.loads(body)]
    found = [Part("", "", summary)]
    for clause in numbered_clauses(ProcedurePage._meta.get_field("body").to_python(stream)):
        value = clause["value"]
        found.append(
            Part(
                value["anchor"],
                f"§{clause['number']} {value['heading']}",
                f"{value['heading']}. {plain_text(value['text'])}",
                linked_pages(value["text"]),
            )
        )
        for sub in clause["subclauses"]:
            heading = sub["value"]["heading"] or ""
            found.append(
                Part(
                    sub["value"]["anchor"],
                    f"§{sub['number']} {heading}".strip(),
                    f"{heading}. {plain_text(sub['value']['text'])}".lstrip(". "),
                    linked_pages(sub["value"]["text"]),
                    value["heading"],
                )
            )
    return tuple(found)


class ObjectivesPage(PublicHistoryMixin, BasePage):
    """The network's agreed statement of objectives."""

    preamble = RichTextField(blank=True, features=INLINE_FEATURES, verbose_name=_("preamble"))
    adopted_on = models.DateField(null=True, blank=True, verbose_name=_("adopted on"))
    adopted_at = models.ForeignKey(
        "meetings.OutcomePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The meeting outcome that records where the objectives were agreed."),
        verbose_name=_("adopted at"),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("preamble"),
        InlinePanel("objectives", label=_("Objectives"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("adopted_on"), PageChooserPanel("adopted_at", "meetings.OutcomePage")],
            heading=_("Adoption"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("preamble"),
        index.RelatedFields("objectives", [index.SearchField("text")]),
    ]
    api_fields = api_fields_for(
        "preamble", "objectives", "adopted_on", adopted_at=PublicPageField()
    )

    search_kind = PageKind("objectives", gettext_noop("Objectives"))
    search_date_field = "adopted_on"
    search_prefetch = ("objectives",)

    class Meta:
        verbose_name_plural = _("statements of objectives")
        verbose_name = _("statement of objectives")

    def preview_text(self):
        return self.search_description or plain_text(self.preamble)

    def search_parts(self):
        return [Part("", "", plain_text(self.preamble), linked_pages(self.preamble))] + [
            Part("", "", objective.text) for objective in self.objectives.all()
        ]

    def history_sections(self):
        sections = [
            Section("title", "", "Title", self.title),
            Section("preamble", "", "Preamble", plain_text(self.preamble)),
        ]
        for number, objective in enumerate(self.objectives.all(), start=1):
            # Objectives keep their database id across revisions, so a moved one is found.
            key = f"objective-{objective.pk or objective.text[:40]}"
            sections.append(Section(key, str(number), "", objective.text))
        return sections


class Objective(TextRow):
    page = ParentalKey(ObjectivesPage, on_delete=models.CASCADE, related_name="objectives")

    class Meta(TextRow.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
