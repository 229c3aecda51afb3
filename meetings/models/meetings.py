"""The network's meetings and their programme of sessions."""

from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.api_fields import ORGANISATION_FIELDS, PERSON_FIELDS, RecordField, api_fields_for
from core.models import BasePage
from core.rich_text import TEXT_FEATURES
from core.search import PageKind, Part
from core.text import linked_pages, plain_text
from network.models import Organisation, Person
from network.roles import RoleEntry, RoleGroup

from ..blocks import PapersBlock, document_ids
from ..forms import MeetingPageForm
from ..open_data import meeting_records
from .sessions import Session


class MeetingIndexPage(BasePage):
    """All of the network's meetings: upcoming ones first, then the record of past ones."""

    intro = RichTextField(blank=True, features=TEXT_FEATURES, verbose_name=_("intro"))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["meetings.MeetingPage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = api_fields_for("intro")

    class Meta:
        verbose_name_plural = _("meeting indexes")
        verbose_name = _("meeting index")

    def meetings(self, today=None):
        """(upcoming, soonest first; past, latest first)."""
        today = today or timezone.localdate()
        meetings = MeetingPage.objects.child_of(self).live().public()
        return (
            meetings.filter(end_date__gte=today).order_by("start_date"),
            meetings.filter(end_date__lt=today).order_by("-start_date"),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming"], context["past"] = self.meetings()
        return context


@dataclass
class ProgrammeDay:
    number: int
    date: object
    sessions: list


PARTICIPANTS = ("participating_organisations", "participants")


class MeetingPage(BasePage):
    """One meeting, readable as the agenda it was: days, sessions, times, outputs."""

    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(verbose_name=_("end date"))
    location = models.CharField(
        max_length=255,
        help_text=_("Place and country, e.g. Bali, Indonesia."),
        verbose_name=_("location"),
    )
    venue = models.CharField(max_length=255, blank=True, verbose_name=_("venue"))
    context = RichTextField(
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Why the meeting was held, and what for."),
        verbose_name=_("context"),
    )
    participating_organisations = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="meetings",
        verbose_name=_("participating organisations"),
    )
    participants = ParentalManyToManyField(
        Person, blank=True, related_name="meetings", verbose_name=_("participants")
    )
    background_papers = StreamField(PapersBlock(), blank=True, verbose_name=_("background papers"))
    reports = StreamField(PapersBlock(), blank=True, verbose_name=_("reports"))

    parent_page_types = ["meetings.MeetingIndexPage"]
    subpage_types = ["meetings.OutcomePage", "statements.StatementPage"]
    base_form_class = MeetingPageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("location"),
                FieldPanel("venue"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("context"),
        InlinePanel("objectives", label=_("Objectives of the meeting")),
        InlinePanel("sessions", label=_("Sessions")),
        MultiFieldPanel(
            [
                FieldPanel("participating_organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("participants", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Participants"),
        ),
        FieldPanel("background_papers"),
        FieldPanel("reports"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("context"),
        index.SearchField("location"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.RelatedFields("objectives", [index.SearchField("text")]),
        index.RelatedFields(
            "sessions",
            [
                index.SearchField("title", boost=2),
                index.SearchField("description"),
                index.SearchField("agenda"),
                index.SearchField("expected_outputs"),
                index.RelatedFields("facilitators", [index.SearchField("name")]),
            ],
        ),
        *(index.RelatedFields(name, [index.SearchField("name")]) for name in PARTICIPANTS),
    ]
    api_fields = api_fields_for(
        "start_date",
        "end_date",
        "location",
        "venue",
        "context",
        "objectives",
        "sessions",
        "background_papers",
        "reports",
        participating_organisations=RecordField(ORGANISATION_FIELDS),
        participants=RecordField(PERSON_FIELDS),
    )

    search_kind = PageKind("meeting", gettext_noop("Meeting"))
    search_date_field = "start_date"
    search_groups_descendants = True
    search_prefetch = ("objectives", "sessions__facilitators", *PARTICIPANTS)

    class Meta:
        verbose_name_plural = _("meetings")
        verbose_name = _("meeting")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "A meeting cannot end before it starts."})

    def programme(self):
        """The sessions grouped by day, each with `outputs` resolved to their outcome pages.

        Runs a fixed number of queries however many sessions there are: facilitators are
        prefetched and every linked outcome is fetched in one go.
        """
        sessions = list(self.sessions.prefetch_related("facilitators"))
        Session.attach_outputs(sessions)
        sessions.sort(key=lambda session: session.day)  # stable: keeps the editor's order
        return [
            ProgrammeDay(number, day, list(day_sessions))
            for number, (day, day_sessions) in enumerate(
                groupby(sessions, key=lambda session: session.day), start=1
            )
        ]

    def outcomes(self):
        """What the meeting produced: its outcome pages and joint statements (any child page
        with a `get_kind_display()` and a `date`)."""
        return self.get_children().live().public().specific()

    def people_on_record(self):
        facilitators = [p for session in self.sessions.all() for p in session.facilitators.all()]
        return [*facilitators, *self.participants.all()]

    def search_parts(self):
        """Where and why, the meeting's objectives, then each session, its outcomes and who
        took part, linked by their anchors."""
        found = [
            Part(
                "", "", f"{self.location}. {plain_text(self.context)}", linked_pages(self.context)
            ),
            *(Part("", "", objective.text) for objective in self.objectives.all()),
        ]
        found += [session.search_part() for session in self.sessions.all()]
        outcomes = getattr(self, "_search_outcomes", None)
        if outcomes is None:
            outcomes = [(outcome.pk, outcome.title) for outcome in self.outcomes()]
        if outcomes:
            # Its titles only, not its heading: "outcome" is what each of them is, and the
            # meeting is not a better answer than they are. Linked to them: an outcome that
            # answers as well as the list comes before it.
            titles = "; ".join(title for _pk, title in outcomes)
            links = tuple(pk for pk, _title in outcomes)
            found.append(Part("outcomes", "Outcomes", titles, links))
        names = [record.name for related in PARTICIPANTS for record in getattr(self, related).all()]
        if names:
            found.append(Part("participants-heading", "Participants", ", ".join(names)))
        return found

    @classmethod
    def prefetch_search_parts(cls, pages):
        """The rows `search_parts` reads, and the outcomes of all `pages` in one query."""
        super().prefetch_search_parts(pages)
        if not pages:
            return
        children = Page.objects.none()
        for page in pages:
            children |= Page.objects.child_of(page)
        outcomes = {}
        for pk, path, title in (
            children.live().public().order_by("path").values_list("pk", "path", "title")
        ):
            outcomes.setdefault(path[: -Page.steplen], []).append((pk, title))
        for page in pages:
            page._search_outcomes = outcomes.get(page.path, [])

    def search_documents(self):
        """[(document id, Part with no text), …]: the documents the meeting carries (its
        background papers and reports, then each session's papers) and the part of the page
        that lists each, for search to say where a document belongs."""
        found = [
            (document_id, Part("background-papers", "Background papers", ""))
            for document_id in document_ids(self.background_papers)
        ]
        found += [
            (document_id, Part("reports", "Reports", ""))
            for document_id in document_ids(self.reports)
        ]
        for session in self.sessions.all():
            found += [
                (document_id, Part(session.anchor, f"Session: {session.title}", ""))
                for document_id in document_ids(session.background_papers)
            ]
        return found

    def preview_text(self):
        return self.search_description or plain_text(self.context) or self.location

    @classmethod
    def popolo_records(cls, pages, request):
        return meeting_records(pages, request)

    @classmethod
    def person_roles(cls, person, pages):
        sessions = (
            person.facilitated_sessions.filter(meeting__in=pages)
            .select_related("meeting")
            .order_by("day", "sort_order")
        )
        meetings = person.meetings.filter(pk__in=pages.values("pk")).order_by("-start_date")
        return [
            RoleGroup(
                "Meetings taken part in",
                [
                    RoleEntry(meeting, meeting.title, start=meeting.start_date)
                    for meeting in meetings
                ],
            ),
            RoleGroup(
                "Sessions facilitated",
                [
                    RoleEntry(
                        session.meeting,
                        session.title,
                        anchor=session.anchor,
                        detail=session.meeting.title,
                        start=session.day,
                    )
                    for session in sessions
                ],
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = self.programme()
        context["outcome_list"] = list(self.outcomes())
        context["participating_organisation_list"] = list(self.participating_organisations.all())
        context["participant_list"] = list(self.participants.all())
        return context
