"""A meeting's objectives and its programme of sessions."""

from django import forms
from django.db import models
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from core.api_fields import PERSON_FIELDS, RecordField, api_fields_for
from core.models import TextRow
from core.rich_text import TEXT_FEATURES
from core.search import Part
from core.text import linked_pages, plain_text
from network.models import Person

from ..blocks import AgendaBlock, ExpectedOutputsBlock, PapersBlock, stream_strings


class MeetingObjective(TextRow):
    page = ParentalKey("meetings.MeetingPage", on_delete=models.CASCADE, related_name="objectives")

    class Meta(TextRow.Meta):
        verbose_name = _("meeting objective")
        verbose_name_plural = _("meeting objectives")


class Session(Orderable, ClusterableModel):
    """One entry in a meeting's programme: a working session, or a break, meal or social event."""

    class Kind(models.TextChoices):
        SESSION = "session", _("Session")
        BREAK = "break", _("Break, meal or social event")

    meeting = ParentalKey("meetings.MeetingPage", on_delete=models.CASCADE, related_name="sessions")
    day = models.DateField(verbose_name=_("day"))
    start_time = models.TimeField(
        null=True,
        blank=True,
        help_text=_("Leave empty when the programme gives no time."),
        verbose_name=_("start time"),
    )
    title = models.CharField(max_length=255, verbose_name=_("title"))
    kind = models.CharField(
        max_length=10, choices=Kind.choices, default=Kind.SESSION, verbose_name=_("kind")
    )
    facilitators = ParentalManyToManyField(
        Person, blank=True, related_name="facilitated_sessions", verbose_name=_("facilitators")
    )
    description = RichTextField(blank=True, features=TEXT_FEATURES, verbose_name=_("description"))
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"))
    expected_outputs = StreamField(
        ExpectedOutputsBlock(), blank=True, verbose_name=_("expected outputs")
    )
    background_papers = StreamField(PapersBlock(), blank=True, verbose_name=_("background papers"))

    panels = [
        FieldPanel("day"),
        FieldPanel("start_time"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("facilitators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
        FieldPanel("agenda"),
        FieldPanel("expected_outputs"),
        FieldPanel("background_papers"),
    ]
    api_fields = api_fields_for(
        "day",
        "start_time",
        "title",
        "kind",
        "description",
        "agenda",
        "expected_outputs",
        "background_papers",
        facilitators=RecordField(PERSON_FIELDS),
    )

    class Meta(Orderable.Meta):
        verbose_name_plural = _("sessions")
        verbose_name = _("session")

    def __str__(self):
        return f"{format_date(self.day, 'j F Y')}: {self.title}"

    @property
    def anchor(self):
        return f"session-{self.pk}"

    @property
    def is_break(self):
        return self.kind == self.Kind.BREAK

    def search_part(self):
        """The session as a part of its meeting's page for search: its title, facilitators,
        description, agenda and expected outputs, linked by its anchor."""
        people = ", ".join(person.name for person in self.facilitators.all())
        text = " ".join(
            filter(
                None,
                [
                    f"{self.title}.",
                    f"Facilitated by {people}." if people else "",
                    plain_text(self.description),
                    *stream_strings(self.agenda.raw_data),
                    *stream_strings(self.expected_outputs.raw_data),
                ],
            )
        )
        return Part(self.anchor, f"Session: {self.title}", text, linked_pages(self.description))

    @classmethod
    def attach_outputs(cls, sessions):
        """Set `session.outputs` on each session: its expected outputs, with their outcome pages
        fetched for all the sessions in a single query."""
        output_block = cls._meta.get_field("expected_outputs").stream_block.child_blocks["output"]
        raw = [
            (session, item["value"])
            for session in sessions
            for item in session.expected_outputs.raw_data
            if item["type"] == "output"
        ]
        values = output_block.bulk_to_python([value for _session, value in raw])
        for session in sessions:
            session.outputs = []
        for (session, _output), value in zip(raw, values, strict=True):
            session.outputs.append(value)
